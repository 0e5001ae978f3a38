import { cornersOf } from '../engine/geometry.ts';
import type { PageReader, PageText } from '../engine/page-reader.ts';
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
): { left: number; top: number; width: number; height: number } | null {
  const year = /(19|20)\d{2}|[〇一二][〇一二三四五六七八九]{3}/;
  const candidates = lines
    .filter((line) => line.middle > page.height * 0.45 && year.test(line.text) && [...line.text].length <= 16)
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
  const right = Math.min(page.width, Math.max(...xs) + anchor.height * 1.5);
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
  if (extraction.absent.includes('issueDate')) return;
  const taken = extraction.taken.issueDate;
  if (taken && printedDate(taken.reading.text)) return;
  // The lines already placed by the extraction, not placed again.
  const box = issueDateRow(extraction.lines, page.image);
  if (!box) return;
  // The row read whole usually bridges the seal; the red channel, where the seal fades, is the second try.
  let read = await reader.readBox(page.image, box);
  if (!printedDate(read.text)) read = await reader.readBox(page.image, box, 0);
  if (!printedDate(read.text)) return;
  const anchor = extraction.lines[0];
  if (!anchor) return;
  extraction.taken.issueDate = {
    reading: readingOf(read.chars),
    lines: [],
    hit: taken?.hit ?? unlabelledHit('issueDate', '发证日期', anchor),
  };
}
