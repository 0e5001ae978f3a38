import { cornersOf } from '../engine/geometry.ts';
import type { PageReader, PageText } from '../engine/page-reader.ts';
import { consensusDate } from './date-consensus.ts';
import type { LicenceExtraction } from './licence.extract.ts';
import type { PlacedLine } from './page-lines.ts';
import { printedDate } from './printed.ts';
import { readingOf, unlabelledHit } from './values.ts';

/**
 * The row of the issue date at the foot of a licence, as a box of the upright photo. The red seal covers it,
 * so the detector finds it in pieces (「2022」「年」「月」「日」, the digits under the seal lost); the whole row is
 * read again as one line. Null when no such row is found.
 */
export function issueDateRow(
  lines: readonly PlacedLine[],
  page: { width: number; height: number },
  otherValues: ReadonlySet<PlacedLine> = new Set(),
): { left: number; top: number; width: number; height: number } | null {
  // Under the seal the detector keeps pieces: a year (〇 read as a Latin O or a digit 0), a year that lost a
  // digit (「201年」), or 「年…月」 without the year.
  const year = /(19|20)\d{2}|[〇○一二][〇○Oo0一二三四五六七八九]{3}/;
  const piece = /(19|20)\d?年|年.{0,3}月/;
  const candidates = lines
    .filter(
      (line) =>
        line.middle > page.height * 0.45 &&
        (year.test(line.text) || piece.test(line.text)) &&
        [...line.text].length <= 16 &&
        !otherValues.has(line) &&
        !/至|止|期限|有效|日期/.test(line.text),
    )
    .sort((a, b) => b.middle - a.middle);
  // A year anchors the row; a piece only where no year is left (a footer's 「每年1月1日」 is no issue date).
  const anchor = candidates.find((line) => year.test(line.text)) ?? candidates[0];
  if (!anchor) return null;
  // Pieces of the row, not the watermark or seal text across it (much taller than the print).
  const row = lines.filter(
    (line) =>
      Math.abs(line.middle - anchor.middle) < anchor.height * 0.8 &&
      line.height < anchor.height * 1.8 &&
      line.left > anchor.left - anchor.height * 2 &&
      line.left < anchor.right + anchor.height * 14 &&
      [...line.text].length <= 16,
  );
  const corners = row.flatMap((line) => cornersOf(line.source.rect));
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const pad = anchor.height * 0.25;
  const left = Math.max(0, Math.min(...xs) - pad);
  // The detector often loses the last 「日」 under the seal's edge: the row reaches past it, and a year in
  // Chinese numerals found alone reaches as far as its month and day in numerals do (six glyphs more).
  const rowText = row.map((line) => line.text).join('');
  const numeralsAlone = !/\d/.test(anchor.text) && !/日/.test(rowText);
  const right = Math.min(page.width, Math.max(...xs) + anchor.height * (numeralsAlone ? 7 : 3));
  const top = Math.max(0, Math.min(...ys) - pad);
  const bottom = Math.min(page.height, Math.max(...ys) + pad);
  return { left, top, width: right - left, height: bottom - top };
}

/** When the issue date taken from the lines is not a whole date, its row is read again as one line. */
export async function readIssueDateUnderSeal(
  reader: PageReader,
  page: PageText,
  extraction: LicenceExtraction,
): Promise<void> {
  // A format that may print no issue date (the regional 商事主体) was called absent when no date line was
  // found; a date under the seal is looked for all the same, and one found means it is printed after all.
  const taken = extraction.taken.issueDate;
  if (taken && printedDate(taken.reading.text)) return;
  // The lines already placed by the extraction, not placed again.
  const box = issueDateRow(extraction.lines, page.image, new Set(otherDateLines(extraction.taken)));
  if (!box) return;
  // The row is read whole (it usually bridges the seal), without the seal's red (strong red, and red against
  // this crop's paper) and in the red channel; the date is what most of the readings agree on.
  const reads = await Promise.all(
    (['all', 'without-red', 'seal-cleared', 'red-channel'] as const).map((ink) =>
      reader.readBox(page.image, box, ink),
    ),
  );
  const read = consensusDate(reads);
  if (!read) return;
  const anchor = extraction.lines[0];
  if (!anchor) return;
  extraction.absent = extraction.absent.filter((key) => key !== 'issueDate');
  extraction.taken.issueDate = {
    reading: readingOf(read.chars),
    lines: [],
    hit: taken?.hit ?? unlabelledHit('issueDate', '发证日期', anchor),
  };
}

/** Lines of the other dates (成立日期, 营业期限), which the issue date is not. */
export function otherDateLines(taken: LicenceExtraction['taken']): PlacedLine[] {
  return [...(taken.establishedDate?.lines ?? []), ...(taken.businessTerm?.lines ?? [])];
}
