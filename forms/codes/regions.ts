import { FUJIAN, PROVINCES } from './region-data.ts';

/** A division of GB/T 2260: province (省级), prefecture (地级) or district/county (县级). */
export type RegionLevel = 'province' | 'prefecture' | 'district';

export interface Region {
  /** Six digits: 2 省 + 2 地 + 2 县 ('350603'). */
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** Undefined for provinces. */
  readonly parentCode?: string;
  /** Postcode of the prefecture seat (prefectures and their districts only). */
  readonly postcode?: string;
}

const BY_CODE = new Map<string, Region>();
const CHILDREN = new Map<string, Region[]>();

function add(region: Region): void {
  BY_CODE.set(region.code, region);
  const parent = region.parentCode ?? '';
  const siblings = CHILDREN.get(parent) ?? [];
  siblings.push(region);
  CHILDREN.set(parent, siblings);
}

for (const [code, name] of PROVINCES) add({ code, name, level: 'province' });
for (const city of FUJIAN) {
  add({
    code: city.code,
    name: city.name,
    level: 'prefecture',
    parentCode: '350000',
    postcode: city.postcode,
  });
  for (const [code, name] of city.districts) {
    add({ code, name, level: 'district', parentCode: city.code, postcode: city.postcode });
  }
}

export function lookupRegion(code: string): Region | undefined {
  return BY_CODE.get(code);
}

/** Every provincial-level division, in code order: the first level of a 省 → 市 → 区/县 cascade. */
export function provinces(): readonly Region[] {
  return CHILDREN.get('') ?? [];
}

/** The next level of a cascade: prefectures of a province, districts of a prefecture ([] when none are held). */
export function childrenOf(code: string): readonly Region[] {
  return CHILDREN.get(code) ?? [];
}

/** Province first: 350603 → [福建省, 漳州市, 龙文区]; [] for an unknown code. */
export function regionPath(code: string): readonly Region[] {
  const path: Region[] = [];
  for (
    let region = BY_CODE.get(code);
    region;
    region = region.parentCode ? BY_CODE.get(region.parentCode) : undefined
  ) {
    path.unshift(region);
  }
  return path;
}

/** '福建省漳州市龙文区' for 350603; undefined for an unknown code. */
export function regionFullName(code: string): string | undefined {
  const path = regionPath(code);
  return path.length === 0 ? undefined : path.map((r) => r.name).join('');
}

/** True for a held district/county code (the level portals require for 住所 and 所属区划). */
export function isDistrictCode(code: string): boolean {
  return BY_CODE.get(code)?.level === 'district';
}

export interface AddressRegionMatch {
  /** The most specific division named in the address (a district when one is named). */
  readonly region: Region;
  /** The part of the address after the division names: the 详细地址 ('朝阳北路1号3幢501室'). */
  readonly rest: string;
}

// A province or prefecture may be written without its suffix ('福建漳州龙文区…').
function shortName(name: string): string {
  return name.replace(/(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$/, '');
}

function endOfPrefix(text: string, from: number, names: readonly string[]): number {
  for (const name of names) if (text.startsWith(name, from)) return from + name.length;
  return from;
}

/**
 * Finds the division an address string names, e.g. from an ID card's 住址 or a licence's 住所:
 * '福建省漳州市龙文区朝阳北路1号' → 龙文区 (350603) with rest '朝阳北路1号'. A district is recognised by its full
 * name; one whose province or prefecture is contradicted by the text before it (南京市鼓楼区) is not taken.
 * Falls back to a prefecture, then a province. Undefined when nothing held is named.
 */
export function findRegionInAddress(address: string): AddressRegionMatch | undefined {
  const text = address.replace(/\s+/g, '');
  let best: { region: Region; at: number; end: number; score: number } | undefined;
  for (const region of BY_CODE.values()) {
    if (region.level !== 'district') continue;
    const at = text.indexOf(region.name);
    if (at < 0) continue;
    const before = text.slice(0, at);
    const [province, city] = regionPath(region.code);
    if (!province || !city) continue;
    const cityNamed = before.endsWith(city.name) || before.endsWith(shortName(city.name));
    const provinceNamed = before.includes(shortName(province.name));
    // Another division written right before the district means a namesake elsewhere (南京市鼓楼区).
    if (!cityNamed && /(市|州|盟|地区)$/.test(before)) continue;
    if (!provinceNamed && provinces().some((p) => before.includes(shortName(p.name)))) continue;
    const score = (cityNamed ? 2 : 0) + (provinceNamed ? 1 : 0);
    if (!best || score > best.score || (score === best.score && at < best.at)) {
      best = { region, at, end: at + region.name.length, score };
    }
  }
  if (best) return { region: best.region, rest: text.slice(best.end) };
  for (const level of ['prefecture', 'province'] as const) {
    for (const region of BY_CODE.values()) {
      if (region.level !== level) continue;
      const names = [region.name, shortName(region.name)];
      const at = names.map((n) => text.indexOf(n)).find((i) => i >= 0);
      if (at === undefined) continue;
      return { region, rest: text.slice(endOfPrefix(text, at, names)) };
    }
  }
  return undefined;
}
