/** 主管税务机关 of a district and its 11-digit 税务机关代码 (1 + district code + 0000), as the tax system writes them. */
import { regionPath } from '../../forms/codes/index.ts';

export interface TaxOffice {
  code: string;
  name: string;
}

export function taxOfficeOf(regionCode: string): TaxOffice {
  const path = regionPath(regionCode).map((region) => region.name);
  // 国家税务总局漳州市龙文区税务局: the province is not part of a district bureau's name.
  const place = path.length > 1 ? path.slice(1).join('') : (path[0] ?? '');
  return { code: `1${regionCode}0000`, name: `国家税务总局${place}税务局` };
}
