import { AFFILIATIONS, ECONOMIC_TYPES } from '../../../forms/codes/index.ts';
import type { OptionLabels } from '../../runtime/widgets/index.ts';

/** The agency writes its codes into the option text: "10-企业", "173-私有有限责任(公司)". */
const coded =
  (names: Readonly<Record<string, string>> | ((code: string) => string | undefined)): OptionLabels =>
  (code) => {
    const name = typeof names === 'function' ? names(code) : names[code];
    return name === undefined ? undefined : `${code}-${name}`;
  };

export const UNIT_TYPES = coded({
  '10': '企业',
  '20': '机关',
  '30': '事业单位',
  '51': '社会团体',
  '52': '民办非企业单位',
  '60': '个体工商户',
  '90': '其他',
});
export const ECONOMIC_TYPE = coded((code) => ECONOMIC_TYPES.byCode(code)?.name);
export const AFFILIATION = coded((code) => AFFILIATIONS.byCode(code)?.name);
export const ID_TYPES = coded({
  '01': '居民身份证',
  '02': '护照',
  '03': '港澳居民来往内地通行证',
  '04': '台湾居民来往大陆通行证',
});
export const RISK_CLASSES: OptionLabels = (code) =>
  ['一', '二', '三', '四', '五', '六', '七', '八'][Number(code) - 1]?.concat('类');
export const INSURANCE_TYPES: OptionLabels = {
  '110': '110 企业职工基本养老保险',
  '210': '210 失业保险',
  '410': '410 工伤保险',
};
