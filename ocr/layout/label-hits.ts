import type { PlacedLine } from './page-lines.ts';

/** A printed label found at the start of a line, and where its value begins. */
export interface LabelHit {
  key: string;
  label: string;
  /** The line holding the first character after the label (the label's own line, or the next one on its row). */
  line: PlacedLine;
  /** Index in `line.chars` of the value's first character. */
  valueFrom: number;
  left: number;
  /** Right edge of the label: the value starts after it. */
  labelRight: number;
  middle: number;
  height: number;
}

const SKIP = /[\s:：;；.,，、·"'“”]/;

/** The line's characters without spaces and punctuation, with their indices in the line. */
function significant(line: PlacedLine): { char: string; index: number }[] {
  return line.chars.flatMap((c, index) => (SKIP.test(c.char) ? [] : [{ char: c.char, index }]));
}

/** x of a character of the line, spreading the characters evenly over its length. */
export function charX(line: PlacedLine, index: number): number {
  const n = Math.max(1, line.chars.length);
  return line.left + ((index + 0.5) * (line.right - line.left)) / n;
}

/**
 * How many leading characters of `text` spell `label`: exactly, or — for labels of four or more characters —
 * short of their first or last character, or with one character misread. Returns the characters consumed.
 */
function matchLength(text: readonly string[], label: string): number {
  const want = [...label];
  const head = text.slice(0, want.length);
  if (head.join('') === label) return want.length;
  if (want.length < 4) return 0;
  const shorter = want.length - 1;
  if (text.slice(0, shorter).join('') === want.slice(0, -1).join('')) return shorter;
  if (text.slice(0, shorter).join('') === want.slice(1).join('')) return shorter;
  if (head.length === want.length && head.filter((c, i) => c !== want[i]).length === 1 && head[0] === want[0])
    return want.length;
  return 0;
}

/**
 * A label of three or more characters with one glyph, not the first, that the recogniser was unsure of and
 * read as something else (「经 营 老者」 for 经营者 under a watermark). Returns the characters consumed.
 */
function unsureGlyphMatch(row: readonly Placed[], label: string): number {
  const want = [...label];
  if (want.length < 3 || row.length < want.length) return 0;
  let unsure = 0;
  for (const [i, glyph] of row.slice(0, want.length).entries()) {
    if (glyph.char === want[i]) continue;
    const confidence = glyph.line.chars[glyph.index]?.confidence ?? 1;
    if (i === 0 || confidence >= 0.5 || ++unsure > 1) return 0;
  }
  return unsure === 1 ? want.length : 0;
}

interface Placed {
  char: string;
  index: number;
  line: PlacedLine;
}

/**
 * The characters of a row from `line` on: the line itself, then, while what has been gathered is short
 * (letter-spaced labels such as 「注 册 资 本」 come as one box per character), the next boxes to the right.
 */
function rowFrom(lines: readonly PlacedLine[], line: PlacedLine, unit: number): Placed[] {
  const gathered: Placed[] = significant(line).map((c) => ({ ...c, line }));
  let current = line;
  while (gathered.length < 8) {
    const next = nextOnRow(lines, current, unit);
    if (!next) break;
    const more = significant(next).map((c) => ({ ...c, line: next }));
    gathered.push(...more);
    if (more.length > 3) break;
    current = next;
  }
  return gathered;
}

/**
 * Finds every label of `catalogue` that starts a line, including labels the detector split into several boxes
 * (「名」 and 「称：…」, or one box per character), as letter-spaced labels often are.
 */
export function findLabels(
  lines: readonly PlacedLine[],
  catalogue: Record<string, readonly string[]>,
  unit: number,
): LabelHit[] {
  const entries = Object.entries(catalogue)
    .flatMap(([key, labels]) => labels.map((label) => ({ key, label })))
    .sort((a, b) => b.label.length - a.label.length);
  const hits: LabelHit[] = [];
  for (const line of lines) {
    const own = significant(line);
    if (own.length === 0) continue;
    const row = own.length <= 3 ? rowFrom(lines, line, unit) : own.map((c) => ({ ...c, line }));
    // A watermark's Latin letters can fall between a label's glyphs (「类DG型」); labels are all Chinese.
    const hit =
      labelAt(row, row, entries, line, unit) ??
      labelAt(
        row.filter((c) => !/[A-Za-z]/.test(c.char)),
        row,
        entries,
        line,
        unit,
      );
    if (hit) hits.push(hit);
  }
  return hits;
}

/** True when `row[index]` is the last glyph of its box and a box of its own follows (the value). */
function endsItsBox(row: readonly Placed[], index: number): boolean {
  const glyph = row[index];
  if (!glyph) return false;
  const rest = significant(glyph.line).filter((c) => c.index > glyph.index);
  return rest.length === 0 && index > 0 && row[index - 1]?.line === glyph.line;
}

/** The first label of `entries` that `row` starts with; `whole` is the row as read, to find what follows. */
function labelAt(
  row: readonly Placed[],
  whole: readonly Placed[],
  entries: readonly { key: string; label: string }[],
  line: PlacedLine,
  unit: number,
): LabelHit | undefined {
  const chars = row.map((c) => c.char);
  for (const { key, label } of entries) {
    let length = matchLength(chars, label) || unsureGlyphMatch(row, label);
    if (length === 0) continue;
    // A label read short of its last character may have it as the value's first (「经营范」「围…」).
    if (length < [...label].length && chars[length] === [...label].at(-1)) length += 1;
    // …or misread as the last glyph of the label's own box (「经营范圈」 before a value in a box of its own).
    else if (length === [...label].length - 1 && endsItsBox(row, length)) length += 1;
    // Overlapping boxes of a letter-spaced label repeat a character (「注」「册资」「资」「本」): the label's own
    // characters in short boxes are the label's, not the value's.
    while (
      row[length] &&
      label.includes(row[length]?.char ?? '') &&
      significant(row[length]?.line as PlacedLine).length <= 3
    )
      length += 1;
    const last = row[length - 1] as Placed;
    let after = whole[whole.indexOf(last) + 1];
    // Two overlapping boxes can both hold the label's last glyph (「DG型」「型有限…」): it is not the value's.
    if (after && after.char === last.char && after.line !== last.line && after.line.left < last.line.right)
      after = whole[whole.indexOf(after) + 1];
    const valueLine = after ? after.line : last.line;
    return {
      key,
      label,
      line: valueLine,
      valueFrom: after ? after.index : last.index + 1,
      left: line.left,
      labelRight: charX(last.line, last.index) + unit / 2,
      middle: line.middle,
      height: line.height,
    };
  }
  return undefined;
}

/** The nearest line to the right on the same row, within a few characters' gap. */
export function nextOnRow(
  lines: readonly PlacedLine[],
  line: PlacedLine,
  unit: number,
): PlacedLine | undefined {
  let best: PlacedLine | undefined;
  for (const other of lines) {
    // Boxes of letter-spaced characters can overlap a little: the next one need only start past this one's middle.
    const otherMiddle = (other.left + other.right) / 2;
    if (other === line || other.left < (line.left + line.right) / 2 || otherMiddle < line.right) continue;
    if (Math.abs(other.middle - line.middle) > 0.6 * Math.max(unit, line.height)) continue;
    if (other.left - line.right > unit * 6) continue;
    if (!best || other.left < best.left) best = other;
  }
  return best;
}
