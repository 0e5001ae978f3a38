/**
 * The housing-fund centre's own code lists (docs/item-fields.md, housing-fund): its 单位类型 is a legal-person
 * classification, its 单位性质 the ownership the fund reports on; 隶属关系 is GB/T 12404.
 */
import { AFFILIATIONS } from '../../forms/codes/index.ts';
import { codeOptions, type Option } from '../kit/html/widgets.ts';
import { MB, type UploadRule } from '../kit/uploads.ts';

export const UNIT_TYPES: readonly Option[] = [
  { value: '1', label: '企业法人' },
  { value: '2', label: '企业非法人' },
  { value: '3', label: '事业法人' },
  { value: '4', label: '社团法人' },
  { value: '5', label: '机关法人' },
  { value: '9', label: '其他' },
];

export const UNIT_NATURES: readonly Option[] = [
  { value: '1', label: '国家机关' },
  { value: '2', label: '事业单位' },
  { value: '3', label: '国有企业' },
  { value: '4', label: '城镇集体企业' },
  { value: '5', label: '外商投资企业' },
  { value: '6', label: '城镇私营企业及其他城镇企业' },
  { value: '7', label: '民办非企业单位、社会团体' },
  { value: '9', label: '其他' },
];

export const AFFILIATION_OPTIONS: readonly Option[] = codeOptions(AFFILIATIONS.entries);

/** Upload slots of the application (checked by content, not by file name). */
export const UPLOAD_RULES = {
  legalRepIdCopy: { label: '法定代表人身份证复印件', accept: { jpg: 2 * MB, png: 2 * MB, pdf: 5 * MB } },
} as const satisfies Record<string, UploadRule>;

/** Seconds the 承诺书 must be on screen before it can be accepted (changeable through the control API). */
export const DEFAULT_NOTICE_SECONDS = 8;
