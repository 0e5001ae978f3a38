import { lookupRegion } from '../../forms/codes/index.ts';

/**
 * The name of the 市场监督管理局 for a GB/T 2260 code, as licences print it in the seal and as 登记机关:
 * a city district carries its city (漳州市龙文区市场监督管理局); a county or county-level city stands alone
 * (漳浦县市场监督管理局); a prefecture or province is its own name. Undefined for a code we do not hold.
 */
export function registrarName(regionCode: string): string | undefined {
  const region = lookupRegion(regionCode);
  if (!region) return undefined;
  if (region.level === 'district' && region.name.endsWith('区') && region.parentCode) {
    const city = lookupRegion(region.parentCode);
    return `${city?.name ?? ''}${region.name}市场监督管理局`;
  }
  return `${region.name}市场监督管理局`;
}
