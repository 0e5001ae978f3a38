import {
  BUSINESS_SCOPE_ITEMS,
  CURRENCIES,
  ETHNICITIES,
  GENDERS,
  NATIONALITIES,
  POLITICAL_STATUSES,
} from '../../../forms/codes/index.ts';
import type { OptionLabels } from '../../runtime/widgets/index.ts';

/** How the market regulator's form words its lists (wire value → the text shown). */
export const YES_NO: OptionLabels = { '1': '是', '0': '否' };
export const ESTABLISH_METHODS: OptionLabels = { '1': '一般新设', '2': '新设合并', '3': '新设分立' };
export const ACCOUNTING_METHODS: OptionLabels = { '1': '独立核算', '2': '非独立核算' };
export const OPERATING_TERMS: OptionLabels = { '1': '长期', '2': '固定期限' };
export const DELIVERY_METHODS: OptionLabels = { '1': '窗口自取', '2': '邮寄送达' };
export const ID_TYPES: OptionLabels = {
  '10': '居民身份证',
  '20': '护照',
  '30': '港澳居民来往内地通行证',
  '40': '台湾居民来往大陆通行证',
};

/** National tables, as the portal shows them (名称; 政治面貌 by its short name). */
export const CURRENCY: OptionLabels = (code) => CURRENCIES.byCode(code)?.name;
export const GENDER: OptionLabels = (code) => GENDERS.byCode(code)?.name;
export const ETHNICITY: OptionLabels = (code) => ETHNICITIES.byCode(code)?.name;
export const NATIONALITY: OptionLabels = (code) => NATIONALITIES.byCode(code)?.name;
export const POLITICAL: OptionLabels = (code) => POLITICAL_STATUSES.byCode(code)?.shortName;
export const scopeName = (code: string) => BUSINESS_SCOPE_ITEMS.byCode(code)?.name;
