import type { RotatedRect } from '../engine/geometry.ts';
import type { PageReader, PageText } from '../engine/page-reader.ts';
import type { LicenceExtraction } from './licence.extract.ts';
import type { PlacedLine } from './page-lines.ts';
import { readingOf } from './values.ts';

/** Marks a 经营范围 row can end with; the detector's box often stops just short of one. */
const END_MARK = /^[。；，、（）：;,:()]$/;

/** How far past its box a row's last line is read again, in the line's heights. */
const REACH = 0.5;

/**
 * The detector's box of a row's last line often stops just short of a small closing mark (「台查询」 for
 * 「台查询。」), which the recogniser then never sees. Each 经营范围 row that ends without a mark is read again
 * half a line longer; a reading that gives the same text and one mark more adds that mark.
 */
export async function readScopeLineEnds(
  reader: PageReader,
  page: PageText,
  extraction: LicenceExtraction,
): Promise<void> {
  const taken = extraction.taken.businessScope;
  if (!taken || taken.lines.length === 0) return;
  const ends = rowEnds(taken.lines).filter((line) => !END_MARK.test(line.text.at(-1) ?? ''));
  const reads = await reader.readLines(
    page.image,
    ends.map((line) => longer(line.source.rect)),
  );
  let text = taken.reading.text;
  let symbols = [...taken.reading.symbols];
  ends.forEach((line, i) => {
    const read = reads[i];
    const mark = read?.text.slice(line.text.length);
    if (!read || read.text.length !== line.text.length + 1 || !read.text.startsWith(line.text)) return;
    if (!mark || !END_MARK.test(mark)) return;
    // Where the row's text stands in the value: only a place found once can take the mark.
    const at = text.indexOf(line.text);
    if (at < 0 || text.indexOf(line.text, at + 1) >= 0) return;
    const after = at + line.text.length;
    const glyph = read.chars.at(-1);
    text = `${text.slice(0, after)}${mark}${text.slice(after)}`;
    const before = [...text.slice(0, after)].length;
    symbols = [
      ...symbols.slice(0, before),
      ...readingOf([{ char: mark, confidence: glyph?.confidence ?? 0 }]).symbols,
      ...symbols.slice(before),
    ];
  });
  if (text !== taken.reading.text) extraction.taken.businessScope = { ...taken, reading: { text, symbols } };
}

/** The last line of each row of a value, left to right. */
function rowEnds(lines: readonly PlacedLine[]): PlacedLine[] {
  const ends: PlacedLine[] = [];
  for (const line of [...lines].sort((a, b) => a.middle - b.middle)) {
    const last = ends.at(-1);
    const sameRow = last && Math.abs(last.middle - line.middle) < 0.5 * Math.min(last.height, line.height);
    if (!sameRow) ends.push(line);
    else if (line.right > last.right) ends[ends.length - 1] = line;
  }
  return ends;
}

/** The same box reaching further along its reading direction. */
function longer(rect: RotatedRect): RotatedRect {
  const add = rect.thickness * REACH;
  return {
    ...rect,
    length: rect.length + add,
    centre: { x: rect.centre.x + (rect.along.x * add) / 2, y: rect.centre.y + (rect.along.y * add) / 2 },
  };
}
