import { parseIdNumber } from '../codes/index.ts';
import { rowScalar } from '../model/values.ts';
import type { Derivation, DeriveContext } from './types.ts';

function idInfo(ctx: DeriveContext) {
  const type = rowScalar(ctx.row, 'idType') ?? '居民身份证';
  const number = rowScalar(ctx.row, 'idNumber');
  return type === '居民身份证' && number ? parseIdNumber(number) : undefined;
}

export const PERSON_RULES: readonly Derivation[] = [
  {
    target: 'persons[].gender',
    inputs: ['persons[].idNumber', 'persons[].idType'],
    strict: { message: '性别与公民身份号码不一致（身份证号码第17位奇数为男、偶数为女）' },
    derive: (ctx) => idInfo(ctx)?.gender,
  },
  {
    target: 'persons[].birthDate',
    inputs: ['persons[].idNumber', 'persons[].idType'],
    strict: { message: '出生日期与公民身份号码不一致' },
    derive: (ctx) => idInfo(ctx)?.birthDate,
  },
];
