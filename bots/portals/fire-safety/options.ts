import type { OptionLabels } from '../../runtime/widgets/index.ts';

/**
 * The brigade's own lists, as its form offers them. The bundle's values are the texts themselves (a
 * restaurant is a 餐饮场所, its people carry a 居民身份证); the lists are spelled out so that the drift check
 * also tells an option the brigade adds or drops.
 */
const byText = (texts: readonly string[]): OptionLabels => Object.fromEntries(texts.map((t) => [t, t]));

export const PLACE_TYPES = byText([
  '餐饮场所',
  '商场市场',
  '宾馆饭店',
  '公共娱乐场所',
  '体育场馆',
  '其他公众聚集场所',
]);
export const ID_TYPES = byText(['居民身份证', '港澳居民来往内地通行证', '护照']);
