/**
 * The market regulator's own option lists, worded and coded as its registration form writes them
 * (docs/item-fields.md, business-registration). National tables come from forms/codes.
 */
import {
  CURRENCIES,
  ETHNICITIES,
  GENDERS,
  NATIONALITIES,
  POLITICAL_STATUSES,
} from '../../forms/codes/index.ts';
import { codeOptions, type Option, type TreeNode, wordOptions } from '../kit/html/widgets.ts';

/** 企业类型 as a tree with codes in the labels; only leaves can be chosen. */
export const COMPANY_TYPE_TREE: readonly TreeNode[] = [
  {
    label: '内资公司',
    children: [
      {
        label: '[1100] 有限责任公司',
        children: [
          { value: '1110', label: '[1110] 有限责任公司(国有独资)' },
          { value: '1130', label: '[1130] 有限责任公司(自然人投资或控股)' },
          { value: '1151', label: '[1151] 有限责任公司(自然人独资)' },
        ],
      },
      { value: '1200', label: '[1200] 股份有限公司' },
    ],
  },
  { label: '非公司企业', children: [{ value: '4540', label: '[4540] 个人独资企业' }] },
];

export const COMPANY_TYPES = new Map<string, string>([
  ['1110', '有限责任公司(国有独资)'],
  ['1130', '有限责任公司(自然人投资或控股)'],
  ['1151', '有限责任公司(自然人独资)'],
  ['1200', '股份有限公司'],
  ['4540', '个人独资企业'],
]);

/** Limited-liability types: 出资期限 within five years, name ends in 有限公司/有限责任公司. */
export const LLC_TYPES = new Set(['1110', '1130', '1151']);

export const CURRENCY_OPTIONS: readonly Option[] = codeOptions(CURRENCIES.entries);

export const ESTABLISH_METHODS: readonly Option[] = [
  { value: '1', label: '一般新设' },
  { value: '2', label: '新设合并' },
  { value: '3', label: '新设分立' },
];

export const ACCOUNTING_METHODS: readonly Option[] = [
  { value: '1', label: '独立核算' },
  { value: '2', label: '非独立核算' },
];

export const OPERATING_TERMS: readonly Option[] = [
  { value: '1', label: '长期' },
  { value: '2', label: '固定期限' },
];

export const YES_NO: readonly Option[] = [
  { value: '1', label: '是' },
  { value: '0', label: '否' },
];

export const DELIVERY_METHODS: readonly Option[] = [
  { value: '1', label: '窗口自取' },
  { value: '2', label: '邮寄送达' },
];

export const ID_TYPES: readonly Option[] = [
  { value: '10', label: '居民身份证' },
  { value: '20', label: '护照' },
  { value: '30', label: '港澳居民来往内地通行证' },
  { value: '40', label: '台湾居民来往大陆通行证' },
];

export const GENDER_OPTIONS: readonly Option[] = codeOptions(
  GENDERS.entries.filter((g) => g.code === '1' || g.code === '2'),
);

export const ETHNICITY_OPTIONS: readonly Option[] = codeOptions(ETHNICITIES.entries);

export const NATIONALITY_OPTIONS: readonly Option[] = codeOptions(NATIONALITIES.entries);

export const POLITICAL_OPTIONS: readonly Option[] = codeOptions(
  POLITICAL_STATUSES.entries,
  (p) => p.shortName,
);

/** 职务/角色: the labels are the wire values. */
export const ROLES = [
  '股东',
  '法定代表人',
  '执行董事',
  '董事长',
  '董事',
  '经理',
  '监事',
  '财务负责人',
  '联络员',
] as const;
export const ROLE_OPTIONS: readonly Option[] = wordOptions(ROLES);

export const CONTRIBUTION_METHODS: readonly Option[] = wordOptions([
  '货币',
  '实物',
  '知识产权',
  '土地使用权',
  '股权',
  '债权',
]);
