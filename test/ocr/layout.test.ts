import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TextLine } from '../../ocr/engine/page-reader.ts';
import { issueDateRow, otherDateLines } from '../../ocr/layout/issue-date.ts';
import { extractLicence, interpretLicence } from '../../ocr/layout/licence.extract.ts';

/** Lines as PP-OCRv4 read them on real photos (test/fixtures/ocr-lines), so no model runs here. */
function page(name: string) {
  const file = fileURLToPath(new URL(`../fixtures/ocr-lines/${name}.json`, import.meta.url));
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    width: number;
    height: number;
    lines: { text: string; confidences: number[]; rect: TextLine['rect']; score: number }[];
  };
  const lines: TextLine[] = data.lines.map((line) => ({
    text: line.text,
    chars: [...line.text].map((char, i) => ({ char, confidence: line.confidences[i] ?? 0 })),
    rect: line.rect,
    score: line.score,
  }));
  return { lines, size: { width: data.width, height: data.height } };
}

const truth = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../fixtures/ocr-real-truth/${name}.json`, import.meta.url)), 'utf8'),
  ) as { fields: Record<string, string> };

const same = (a: string | undefined, b: string | undefined) =>
  a?.normalize('NFKC').replace(/\s+/g, '') === b?.normalize('NFKC').replace(/\s+/g, '');

describe('layout-free licence fields: labels found in the lines, values taken by geometry', () => {
  it.each([
    ['d006', '2019-landscape', 'company', ['creditCode', 'name', 'type', 'legalRepresentative', 'domicile']],
    [
      'd024',
      '2019-landscape',
      'individual',
      ['creditCode', 'name', 'compositionForm', 'domicile', 'establishedDate'],
    ],
    [
      'd011',
      '2016-portrait',
      'company',
      ['creditCode', 'name', 'domicile', 'registeredCapital', 'businessScope'],
    ],
    ['d009', 'pre-2015', 'company', ['registrationNumber', 'name', 'legalRepresentative', 'businessTerm']],
    ['d034', 'pre-2015', 'company', ['name', 'domicile', 'registeredCapital', 'establishedDate']],
    [
      'd020',
      'regional',
      'individual',
      ['registrationNumber', 'domicile', 'legalRepresentative', 'establishedDate'],
    ],
  ])('%s: %s %s', (name, format, variant, keys) => {
    const { lines, size } = page(name);
    const extraction = extractLicence(lines, size);
    expect(extraction.format).toBe(format);
    expect(extraction.variant).toBe(variant);
    const fields = interpretLicence(extraction);
    const expected = truth(name).fields;
    for (const key of keys)
      expect(fields[key]?.printed, key).toSatisfy((v: string) => same(v, expected[key]));
  });

  it('reports what a format does not print as absent, not unreadable', () => {
    const pre2015 = interpretLicence(extractLicence(page('d009').lines, page('d009').size));
    expect(pre2015.creditCode?.status).toBe('absent');
    const individual = interpretLicence(extractLicence(page('d024').lines, page('d024').size));
    expect(individual.registeredCapital?.status).toBe('absent');
    expect(individual.registrationNumber?.status).toBe('absent');
  });

  it('keeps the two columns apart: the left value stops where the right-hand labels begin', () => {
    const fields = interpretLicence(extractLicence(page('d006').lines, page('d006').size));
    expect(fields.legalRepresentative?.printed).toBe(truth('d006').fields.legalRepresentative);
    expect(fields.registeredCapital?.printed).toBe(truth('d006').fields.registeredCapital);
  });

  it('names a letter-spaced label by its last character when a watermark spoilt the first (「米 型」)', () => {
    const fields = interpretLicence(extractLicence(page('d008').lines, page('d008').size));
    const expected = truth('d008').fields;
    for (const key of ['type', 'domicile', 'legalRepresentative'])
      expect(fields[key]?.printed, key).toSatisfy((v: string) => same(v, expected[key]));
  });

  it('reads a value beside a tall label top to bottom, whichever row the label lines up with', () => {
    const fields = interpretLicence(extractLicence(page('d025').lines, page('d025').size));
    expect(fields.businessScope?.printed).toSatisfy((v: string) =>
      same(v, truth('d025').fields.businessScope),
    );
  });

  it("takes the second row of a wrapped value that lies beside a tall label, above the label's middle", () => {
    const fields = interpretLicence(extractLicence(page('d027').lines, page('d027').size));
    expect(fields.businessScope?.printed).toSatisfy((v: string) =>
      same(v, truth('d027').fields.businessScope),
    );
  });

  it('stops a wrapped value where the seal text begins: wrapped lines start at one left edge', () => {
    const fields = interpretLicence(extractLicence(page('d013').lines, page('d013').size));
    expect(fields.domicile?.printed).toMatch(/建工大厦2层06号$/);
  });

  it('places an address whose label a watermark hid, and asks a person to confirm it', () => {
    const fields = interpretLicence(extractLicence(page('d037').lines, page('d037').size));
    expect(fields.domicile?.printed).toSatisfy((v: string) => same(v, truth('d037').fields.domicile));
    expect(fields.domicile?.status).toBe('needs-confirmation');
    expect(fields.domicile?.notes.join('')).toContain('未找到“住所”标签');
  });

  it('names a label whose end a watermark hid by the grammar of the value after it (「注册」 82000万元)', () => {
    const fields = interpretLicence(extractLicence(page('d007').lines, page('d007').size));
    expect(fields.registeredCapital?.printed).toBe(truth('d007').fields.registeredCapital);
  });

  it('takes the 18 characters that pass the check character from a longer run (「…725Q（1—1）」)', () => {
    const fields = interpretLicence(extractLicence(page('d028').lines, page('d028').size));
    expect(fields.creditCode?.value).toBe(truth('d028').fields.creditCode);
  });

  it('finds a label whose last glyph starts its value line, and ends the name above it', () => {
    const fields = interpretLicence(extractLicence(page('d023').lines, page('d023').size));
    const expected = truth('d023').fields;
    expect(fields.name?.printed).toBe(expected.name);
    expect(fields.type?.printed).toSatisfy((v: string) => same(v, expected.type));
  });

  it('drops specks the recogniser cannot read (「福」 at 3 %) before they start a value', () => {
    const scope = interpretLicence(extractLicence(page('d009').lines, page('d009').size));
    expect(scope.businessScope?.printed).toSatisfy((v: string) =>
      same(v, truth('d009').fields.businessScope),
    );
    const domicile = interpretLicence(extractLicence(page('d028').lines, page('d028').size));
    expect(domicile.domicile?.printed).toSatisfy((v: string) => same(v, truth('d028').fields.domicile));
  });

  it('ends a wrapped row at a gap: side notes on the same row are not the value', () => {
    const fields = interpretLicence(extractLicence(page('d034').lines, page('d034').size));
    expect(fields.businessScope?.printed).toMatch(/凭许可证件经营】$/);
  });

  it('takes a value in a box of its own to start at that box: an indented line below is an overprint', () => {
    const fields = interpretLicence(extractLicence(page('d004').lines, page('d004').size));
    expect(fields.domicile?.printed).toSatisfy((v: string) => same(v, truth('d004').fields.domicile));
  });

  it('reads 「经营范圈」 ending its own box as the label, misread last glyph included', () => {
    const fields = interpretLicence(extractLicence(page('d035').lines, page('d035').size));
    expect(fields.businessScope?.printed).toMatch(/^电子产品的技术开发/);
  });

  it('drops a stray digit at either end of a 16-digit 注册号 when that deletion passes the check digit', () => {
    const fields = interpretLicence(extractLicence(page('d034').lines, page('d034').size));
    expect(fields.registrationNumber?.value).toBe(truth('d034').fields.registrationNumber);
    expect(fields.registrationNumber?.status).toBe('needs-confirmation');
  });

  it('finds a label with the letters of a watermark between its glyphs (「类DG型」)', () => {
    const fields = interpretLicence(extractLicence(page('d003').lines, page('d003').size));
    expect(fields.type?.printed).toSatisfy((v: string) => same(v, truth('d003').fields.type));
  });

  it('takes a glyph read unsure as part of the label (「经 营 老者」), and stops the authority before the text of the seal', () => {
    const fields = interpretLicence(extractLicence(page('d018').lines, page('d018').size));
    const expected = truth('d018').fields;
    expect(fields.legalRepresentative?.printed).toBe(expected.legalRepresentative);
    expect(fields.registrationAuthority?.printed).toBe(expected.registrationAuthority);
  });

  it('cuts Latin junk read before an address (「de-in-Chinacom深圳市…」) and keeps its own glyphs', () => {
    const fields = interpretLicence(extractLicence(page('d018').lines, page('d018').size));
    expect(fields.domicile?.printed).toBe(truth('d018').fields.domicile);
  });

  it('finds the issue date row under the seal when its 〇 was read as a Latin O (「二O一五」)', () => {
    const { lines, size } = page('d018');
    const extraction = extractLicence(lines, size);
    const box = issueDateRow(extraction.lines, size, new Set(otherDateLines(extraction.taken)));
    expect(box).not.toBeNull();
    // The row at the foot, right of the middle, where 二〇一五年六月一日 is printed under the seal.
    expect(box?.left).toBeGreaterThan(size.width / 2);
    expect(box?.top).toBeGreaterThan(size.height * 0.7);
  });

  it('finds the issue date row from a year in numerals with a digit zero (「二0一四」) on a small scan', () => {
    const { lines, size } = page('d029');
    const extraction = extractLicence(lines, size);
    const box = issueDateRow(extraction.lines, size, new Set(otherDateLines(extraction.taken)));
    // 二〇一四年四月三日 is printed at the foot, right of the middle, one print line high.
    expect(box?.left).toBeGreaterThan(size.width / 2);
    expect(box?.top).toBeGreaterThan(size.height * 0.8);
    expect(box?.height).toBeLessThan(size.height * 0.1);
  });

  it('keeps watermark text across the issue date out of its row (「山东联创…」 in large print)', () => {
    const { lines, size } = page('d031');
    const extraction = extractLicence(lines, size);
    const box = issueDateRow(extraction.lines, size, new Set(otherDateLines(extraction.taken)));
    expect(box).not.toBeNull();
    // The date row is one print line high; the watermark lines across it are three times that.
    expect(box?.height).toBeLessThan(70);
    expect(box?.top).toBeGreaterThan(size.height * 0.75);
  });

  it('takes the print, not a diagonal watermark that outnumbers it, as the level of the page', () => {
    // d014: 「本复印件仅限公示使用」 repeated at about −32° in more lines than the print has.
    const { lines, size } = page('d014');
    const fields = interpretLicence(extractLicence(lines, size));
    const expected = truth('d014').fields;
    for (const key of ['creditCode', 'name', 'legalRepresentative'])
      expect(fields[key]?.printed ?? fields[key]?.value, key).toBe(expected[key]);
    expect(fields.businessScope?.printed).not.toMatch(/复印件|公示使用/);
  });

  it('names a label by its first glyph when a watermark hid the rest (「类」 of 类　型), and keeps the watermark out of 住所', () => {
    const { lines, size } = page('d019');
    const extraction = extractLicence(lines, size);
    const fields = interpretLicence(extraction);
    const expected = truth('d019').fields;
    expect(fields.type?.printed).toSatisfy((v: string) => same(v, expected.type));
    expect(fields.domicile?.printed).toSatisfy((v: string) => same(v, expected.domicile));
    // 名　称: only 「名」 was found and nothing after it; the empty value is what makes it read again.
    expect(extraction.taken.name?.reading.text).toBe('');
  });

  it('prints the entry of a closed list as the document does: 个人经营 read short, 一人有限责任公司 read one glyph off', () => {
    const individual = interpretLicence(extractLicence(page('d005').lines, page('d005').size));
    expect(individual.compositionForm?.printed).toBe('个人经营');
    const company = interpretLicence(extractLicence(page('d022').lines, page('d022').size));
    expect(company.type?.printed).toSatisfy((v: string) => same(v, truth('d022').fields.type));
  });
});
