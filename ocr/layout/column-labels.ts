import { charX, type LabelHit, nextOnRow } from './label-hits.ts';
import type { PlacedLine } from './page-lines.ts';

/**
 * Labels whose first characters were misread. Letter-spaced labels (「名    称」) come as one box per
 * character, and a watermark over the first one turns 「类」 into 「米」 or 「住」 into 「大」. The last character
 * still names the label when only one field's labels end with it, when it sits where the labels already found
 * end (the label column's right edge), with a value after it on the same row (the first glyph may be lost),
 * or starting a line that holds the value too (「型有限责任公司…」).
 */
export function labelsByLastCharacter(
  lines: readonly PlacedLine[],
  catalogue: Record<string, readonly string[]>,
  found: readonly LabelHit[],
  unit: number,
): LabelHit[] {
  if (found.length < 2) return [];
  const foundKeys = new Set(found.map((hit) => hit.key));
  const labelEnds = found.map((hit) => hit.labelRight);
  const hits: LabelHit[] = [];
  for (const line of lines) {
    const chars = line.text.replace(/[\s:：]/g, '');
    const first = [...chars][0];
    if (!first) continue;
    const alone = [...chars].length === 1;
    const only = onlyField(catalogue, (label) => label.endsWith(first), foundKeys);
    if (!only) continue;
    const [key, labels] = only;
    const labelRight = charX(line, 0) + unit / 2;
    // A glyph alone may sit anywhere in its box; one that starts a line with the value must start the column.
    const tolerance = alone ? 1.2 : 0.6;
    if (!labelEnds.some((end) => Math.abs(end - labelRight) < unit * tolerance)) continue;
    const value = alone ? nextOnRow(lines, line, unit) : line;
    if (!value) continue;
    const sameRow = (other: PlacedLine) =>
      Math.abs(other.middle - line.middle) < 0.6 * Math.max(unit, line.height);
    const before = lines.find(
      (other) =>
        other !== line &&
        sameRow(other) &&
        other.right <= line.left + unit * 0.3 &&
        line.left - other.right < unit * 8 &&
        [...other.text.trim()].length <= 3,
    );
    const label = [...labels]
      .filter((l) => l.endsWith(first))
      .sort((a, b) => a.length - b.length)[0] as string;
    hits.push({
      key,
      label,
      line: value,
      valueFrom: alone ? 0 : line.chars.findIndex((c) => c.char === first) + 1,
      left: before?.left ?? line.left,
      labelRight,
      middle: line.middle,
      height: line.height,
    });
    foundKeys.add(key);
  }
  return hits;
}

/**
 * Letter-spaced labels whose last characters were lost: a watermark across 「类　型」 can leave the detector only
 * 「类」. A glyph alone that begins one field's labels and no other's names that label when it starts the label
 * column (where the labels found already start). Its value is what follows on the row; with none, the value is
 * left empty so that the space after the label is read again (missing-values.ts).
 */
export function labelsByFirstCharacter(
  lines: readonly PlacedLine[],
  catalogue: Record<string, readonly string[]>,
  found: readonly LabelHit[],
  unit: number,
): LabelHit[] {
  if (found.length < 2) return [];
  const foundKeys = new Set(found.map((hit) => hit.key));
  const hits: LabelHit[] = [];
  for (const line of lines) {
    const chars = [...line.text.replace(/[\s:：]/g, '')];
    const [first] = chars;
    if (chars.length !== 1 || !first) continue;
    const only = onlyField(catalogue, (label) => label.startsWith(first), foundKeys);
    if (!only) continue;
    // The labels of the same column, found whole: this one ends where they end.
    const column = found.filter((hit) => Math.abs(hit.left - line.left) < unit * 0.6);
    const ends = column.map((hit) => hit.labelRight).sort((a, b) => a - b);
    const labelRight = ends[Math.floor(ends.length / 2)];
    if (labelRight === undefined || labelRight < line.right) continue;
    const [key, labels] = only;
    const value = nextOnRow(lines, line, unit);
    const label = [...labels].filter((l) => l.startsWith(first)).sort((a, b) => a.length - b.length)[0];
    hits.push({
      key,
      label: label as string,
      line: value ?? line,
      valueFrom: value ? 0 : 1,
      left: line.left,
      labelRight,
      middle: line.middle,
      height: line.height,
    });
    foundKeys.add(key);
  }
  return hits;
}

/** The one field some of whose labels match, when no other field's do and it is not found yet. */
function onlyField(
  catalogue: Record<string, readonly string[]>,
  matches: (label: string) => boolean,
  foundKeys: ReadonlySet<string>,
): [string, readonly string[]] | undefined {
  const fields = Object.entries(catalogue).filter(([, labels]) => labels.some(matches));
  const [only] = fields;
  return fields.length === 1 && only && !foundKeys.has(only[0]) ? only : undefined;
}
