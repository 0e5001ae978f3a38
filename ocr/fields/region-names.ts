import { areaList } from '@vant/area-data';
import type { RawReading } from './result.ts';

/**
 * The names of a GB/T 2260 county code and its parents (省, 市, 区/县), from @vant/area-data's national table.
 * Municipalities name themselves twice (北京市 北京市); each name is given once.
 */
export function regionNamesOf(code: string): string[] {
  if (!/^\d{6}$/.test(code)) return [];
  const names = [
    areaList.province_list[`${code.slice(0, 2)}0000`],
    areaList.city_list[`${code.slice(0, 4)}00`],
    areaList.county_list[code],
  ];
  return [...new Set(names.filter((name): name is string => !!name && [...name].length >= 3))];
}

/** Every province, city and county name in the national table: a name read as one of them was read right. */
const KNOWN = new Set([
  ...Object.values(areaList.province_list),
  ...Object.values(areaList.city_list),
  ...Object.values(areaList.county_list),
]);

/** A glyph the recogniser gave at least this confidence (0–100) is taken as read, not as a misreading. */
const SURE = 90;

/** How far into an address its region names are printed: 省, 市 and 区 come first. */
const HEAD = 24;

/**
 * An address whose region names (those of the licence's own credit code or 注册号) were read with one glyph
 * wrong (「自贵市」 for 自贡市, 「课河市」 for 漯河市): the glyph is put right and marked unsure, so the value
 * is never confident on the strength of this repair. Only a same-length window at the head of the address that
 * ends with the name's own suffix (市, 区, 县 …), differs in one other glyph that the recogniser was unsure of,
 * and is no real place name itself, is mended.
 */
export function mendRegionNames(reading: RawReading, code: string | undefined): RawReading {
  if (!code) return reading;
  const symbols = [...reading.symbols];
  const text = () => symbols.map((s) => s.text).join('');
  for (const name of regionNamesOf(code)) {
    const want = [...name];
    if (
      text()
        .slice(0, HEAD + want.length)
        .includes(name)
    )
      continue;
    const head = symbols.slice(0, HEAD);
    for (let start = 0; start + want.length <= head.length; start += 1) {
      const window = head.slice(start, start + want.length).map((s) => s.text);
      if (window.at(-1) !== want.at(-1)) continue;
      const differing = window.flatMap((glyph, i) => (glyph === want[i] ? [] : [i]));
      if (differing.length !== 1) continue;
      const at = start + (differing[0] as number);
      // A real place of its own (西城区 beside a code for 东城区: the holder moved) or a glyph read sure is kept.
      if (KNOWN.has(window.join('')) || (symbols[at]?.confidence ?? 100) >= SURE) break;
      symbols[at] = { text: want[differing[0] as number] as string, confidence: 0 };
      break;
    }
  }
  return symbols.every((s, i) => s === reading.symbols[i]) ? reading : { text: text(), symbols };
}
