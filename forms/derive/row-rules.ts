import { holdsRole } from '../model/roles.ts';
import type { Row } from '../model/types.ts';
import { rowScalar, rowsOf, toNumber } from '../model/values.ts';
import type { RowRule } from './types.ts';

/** The usual new-company set: 公章, 财务章, 发票章, 合同章, 法人名章. */
export const STANDARD_SEALS: readonly Row[] = ['01', '02', '03', '04', '05'].map((type) => ({ type }));

export const ROW_RULES: readonly RowRule[] = [
  {
    group: 'shareholders',
    inputs: ['persons[].roles'],
    category: 'derived',
    rows: (values) =>
      rowsOf(values, 'persons')
        .filter((p) => holdsRole(p, '股东'))
        .map((p) => ({ person: rowScalar(p, 'id') ?? '' })),
  },
  {
    group: 'beneficialOwners',
    inputs: ['shareholders[].ratio'],
    category: 'derived',
    rows: (values) =>
      rowsOf(values, 'shareholders')
        .filter((s) => toNumber(rowScalar(s, 'ratio')) >= 25)
        .map((s) => ({ person: rowScalar(s, 'person') ?? '' })),
  },
  { group: 'seals', inputs: [], category: 'default', rows: () => STANDARD_SEALS },
];
