import { describe, expect, it } from 'vitest';
import { mendRegionNames, regionNamesOf } from '../../ocr/fields/region-names.ts';
import type { RawReading } from '../../ocr/fields/result.ts';

/** A reading whose glyphs are all read sure, except those at `unsure` (read at 60 %). */
const read = (text: string, unsure: number[] = []): RawReading => ({
  text,
  symbols: [...text].map((glyph, i) => ({ text: glyph, confidence: unsure.includes(i) ? 60 : 95 })),
});

describe('region names from the code the document carries', () => {
  it('names the province, city and county of a GB/T 2260 code from the national table', () => {
    expect(regionNamesOf('510311')).toEqual(['四川省', '自贡市', '沿滩区']);
    expect(regionNamesOf('411102')).toEqual(['河南省', '漯河市', '源汇区']);
    expect(regionNamesOf('12345')).toEqual([]);
  });

  it('puts right one unsure glyph of a region name at the head of the address, and marks it unsure', () => {
    const mended = mendRegionNames(read('自贵市沿滩区高新工业园区金川路15号', [1]), '510311');
    expect(mended.text).toBe('自贡市沿滩区高新工业园区金川路15号');
    expect(mended.symbols[1]).toEqual({ text: '贡', confidence: 0 });
    expect(mendRegionNames(read('河南省课河市源汇区马路街', [3]), '411102').text).toBe(
      '河南省漯河市源汇区马路街',
    );
  });

  it('keeps a real place one glyph off the code’s (the holder moved), and a glyph read sure', () => {
    // An ID number issued in 东城区; the card's holder now lives in 西城区.
    const moved = read('北京市西城区西长安街1号', [3]);
    expect(mendRegionNames(moved, '110101')).toBe(moved);
    const sure = read('自贵市沿滩区高新工业园区金川路15号');
    expect(mendRegionNames(sure, '510311')).toBe(sure);
  });

  it('leaves alone an address of another region, a name read right, and a name two glyphs off', () => {
    const other = read('福建省漳州市龙文区朝阳北路1号', [3]);
    expect(mendRegionNames(other, '510311')).toBe(other);
    const right = read('自贡市沿滩区金川路15号', [1]);
    expect(mendRegionNames(right, '510311')).toBe(right);
    const far = read('白贵市沿滩区金川路15号', [0, 1]);
    expect(mendRegionNames(far, '510311').text).toBe('白贵市沿滩区金川路15号');
    expect(mendRegionNames(other, undefined)).toBe(other);
  });
});
