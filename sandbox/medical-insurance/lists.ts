/**
 * The healthcare-security bureau's own option lists (docs/item-fields.md, medical-insurance). Its 单位类型 is
 * a list of words (the label is the wire value); the national tables show names only, coded underneath.
 */
import { AFFILIATIONS, ECONOMIC_TYPES, INDUSTRY_DIVISIONS } from '../../forms/codes/index.ts';
import { codeOptions, type Option, wordOptions } from '../kit/html/widgets.ts';

export const UNIT_TYPES: readonly Option[] = wordOptions([
  '企业',
  '机关',
  '事业单位',
  '社会团体',
  '民办非企业单位',
  '个体工商户',
  '其他',
]);

export const ECONOMIC_TYPE_OPTIONS: readonly Option[] = codeOptions(ECONOMIC_TYPES.entries);

export const AFFILIATION_OPTIONS: readonly Option[] = codeOptions(AFFILIATIONS.entries);

/** 行业: one flat list of the 97 大类 with their codes ("I65 软件和信息技术服务业"). */
export const INDUSTRY_OPTIONS: readonly Option[] = INDUSTRY_DIVISIONS.entries.map((d) => ({
  value: d.industryCode,
  label: `${d.industryCode} ${d.name}`,
}));

/** 险种 (insutype) the bureau registers a unit for. */
export const INSURANCE_TYPES: readonly Option[] = [
  { value: '310', label: '310 职工基本医疗保险' },
  { value: '510', label: '510 生育保险' },
];
