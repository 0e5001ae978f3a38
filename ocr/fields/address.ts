import { childrenOf, lookupRegion, provinces, regionFullName } from '../../forms/codes/index.ts';
import { FREE_TEXT_CONFIDENCE, field, type OcrField, type RawReading, unreadable } from './result.ts';
import { compact, editDistance, isHan } from './text.ts';

/**
 * An address (ID card 住址, licence 住所/经营场所). Its beginning names divisions of GB/T 2260, a closed
 * vocabulary: the division names the text starts with (province + prefecture + district, or without the
 * province) are matched against the region table, and a near miss is snapped to the nearest held name when
 * that name is the only one so near. When two districts are equally near (福安市 / 福鼎市 for 福见市), a hint —
 * the region code of the ID number on the same card — may break the tie, but the value then needs confirmation
 * (people move; the number records where it was issued). The rest (street, number, flat) has no table and
 * relies on the engine's confidence.
 */

/** Characters a flat number's 幢 is commonly misread as. */
const BUILDING_MISREADS = /号(\d+)([^\d幢栋座单元楼号室层])(\d{3,4}室)$/;

interface RegionName {
  code: string;
  name: string;
}

let names: RegionName[] | undefined;

/** Every held district's full name, with and without its province. */
function regionNames(): RegionName[] {
  if (names) return names;
  const out: RegionName[] = [];
  for (const province of provinces()) {
    for (const city of childrenOf(province.code)) {
      for (const district of childrenOf(city.code)) {
        const full = regionFullName(district.code) ?? '';
        out.push(
          { code: district.code, name: full },
          { code: district.code, name: full.slice(province.name.length) },
        );
      }
    }
  }
  names = out;
  return names;
}

export interface RegionMatch {
  code: string;
  /** The division names as the table writes them. */
  name: string;
  /** How many characters of the text they replace. */
  consumed: number;
  distance: number;
  /** True when the hint decided between equally near districts. */
  byHint: boolean;
}

/**
 * The division names an address starts with, allowing up to `maxDistance` edits (more for longer names: a
 * quarter of the characters); undefined when none is near or two are equally near and no hint decides.
 */
export function matchRegionPrefix(text: string, maxDistance = 3, hintCode?: string): RegionMatch | undefined {
  const chars = [...text];
  const best = new Map<string, RegionMatch>();
  for (const candidate of regionNames()) {
    const length = [...candidate.name].length;
    const allowed = Math.min(maxDistance, Math.floor(length / 4));
    for (const consumed of [length, length - 1, length + 1]) {
      const distance = editDistance(chars.slice(0, consumed).join(''), candidate.name);
      if (distance > allowed) continue;
      const previous = best.get(candidate.code);
      if (!previous || distance < previous.distance) {
        best.set(candidate.code, {
          code: candidate.code,
          name: candidate.name,
          consumed,
          distance,
          byHint: false,
        });
      }
    }
  }
  const ranked = [...best.values()].sort((a, b) => a.distance - b.distance);
  const [first, second] = ranked;
  if (!first) return undefined;
  if (!second || second.distance > first.distance) return first;
  const tied = ranked.filter((m) => m.distance === first.distance);
  const hinted = hintCode ? tied.find((m) => m.code === hintCode) : undefined;
  return hinted ? { ...hinted, byHint: true } : undefined;
}

export function interpretAddress(reading: RawReading, label: string, hintCode?: string): OcrField {
  const kept = (c: string) => isHan(c) || /[0-9A-Za-z\-#()（）]/.test(c);
  const text = [...compact(reading.text)]
    .filter(kept)
    .join('')
    .replace(/^(住址|住所|经营场所)/, '');
  if ([...text].length < 6) return unreadable(label);
  const problems: string[] = [];
  let value = text;
  const region = matchRegionPrefix(text, 3, hintCode);
  if (region) {
    value = region.name + [...text].slice(region.consumed).join('');
    if (region.byHint) problems.push('地址中的区县经身份证号码推断，请核对');
    else if (region.distance >= 2) problems.push('地址中的行政区划经推断修正，请核对');
  } else {
    problems.push('地址开头的省、市、区县无法与行政区划表对应，请核对');
  }
  const building = value.match(BUILDING_MISREADS);
  if (building) {
    value = value.replace(BUILDING_MISREADS, '号$1幢$3');
    problems.push('门牌中的“幢”字经推断，请核对');
  }
  const regionLength = region ? [...region.name].length : 0;
  if ([...value].length - regionLength < 2) problems.push('详细地址过短，请核对');
  // A house number is followed by 号 (or the flat by 室, the village by 村/组): a trailing digit was cut off.
  if (/\d$/.test(value)) problems.push('地址结尾不完整，请核对');
  // The street part has no table to check it against: every character of it must have been read clearly.
  const symbols = reading.symbols.filter((s) => s.text.trim() && [...s.text].every(kept));
  const rest = symbols.slice(region?.consumed ?? 0);
  const weakest = rest.length ? Math.min(...rest.map((s) => s.confidence)) / 100 : 0;
  if (weakest < FREE_TEXT_CONFIDENCE) problems.push('部分字识别把握不大，请核对');
  return { ...field(label, value, weakest, problems), ...(region ? { code: region.code } : {}) };
}

/** The district a valid ID number was issued in, when the table holds it (a tie-break hint for 住址). */
export function districtOfIdNumber(idNumber: string | null): string | undefined {
  if (!idNumber) return undefined;
  const code = idNumber.slice(0, 6);
  return lookupRegion(code)?.level === 'district' ? code : undefined;
}
