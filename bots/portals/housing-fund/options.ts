import { AFFILIATIONS } from '../../../forms/codes/index.ts';
import type { OptionLabels } from '../../runtime/widgets/index.ts';

/** The fund centre's own lists (wire value → text shown). */
export const UNIT_TYPES: OptionLabels = {
  '1': '企业法人',
  '2': '企业非法人',
  '3': '事业法人',
  '4': '社团法人',
  '5': '机关法人',
  '9': '其他',
};
export const UNIT_NATURES: OptionLabels = {
  '1': '国家机关',
  '2': '事业单位',
  '3': '国有企业',
  '4': '城镇集体企业',
  '5': '外商投资企业',
  '6': '城镇私营企业及其他城镇企业',
  '7': '民办非企业单位、社会团体',
  '9': '其他',
};
export const AFFILIATION: OptionLabels = (code) => AFFILIATIONS.byCode(code)?.name;
