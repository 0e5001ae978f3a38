import { cornersOf } from '../engine/geometry.ts';
import type { PageReader, PageText } from '../engine/page-reader.ts';
import { parseChineseDate } from '../fields/dates.ts';
import type { LicenceExtraction } from './licence.extract.ts';
import type { PlacedLine } from './page-lines.ts';
import { datePrintedIn, printedDate } from './printed.ts';
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
  // 〇 under a seal is often read as a Latin O.
  const year = /(19|20)\d{2}|[〇一二][〇Oo一二三四五六七八九]{3}/;
  const candidates = lines
    .filter(
      (line) =>
        line.middle > page.height * 0.45 &&
        year.test(line.text) &&
        [...line.text].length <= 16 &&
        !otherValues.has(line) &&
        !/至|止|期限|有效|日期/.test(line.text),
    )
    .sort((a, b) => b.middle - a.middle);
  const anchor = candidates[0];
  if (!anchor) return null;
  const row = lines.filter(
    (line) =>
      Math.abs(line.middle - anchor.middle) < anchor.height * 0.8 &&
      line.left > anchor.left - anchor.height * 2 &&
      line.left < anchor.right + anchor.height * 14 &&
      [...line.text].length <= 16,
  );
  const corners = row.flatMap((line) => cornersOf(line.source.rect));
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const pad = anchor.height * 0.25;
  const left = Math.max(0, Math.min(...xs) - pad);
  // The detector often loses the last 「日」 under the seal's edge: the row reaches past it.
  const right = Math.min(page.width, Math.max(...xs) + anchor.height * 3);
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
  // The row is read whole (it usually bridges the seal), without the seal's red, and in the red channel; the
  // reading whose date characters the recogniser is surest of wins.
  const reads = await Promise.all(
    (['all', 'without-red', 'red-channel'] as const).map((ink) => reader.readBox(page.image, box, ink)),
  );
  const read = surestDate(reads);
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

type Chars = { char: string; confidence: number }[];

/**
 * Of several readings of one row, the whole date whose characters the recogniser is surest of. A date read to
 * its day with nothing after it lost its 「日」 at the seal's edge, and gets it back with a low confidence.
 */
export function surestDate(reads: readonly { chars: Chars }[]): { chars: Chars } | null {
  let best: { chars: Chars; score: number } | null = null;
  for (const read of reads) {
    const chars = read.chars.filter((c) => c.char.trim() !== '');
    const text = chars.map((c) => c.char).join('');
    const whole = datePrintedIn(text);
    const cut = whole ? null : datePrintedIn(`${text}日`);
    const found = whole ?? (cut && cut.index + [...cut.date].length === [...text].length + 1 ? cut : null);
    // A date that does not exist (2019年10月0日) is a misreading, whatever the recogniser's confidence.
    if (!found || !parseChineseDate(found.date)) continue;
    const own = chars.slice(found.index, found.index + [...found.date].length);
    if (!whole) own.push({ char: '日', confidence: 0.5 });
    const score = Math.min(...own.map((c) => c.confidence));
    if (!best || score > best.score) best = { chars: own, score };
  }
  return best;
}

/** Lines of the other dates (成立日期, 营业期限), which the issue date is not. */
export function otherDateLines(taken: LicenceExtraction['taken']): PlacedLine[] {
  return [...(taken.establishedDate?.lines ?? []), ...(taken.businessTerm?.lines ?? [])];
}
