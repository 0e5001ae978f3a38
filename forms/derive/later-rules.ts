import { BUSINESS_SCOPE_ITEMS } from '../codes/index.ts';
import { fullAddress } from '../elements/company.ts';
import { personForRole } from '../model/roles.ts';
import { addYears, formatDecimal, rowScalar, rowsOf, scalar, toNumber } from '../model/values.ts';
import type { Derivation } from './types.ts';

const SEAL_SIZE: Record<string, string> = {
  '01': 'Φ40mm',
  '02': 'Φ38mm',
  '03': '40×30mm',
  '04': 'Φ38mm',
  '05': '20×20mm',
};

/** A value another department's form asks for again, under its own name. */
const copied = (target: string, source: string): Derivation => ({
  target,
  inputs: [source],
  derive: ({ values }) => scalar(values, source),
});

/** Shareholders, seals, departments after registration, and the 开餐饮店 items. */
export const LATER_RULES: readonly Derivation[] = [
  {
    target: 'shareholders[].subscribedCapital',
    inputs: ['shareholders[].ratio', 'company.registeredCapital'],
    derive: ({ values, row }) => {
      const amount =
        (toNumber(rowScalar(row, 'ratio')) * toNumber(scalar(values, 'company.registeredCapital'))) / 100;
      return Number.isFinite(amount) ? formatDecimal(amount) : undefined;
    },
  },
  {
    // Five years is the longest term the 2024 公司法 allows; the applicant may choose an earlier date.
    target: 'shareholders[].deadline',
    inputs: [],
    category: 'default',
    derive: ({ today }) => addYears(today, 5),
  },
  {
    target: 'beneficialOwners[].ratio',
    inputs: ['shareholders[].ratio'],
    derive: ({ values, row }) => {
      const holder = rowsOf(values, 'shareholders').find((s) => s.person === rowScalar(row, 'person'));
      return rowScalar(holder, 'ratio');
    },
  },
  {
    target: 'seals[].type',
    inputs: [],
    category: 'default',
    derive: ({ row }) => rowScalar(row, 'type'),
  },
  {
    target: 'seals[].size',
    inputs: ['seals[].type'],
    category: 'default',
    derive: ({ row }) => SEAL_SIZE[rowScalar(row, 'type') ?? ''],
  },
  {
    // 印文: the unit name; 发票专用章 adds the 税号 on a second line; the 名章 is the legal representative's name.
    target: 'seals[].text',
    inputs: ['seals[].type', 'company.name', 'company.creditCode', 'persons[].name', 'persons[].roles'],
    derive: ({ values, row }) => {
      const name = scalar(values, 'company.name');
      switch (rowScalar(row, 'type')) {
        case '03': {
          const taxId = scalar(values, 'company.creditCode');
          return name && taxId ? `${name}\n${taxId}` : undefined;
        }
        case '05':
          return rowScalar(personForRole(values, '法定代表人'), 'name');
        default:
          return name;
      }
    },
  },
  copied('insurance.insuredDate', 'company.establishedDate'),
  {
    target: 'fund.startMonth',
    inputs: ['company.establishedDate'],
    derive: ({ values }) => scalar(values, 'company.establishedDate')?.slice(0, 7),
  },
  copied('fund.employeeRate', 'fund.employerRate'),
  copied('fund.agentOfficePhone', 'company.phone'),
  {
    target: 'food.format',
    inputs: ['scope[].code'],
    derive: ({ values }) => {
      const items = rowsOf(values, 'scope').map((r) =>
        BUSINESS_SCOPE_ITEMS.byCode(rowScalar(r, 'code') ?? ''),
      );
      if (items.some((i) => i?.division === '62')) return '餐饮服务经营者';
      if (items.some((i) => i?.name.startsWith('食品销售'))) return '食品销售经营者';
      return undefined;
    },
  },
  {
    target: 'signboard.location',
    inputs: ['company.businessAddress.region', 'company.businessAddress.detail'],
    derive: ({ values }) =>
      fullAddress(
        scalar(values, 'company.businessAddress.region'),
        scalar(values, 'company.businessAddress.detail'),
      ),
  },
  copied('signboard.text', 'company.name'),
  copied('fire.venueName', 'company.name'),
  copied('fire.buildingArea', 'food.area'),
];
