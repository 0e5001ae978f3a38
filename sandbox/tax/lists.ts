/**
 * The tax bureau's own code lists (docs/item-fields.md, tax-registration). Raw forms post these codes;
 * `fields` reports the contract's wire values.
 */
import type { Option } from '../kit/html/widgets.ts';

/** 身份证件种类: the tax system's own codes (201…), which are also the contract's wire values. */
export const ID_TYPES: readonly Option[] = [
  { value: '201', label: '居民身份证' },
  { value: '208', label: '外国护照' },
  { value: '210', label: '港澳居民来往内地通行证' },
  { value: '213', label: '台湾居民来往大陆通行证' },
];

export const ACCOUNTING_METHODS: readonly Option[] = [
  { value: '1', label: '独立核算' },
  { value: '2', label: '非独立核算' },
];

/** 适用会计制度 (财务会计制度备案). */
export const ACCOUNTING_STANDARDS: readonly Option[] = [
  { value: '101', label: '企业会计准则' },
  { value: '102', label: '小企业会计准则' },
  { value: '103', label: '民间非营利组织会计制度' },
];

/** 是/否 as this system posts it (Y/N); the contract's bool is 1/0. */
export const YES_NO: readonly Option[] = [
  { value: 'Y', label: '是' },
  { value: 'N', label: '否' },
];
export const boolOf = (value: string): string => (value === 'Y' ? '1' : value === 'N' ? '0' : value);

/** 主营业务类别 by the bureau's codes; the contract's wire value is the label. */
export const MAIN_BUSINESS: readonly Option[] = [
  { value: '1', label: '工业' },
  { value: '2', label: '商业' },
  { value: '3', label: '服务业' },
  { value: '9', label: '其他' },
];

/** 票种 by the bureau's 发票种类代码; listed in the contract's order, the label is its wire value. */
export const INVOICE_TYPES: readonly Option[] = [
  { value: '82', label: '数电发票（普通发票）' },
  { value: '81', label: '数电发票（增值税专用发票）' },
];

/** 账户性质 by the bureau's codes; the contract's wire value is the label. */
export const ACCOUNT_NATURES: readonly Option[] = [
  { value: '1', label: '基本存款账户' },
  { value: '2', label: '一般存款账户' },
];
