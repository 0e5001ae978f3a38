import { CURRENCIES, regionFullName } from '../codes/index.ts';
import type { ElementDef } from '../model/types.ts';
import { applicant, byDefault, derived, element, labelled, ocr, producedBy } from './define.ts';

const REG = 'business-registration';

export const COMPANY_TYPES = labelled([
  ['1130', '有限责任公司(自然人投资或控股)'],
  ['1151', '有限责任公司(自然人独资)'],
  ['1110', '有限责任公司(国有独资)'],
  ['1200', '股份有限公司'],
  ['4540', '个人独资企业'],
]);

/** 企业类型 codes that are limited-liability companies. */
export const LLC_TYPES = ['1130', '1151', '1110'] as const;
export const NOT_SOLE_PROPRIETORSHIP = { element: 'company.type', notIn: ['4540'] } as const;

export const COMPANY_ELEMENTS: readonly ElementDef[] = [
  element('company.name', '企业名称', 'text', 'company', [ocr('businessLicence', 'name'), applicant], {
    constraints: { maxLength: 200, checks: ['companyName'] },
  }),
  element('company.type', '企业类型', 'enum', 'company', [applicant], COMPANY_TYPES),
  element('company.registeredCapital', '注册资本（万元）', 'decimal', 'company', [applicant], {
    constraints: { min: 0.01 },
  }),
  element('company.currency', '币种', 'enum', 'company', [byDefault('156')], {
    ...labelled(CURRENCIES.entries.map((c) => [c.code, c.name])),
    constraints: { options: CURRENCIES.codes },
  }),
  element('company.employees', '从业人数', 'int', 'company', [applicant], { constraints: { min: 0 } }),
  element('company.establishMethod', '设立方式', 'enum', 'company', [byDefault('1')], {
    ...labelled([
      ['1', '一般新设'],
      ['2', '新设合并'],
      ['3', '新设分立'],
    ]),
  }),
  element('company.accountingMethod', '核算方式', 'enum', 'company', [byDefault('1')], {
    ...labelled([
      ['1', '独立核算'],
      ['2', '非独立核算'],
    ]),
  }),
  element('company.operatingTermType', '经营期限', 'enum', 'company', [byDefault('1')], {
    ...labelled([
      ['1', '长期'],
      ['2', '固定期限'],
    ]),
  }),
  element('company.operatingTermYears', '经营期限（年）', 'int', 'company', [applicant], {
    constraints: { min: 1, max: 100 },
    when: { element: 'company.operatingTermType', in: ['2'] },
  }),
  // Each department's own classification of the unit, derived from 企业类型 and overridable.
  element('company.legalForm', '单位类型（公安）', 'enum', 'company', [derived('company.legalForm')], {
    constraints: {
      options: ['有限责任公司', '股份有限公司', '个人独资企业', '合伙企业', '个体工商户', '其他'],
    },
  }),
  element(
    'company.unitCategory',
    '单位类型（社保/医保）',
    'enum',
    'company',
    [derived('company.unitCategory')],
    {
      constraints: {
        options: ['企业', '机关', '事业单位', '社会团体', '民办非企业单位', '个体工商户', '其他'],
      },
    },
  ),
  element('company.economicType', '经济类型', 'enum', 'company', [derived('company.economicType')], {
    constraints: { options: ['110', '120', '151', '159', '160', '171', '172', '173', '174', '190'] },
  }),
  element('company.affiliation', '隶属关系', 'enum', 'company', [byDefault('90')], {
    constraints: { options: ['10', '20', '40', '50', '61', '62', '63', '90'] },
  }),
  element(
    'company.fundUnitType',
    '单位类型（公积金）',
    'enum',
    'company',
    [derived('company.fundUnitType')],
    {
      ...labelled([
        ['1', '企业法人'],
        ['2', '企业非法人'],
        ['3', '事业法人'],
        ['4', '社团法人'],
        ['5', '机关法人'],
        ['9', '其他'],
      ]),
    },
  ),
  element(
    'company.fundUnitNature',
    '单位性质（公积金）',
    'enum',
    'company',
    [derived('company.fundUnitNature')],
    {
      ...labelled([
        ['1', '国家机关'],
        ['2', '事业单位'],
        ['3', '国有企业'],
        ['4', '城镇集体企业'],
        ['5', '外商投资企业'],
        ['6', '城镇私营企业及其他城镇企业'],
        ['7', '民办非企业单位、社会团体'],
        ['9', '其他'],
      ]),
    },
  ),
  // Outputs of registration; typed or read from the licence when the company already exists.
  element(
    'company.creditCode',
    '统一社会信用代码',
    'text',
    'company',
    [producedBy(REG, 'creditCode'), ocr('businessLicence', 'creditCode'), applicant],
    { constraints: { checks: ['creditCode'] } },
  ),
  element('company.establishedDate', '成立日期', 'date', 'company', [
    producedBy(REG, 'establishedDate'),
    ocr('businessLicence', 'establishedDate'),
    applicant,
  ]),
  element(
    'company.registrationAuthority',
    '登记机关',
    'text',
    'company',
    [producedBy(REG, 'registrationAuthority'), ocr('businessLicence', 'registrationAuthority'), applicant],
    { constraints: { required: false } },
  ),
];

export const ADDRESS_ELEMENTS: readonly ElementDef[] = [
  element(
    'company.domicile.region',
    '住所（省/市/区县）',
    'region',
    'address',
    [ocr('businessLicence', 'domicile'), applicant],
    {
      constraints: { checks: ['region'] },
    },
  ),
  element(
    'company.domicile.detail',
    '住所详细地址',
    'text',
    'address',
    [ocr('businessLicence', 'domicile'), applicant],
    {
      constraints: { maxLength: 200 },
    },
  ),
  element('company.businessAddress.sameAsDomicile', '生产经营地址同住所', 'bool', 'address', [
    byDefault('1'),
  ]),
  element(
    'company.businessAddress.region',
    '生产经营地址（省/市/区县）',
    'region',
    'address',
    [derived('company.businessAddress.region'), applicant],
    { constraints: { checks: ['region'] } },
  ),
  element(
    'company.businessAddress.detail',
    '生产经营地址详细地址',
    'text',
    'address',
    [derived('company.businessAddress.detail'), applicant],
    { constraints: { maxLength: 200 } },
  ),
  element('company.phone', '联系电话', 'text', 'address', [derived('company.phone'), applicant], {
    constraints: { checks: ['phone'] },
  }),
  element('company.postcode', '邮政编码', 'text', 'address', [derived('company.postcode'), applicant], {
    constraints: { checks: ['postcode'] },
  }),
];

/** '福建省漳州市龙文区' + detail, as departments write an address in one line. */
export function fullAddress(region: string | undefined, detail: string | undefined): string | undefined {
  if (!detail) return undefined;
  const prefix = region ? (regionFullName(region) ?? '') : '';
  // A detail that already starts with the city or district is not prefixed twice.
  const names = prefix ? [prefix, ...(prefix.match(/[^省市区县]+[省市区县]/g) ?? [])] : [];
  for (const name of names) {
    if (detail.startsWith(name)) return prefix.slice(0, prefix.indexOf(name)) + detail;
  }
  return prefix + detail;
}
