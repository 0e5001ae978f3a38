/** The platform's own codes (docs/item-fields.md, bank-account); `fields` reports the contract's labels. */
import type { Option } from '../kit/html/widgets.ts';

/** 账户类型: online appointments open only the 基本存款账户. */
export const ACCOUNT_TYPES: readonly Option[] = [
  { value: '01', label: '基本存款账户' },
  { value: '02', label: '一般存款账户' },
];

/** 服务选项 by the platform's service codes. */
export const SERVICES: readonly Option[] = [
  { value: 'EB', label: '网上银行' },
  { value: 'ER', label: '电子回单' },
  { value: 'SN', label: '短信通知' },
];
