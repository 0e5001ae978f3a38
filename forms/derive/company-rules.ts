import { BUSINESS_SCOPE_ITEMS, industryDivision, lookupRegion } from '../codes/index.ts';
import { fullAddress } from '../elements/company.ts';
import { personForRole } from '../model/roles.ts';
import type { FormValues, Row } from '../model/types.ts';
import { rowScalar, rowsOf, scalar } from '../model/values.ts';
import type { Derivation } from './types.ts';

/** The 主营 row of the 经营范围 (the row marked main, else the first). */
export function mainScopeRow(values: FormValues): Row | undefined {
  const rows = rowsOf(values, 'scope');
  return rows.find((r) => rowScalar(r, 'main') === '1') ?? rows[0];
}

function byCompanyType<T extends string>(table: Record<string, T>) {
  return (values: FormValues): T | undefined => {
    const type = scalar(values, 'company.type');
    return type ? table[type] : undefined;
  };
}

const sameAddress = (values: FormValues) => scalar(values, 'company.businessAddress.sameAsDomicile') === '1';

export const COMPANY_RULES: readonly Derivation[] = [
  {
    target: 'company.legalForm',
    inputs: ['company.type'],
    derive: ({ values }) =>
      byCompanyType({
        '1130': '有限责任公司',
        '1151': '有限责任公司',
        '1110': '有限责任公司',
        '1200': '股份有限公司',
        '4540': '个人独资企业',
      })(values),
  },
  {
    target: 'company.unitCategory',
    inputs: ['company.type'],
    derive: ({ values }) => (scalar(values, 'company.type') ? '企业' : undefined),
  },
  {
    // GB/T 12402: a company of natural persons is 私有; a state-owned sole-shareholder one is 国有独资.
    target: 'company.economicType',
    inputs: ['company.type'],
    derive: ({ values }) =>
      byCompanyType({ '1130': '173', '1151': '173', '1110': '151', '1200': '160', '4540': '171' })(values),
  },
  {
    target: 'company.fundUnitType',
    inputs: ['company.type'],
    // A 个人独资企业 is not a legal person.
    derive: ({ values }) =>
      byCompanyType({ '1130': '1', '1151': '1', '1110': '1', '1200': '1', '4540': '2' })(values),
  },
  {
    target: 'company.fundUnitNature',
    inputs: ['company.type'],
    derive: ({ values }) =>
      byCompanyType({ '1130': '6', '1151': '6', '1110': '3', '1200': '6', '4540': '6' })(values),
  },
  {
    target: 'company.businessAddress.region',
    inputs: ['company.domicile.region', 'company.businessAddress.sameAsDomicile'],
    strict: { message: '生产经营地址与住所不同，请取消勾选“生产经营地址同住所”' },
    derive: ({ values }) => (sameAddress(values) ? scalar(values, 'company.domicile.region') : undefined),
  },
  {
    target: 'company.businessAddress.detail',
    inputs: ['company.domicile.detail', 'company.businessAddress.sameAsDomicile'],
    strict: { message: '生产经营地址与住所不同，请取消勾选“生产经营地址同住所”' },
    derive: ({ values }) => (sameAddress(values) ? scalar(values, 'company.domicile.detail') : undefined),
  },
  {
    target: 'company.phone',
    inputs: ['persons[].mobile', 'persons[].roles'],
    derive: ({ values }) =>
      rowScalar(personForRole(values, '联络员') ?? personForRole(values, '法定代表人'), 'mobile'),
  },
  {
    // The city seat's postcode: right for most addresses, and the applicant sees it and can change it.
    target: 'company.postcode',
    inputs: ['company.domicile.region'],
    category: 'default',
    derive: ({ values }) => lookupRegion(scalar(values, 'company.domicile.region') ?? '')?.postcode,
  },
  {
    target: 'company.scopeText',
    inputs: ['scope[].code', 'scope[].main'],
    derive: ({ values }) => {
      const main = mainScopeRow(values);
      const rows = rowsOf(values, 'scope');
      const ordered = main ? [main, ...rows.filter((r) => r !== main)] : rows;
      const names = ordered.map((r) => BUSINESS_SCOPE_ITEMS.byCode(rowScalar(r, 'code') ?? '')?.name);
      return names.length > 0 && names.every(Boolean) ? names.join('；') : undefined;
    },
  },
  {
    target: 'company.industryCode',
    inputs: ['scope[].code', 'scope[].main'],
    strict: { message: '行业应与主营经营范围对应的国民经济行业一致' },
    derive: ({ values }) =>
      BUSINESS_SCOPE_ITEMS.byCode(rowScalar(mainScopeRow(values), 'code') ?? '')?.industryCode,
  },
  {
    target: 'company.injuryRiskClass',
    inputs: ['company.industryCode'],
    strict: { message: '工伤保险行业风险类别应与行业对应（人社部发〔2015〕71号）' },
    derive: ({ values }) => {
      const risk = industryDivision(scalar(values, 'company.industryCode') ?? '')?.injuryRiskClass;
      return risk === undefined ? undefined : String(risk);
    },
  },
  {
    target: 'scope[].main',
    inputs: ['scope[].code'],
    category: 'default',
    // The first item is the main one unless the applicant marks another.
    derive: ({ values, index }) => {
      const rows = rowsOf(values, 'scope');
      const markedElsewhere = rows.some((r, i) => i !== index && rowScalar(r, 'main') === '1');
      return markedElsewhere || index !== 0 ? '0' : '1';
    },
  },
  {
    target: 'tax.mainBusinessCategory',
    inputs: ['company.industryCode'],
    derive: ({ values }) => {
      const section = scalar(values, 'company.industryCode')?.[0];
      if (!section) return undefined;
      return 'BCD'.includes(section) ? '工业' : section === 'F' ? '商业' : '服务业';
    },
  },
  {
    target: 'delivery.recipient',
    inputs: ['persons[].name', 'persons[].roles'],
    derive: ({ values }) => rowScalar(personForRole(values, '联络员'), 'name'),
  },
  {
    target: 'delivery.recipientPhone',
    inputs: ['persons[].mobile', 'persons[].roles'],
    derive: ({ values }) => rowScalar(personForRole(values, '联络员'), 'mobile'),
  },
  {
    target: 'delivery.sealAddress',
    inputs: ['delivery.address', 'company.domicile.region', 'company.domicile.detail'],
    derive: ({ values }) =>
      scalar(values, 'delivery.address') ??
      fullAddress(scalar(values, 'company.domicile.region'), scalar(values, 'company.domicile.detail')),
  },
];
