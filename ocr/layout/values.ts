import type { RawReading } from '../fields/result.ts';
import { charX, type LabelHit } from './label-hits.ts';
import type { PlacedLine } from './page-lines.ts';

/** The text taken for a label, and the lines it came from (to cut the value out again). */
export interface TakenValue {
  reading: RawReading;
  lines: PlacedLine[];
  hit: LabelHit;
  /** Read again from the space after the label, because the detector found no line there. */
  reread?: boolean;
  /** Placed by its shape and position because its label could not be found: a person confirms it. */
  unlabelled?: boolean;
}

export interface TakeOptions {
  /** The value may wrap onto lines below (经营范围, 住所 …). */
  wraps: boolean;
  /** With nothing after the label on its row, the value may be the line below (default true). */
  below?: boolean;
  /**
   * Only the first box after the label: a short value (a person's name) ends there, and a box further along the
   * row is a watermark or an overprint (「复印无效」), not more of it.
   */
  firstBoxOnly?: boolean;
}

/**
 * Takes a label's value by geometry: the rest of its row to the right up to the next label or the next
 * column, then — for values that wrap — the lines below that start within the value's column, until the
 * next label of that column or a gap wider than a line. A value printed under its label (统一社会信用代码 on
 * the 2019 licence) is the first line below when nothing follows on the row.
 */
export function takeValue(
  hit: LabelHit,
  hits: readonly LabelHit[],
  lines: readonly PlacedLine[],
  unit: number,
  options: TakeOptions,
): TakenValue {
  const labelLines = new Set(hits.map((h) => h.line));
  const startsLabel = (line: PlacedLine) =>
    hits.some((h) => h.line === line && h.valueFrom > 0) || labelLines.has(line);
  const boundary = columnBoundary(hit, hits, unit);
  // Judged by the value line's own height: a label cut from a stacked column can be taller than its row.
  const sameRow = (line: PlacedLine) =>
    Math.abs(line.middle - hit.middle) < 0.55 * Math.min(line.height, unit * 1.5);
  const pieces: { line: PlacedLine; from: number }[] = [{ line: hit.line, from: hit.valueFrom }];
  const rowRest = lines
    .filter(
      (line) =>
        line !== hit.line &&
        // A speck the detector boxed between the label and the value is not part of it, nor is a seal's or a
        // large watermark's text, twice the height of the print.
        line.height >= unit * 0.6 &&
        line.height <= unit * 2 &&
        sameRow(line) &&
        line.left >= hit.labelRight - unit * 0.5 &&
        line.left < boundary &&
        !startsLabel(line),
    )
    .sort((a, b) => a.top - b.top)
    // Two candidates one above the other are two rows (a wrapped value beside a tall label): keep the upper.
    .filter((line, i, all) => !all.slice(0, i).some((above) => overlapsAcross(above, line)))
    .sort((a, b) => a.left - b.left);
  const ownText = hit.line.chars.slice(hit.valueFrom).some((c) => c.char.trim() !== '');
  if (options.firstBoxOnly)
    pieces.push(...(ownText ? [] : rowRest.slice(0, 1)).map((line) => ({ line, from: 0 })));
  else pieces.push(...rowRest.map((line) => ({ line, from: 0 })));
  const firstRowMiddle = pieces.find((p) => p.from < p.line.chars.length)?.line.middle ?? hit.middle;
  const rowText = pieces
    .map((p) =>
      p.line.chars
        .slice(p.from)
        .map((c) => c.char)
        .join(''),
    )
    .join('');
  const valueLeft = rowText.trim() ? Math.min(...pieces.map((p) => charX(p.line, p.from))) : hit.labelRight;
  if (options.wraps || (rowText.trim() === '' && options.below !== false)) {
    const nextLabel = Math.min(
      ...hits
        .filter(
          (h) =>
            h !== hit &&
            h.middle > hit.middle + unit * 0.5 &&
            h.left < boundary &&
            h.left > hit.left - unit * 4,
        )
        .map((h) => h.middle),
    );
    let bottom = Math.max(...pieces.map((p) => p.line.bottom));
    // Wrapped rows follow the value's first row; a tall label beside it can reach lower than that row, and
    // its middle would hide the second row.
    const rowsFrom = rowText.trim() ? firstRowMiddle : Math.max(hit.middle, firstRowMiddle);
    const below = lines
      .filter(
        (line) =>
          line.middle > rowsFrom + unit * 0.5 &&
          line.middle < nextLabel - unit * 0.4 &&
          line.left >= Math.min(valueLeft, hit.labelRight) - unit * 2.5 &&
          line.left < boundary &&
          !pieces.some((p) => p.line === line) &&
          !startsLabel(line),
      )
      .sort((a, b) => a.middle - b.middle || a.left - b.left);
    const maxRows = options.wraps ? 40 : 1;
    // Wrapped lines start where the value's first line does, and all at one left edge; a seal's or a watermark's
    // text starts anywhere. The first line's start is only estimated when it shares a line with a letter-spaced
    // label, so the first wrapped line may lie a few characters further right; it then sets the edge.
    let edge: number | undefined;
    // Rows of one value are a line apart, judged by the value's own line when the page's lines are larger.
    const ownHeight = pieces.find((p) => p.from < p.line.chars.length)?.line.height ?? unit;
    const gapAllowed = Math.min(unit, ownHeight) * 1.2;
    // A value in a box of its own starts where the box does: no estimate to allow for.
    const estimated = pieces.some((p) => p.from > 0 && p.from < p.line.chars.length);
    const aligned = (row: readonly PlacedLine[]) => {
      if (!rowText.trim()) return true;
      const left = Math.min(...row.map((l) => l.left));
      const offset = left - (edge ?? valueLeft);
      const fits = offset >= -unit * 1.5 && offset <= unit * (edge === undefined && estimated ? 5 : 1.5);
      if (fits) edge ??= left;
      return fits;
    };
    let rows = 0;
    for (const row of rowsOf(below, unit)) {
      const top = Math.min(...row.map((l) => l.top));
      // Print reads clearly even when it reads wrong; a row the recogniser all but gave up on is a seal's text.
      if (top - bottom > gapAllowed || rows >= maxRows || !aligned(row) || meanConfidence(row) < 0.5) break;
      rows += 1;
      const own = contiguous(row, unit);
      for (const line of own) pieces.push({ line, from: 0 });
      bottom = Math.max(bottom, ...own.map((l) => l.bottom));
    }
  }
  // The label's own line may be any row of a value beside a tall label: the value is read in page order.
  const chars = inReadingOrder(pieces).flatMap((p) => p.line.chars.slice(p.from));
  return {
    reading: readingOf(stripLeadingPunctuation(chars)),
    lines: [...new Set(pieces.map((p) => p.line))],
    hit,
  };
}

/** The engine's characters (confidence 0..1) as a reading for ocr/fields (confidence 0..100). */
export function readingOf(chars: readonly { char: string; confidence: number }[]): RawReading {
  return {
    text: chars.map((c) => c.char).join(''),
    symbols: chars.map((c) => ({ text: c.char, confidence: c.confidence * 100 })),
  };
}

/** A value found by its shape rather than after a label (the credit code's run, the issue date): it stands for its own label. */
export function unlabelledHit(key: string, label: string, line: PlacedLine): LabelHit {
  return {
    key,
    label,
    line,
    valueFrom: 0,
    left: line.left,
    labelRight: line.left,
    middle: line.middle,
    height: line.height,
  };
}

/** Lines sorted by their middles, grouped into rows (a new row starts more than 0.6 of a line lower). */
function rowsOf(sorted: readonly PlacedLine[], unit: number): PlacedLine[][] {
  const rows: PlacedLine[][] = [];
  let rowMiddle = Number.NEGATIVE_INFINITY;
  for (const line of sorted) {
    if (line.middle - rowMiddle > unit * 0.6) {
      rows.push([]);
      rowMiddle = line.middle;
    }
    rows.at(-1)?.push(line);
  }
  return rows;
}

/** Top to bottom, and left to right within a row (two lines share a row when their middles are close). */
function inReadingOrder<T extends { line: PlacedLine }>(pieces: readonly T[]): T[] {
  return [...pieces].sort((a, b) => {
    const sameRow = Math.abs(a.line.middle - b.line.middle) < 0.5 * Math.min(a.line.height, b.line.height);
    return sameRow ? a.line.left - b.line.left : a.line.middle - b.line.middle;
  });
}

/** The mean confidence of the glyphs of some lines (0..1). */
export function meanConfidence(row: readonly PlacedLine[]): number {
  const glyphs = row.flatMap((line) => line.chars);
  return glyphs.reduce((sum, c) => sum + c.confidence, 0) / Math.max(1, glyphs.length);
}

/**
 * The boxes of a wrapped row that run on from its first, left to right: a box far beyond the last one's end is
 * another block on the paper (a stamp's notes, a copy mark), not the rest of the value.
 */
function contiguous(row: readonly PlacedLine[], unit: number): PlacedLine[] {
  const sorted = [...row].sort((a, b) => a.left - b.left);
  const kept: PlacedLine[] = [];
  for (const line of sorted) {
    const last = kept.at(-1);
    if (last && line.left - last.right > unit * 2.5) break;
    kept.push(line);
  }
  return kept;
}

function stripLeadingPunctuation<T extends { char: string }>(chars: T[]): T[] {
  let start = 0;
  while (start < chars.length && /[\s:：;；.,，、·]/.test(chars[start]?.char ?? '')) start += 1;
  return chars.slice(start);
}

/**
 * Where the label's value must stop on the right: the next label on its row, or else the left edge of the
 * nearest column of labels to its right (the licence's right-hand column).
 */
export function columnBoundary(hit: LabelHit, hits: readonly LabelHit[], unit: number): number {
  let boundary = Number.POSITIVE_INFINITY;
  for (const other of hits) {
    if (other === hit || other.left <= hit.labelRight + unit * 0.5) continue;
    const rowMate = Math.abs(other.middle - hit.middle) < 0.6 * unit;
    const column = other.left > hit.left + unit * 8 && other.middle > hit.middle - unit * 20;
    if (rowMate || column) boundary = Math.min(boundary, other.left - unit * 0.3);
  }
  return boundary;
}

function overlapsAcross(a: PlacedLine, b: PlacedLine): boolean {
  return (
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.3 * Math.min(a.right - a.left, b.right - b.left)
  );
}
