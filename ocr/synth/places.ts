import { childrenOf, type Region } from '../../forms/codes/index.ts';

let districts: readonly Region[] | undefined;

/** Every district/county of 福建省 held in forms/codes (the province held in full). */
export function fujianDistricts(): readonly Region[] {
  districts ??= childrenOf('350000').flatMap((city) => childrenOf(city.code));
  return districts;
}
