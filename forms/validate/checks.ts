import {
  BUSINESS_SCOPE_ITEMS,
  isDistrictCode,
  lookupRegion,
  validateCreditCode,
  validateIdNumber,
} from '../codes/index.ts';
import type { CheckId } from '../model/types.ts';

export const MOBILE = /^1[3-9]\d{9}$/;
export const FIXED_LINE = /^0\d{2,3}-?\d{7,8}$/;

const CREDIT_CODE_PROBLEM = {
  length: '应为18位',
  charset: '含有不允许的字符（统一社会信用代码不使用I、O、S、V、Z）',
  checkChar: '校验位不正确，请核对',
  orgCheck: '中的组织机构代码（第9至17位）校验不正确，请核对',
} as const;

const ID_NUMBER_PROBLEM = {
  format: '应为18位（前17位为数字，最后一位为数字或X）',
  birthDate: '中的出生日期不存在',
  checkChar: '校验位不正确，请核对',
} as const;

/**
 * Single-value checks: each returns what is wrong, worded to follow the field's label
 * ('手机号码' + '应为11位手机号码'), or undefined. The company-name check needs the company type and lives in
 * company-name.ts.
 */
export const CHECKS: Readonly<
  Record<Exclude<CheckId, 'companyName'>, (value: string) => string | undefined>
> = {
  creditCode: (value) => {
    const result = validateCreditCode(value);
    return result.valid ? undefined : CREDIT_CODE_PROBLEM[result.problem];
  },
  idNumber: (value) => {
    const result = validateIdNumber(value);
    return result.valid ? undefined : ID_NUMBER_PROBLEM[result.problem];
  },
  mobile: (value) => (MOBILE.test(value) ? undefined : '应为11位手机号码'),
  phone: (value) =>
    MOBILE.test(value) || FIXED_LINE.test(value) ? undefined : '应为手机号码或固定电话（如0596-2345678）',
  postcode: (value) => (/^\d{6}$/.test(value) ? undefined : '应为6位数字'),
  region: (value) => {
    if (!lookupRegion(value)) return '不是有效的行政区划代码';
    return isDistrictCode(value) ? undefined : '应选择到区/县一级';
  },
  scopeCode: (value) => (BUSINESS_SCOPE_ITEMS.has(value) ? undefined : '不是经营范围规范表述目录中的条目'),
  email: (value) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : '格式不正确'),
  accountNo: (value) => (/^\d{8,30}$/.test(value) ? undefined : '应为8至30位数字'),
};
