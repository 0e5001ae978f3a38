/**
 * The social-insurance agency's own code lists, worded and coded as its 单位参保登记 form writes them
 * (docs/item-fields.md, social-insurance). National tables (GB/T 12402, 12404, 4754) come from forms/codes;
 * the agency shows their codes in front of the names, as 金保工程 systems do.
 */
import {
  AFFILIATIONS,
  type CodeEntry,
  ECONOMIC_TYPES,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
} from '../../forms/codes/index.ts';
import { codeOptions, type Option, type TreeNode } from '../kit/html/widgets.ts';

/** The agency's lists show a national code in front of its name ("110-国有全资"). */
const codeDashName = (entry: CodeEntry): string => `${entry.code}-${entry.name}`;

/** 单位类型 (the agency's own codes, not the registrar's 企业类型). */
export const UNIT_TYPES: readonly Option[] = [
  { value: '10', label: '10-企业' },
  { value: '20', label: '20-机关' },
  { value: '30', label: '30-事业单位' },
  { value: '51', label: '51-社会团体' },
  { value: '52', label: '52-民办非企业单位' },
  { value: '60', label: '60-个体工商户' },
  { value: '90', label: '90-其他' },
];

/** 经济类型, GB/T 12402 (the whole table: the agency's list is the standard's). */
export const ECONOMIC_TYPE_OPTIONS: readonly Option[] = codeOptions(ECONOMIC_TYPES.entries, codeDashName);

/** 隶属关系, GB/T 12404. */
export const AFFILIATION_OPTIONS: readonly Option[] = codeOptions(AFFILIATIONS.entries, codeDashName);

/** 行业: GB/T 4754 门类 → 大类, codes in the labels; the value is 门类 letter + 大类 ('I65'). */
export const INDUSTRY_TREE: readonly TreeNode[] = INDUSTRY_SECTIONS.entries.map((section) => ({
  label: `[${section.code}] ${section.name}`,
  children: INDUSTRY_DIVISIONS.entries
    .filter((division) => division.section === section.code)
    .map((division) => ({
      value: division.industryCode,
      label: `[${division.industryCode}] ${division.name}`,
    })),
}));

export const INDUSTRY_CODES = new Set(INDUSTRY_DIVISIONS.entries.map((d) => d.industryCode));

const CLASS_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** 工伤保险行业风险类别 一类 … 八类 (人社部发〔2015〕71号); the value is the digit. */
export const RISK_CLASSES: readonly Option[] = CLASS_NAMES.map((name, i) => ({
  value: String(i + 1),
  label: `${name}类`,
}));

export const riskClassName = (value: string | number): string =>
  RISK_CLASSES.find((c) => c.value === String(value))?.label ?? String(value);

/** 法定代表人证件类型 (the agency's own codes). */
export const ID_TYPES: readonly Option[] = [
  { value: '01', label: '01-居民身份证' },
  { value: '02', label: '02-护照' },
  { value: '03', label: '03-港澳居民来往内地通行证' },
  { value: '04', label: '04-台湾居民来往大陆通行证' },
];

/** 参保险种 (AAE140 codes) that a 单位参保登记 opens; 医疗 and 生育 belong to the 医保 agency. */
export const INSURANCE_TYPES: readonly Option[] = [
  { value: '110', label: '110 企业职工基本养老保险' },
  { value: '210', label: '210 失业保险' },
  { value: '410', label: '410 工伤保险' },
];
