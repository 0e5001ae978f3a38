import { charX, type LabelHit, nextOnRow } from './label-hits.ts';
import type { PlacedLine } from './page-lines.ts';

/** What both searches look at; `foundKeys` grows as they find labels. */
interface Search {
  lines: readonly PlacedLine[];
  catalogue: Record<string, readonly string[]>;
  unit: number;
  foundKeys: Set<string>;
}

/**
 * Labels the detector read only one character of, given the labels `found` whole (at least two, which show
 * where the label column is): those whose last character stands (after a misread first one), then those whose
 * first character stands (the rest lost), each field at most once.
 */
export function labelsByOneCharacter(
  lines: readonly PlacedLine[],
  catalogue: Record<string, readonly string[]>,
  found: readonly LabelHit[],
  unit: number,
): LabelHit[] {
  if (found.length < 2) return [];
  const search: Search = { lines, catalogue, unit, foundKeys: new Set(found.map((hit) => hit.key)) };
  const byLast = labelsByLastCharacter(search, found);
  return [...byLast, ...labelsByFirstCharacter(search, [...found, ...byLast])];
}

/**
 * Labels whose first characters were misread. Letter-spaced labels (「名    称」) come as one box per
 * character, and a watermark over the first one turns 「类」 into 「米」 or 「住」 into 「大」. The last character
 * still names the label when only one field's labels end with it, when it sits where the labels already found
 * end (the label column's right edge), with a value after it on the same row (the first glyph may be lost),
 * or starting a line that holds the value too (「型有限责任公司…」).
 */
function labelsByLastCharacter(search: Search, found: readonly LabelHit[]): LabelHit[] {
  const { lines, unit } = search;
  const labelEnds = found.map((hit) => hit.labelRight);
  const hits: LabelHit[] = [];
  for (const line of lines) {
    const chars = line.text.replace(/[\s:：]/g, '');
    const first = [...chars][0];
    if (!first) continue;
    const alone = [...chars].length === 1;
    const only = onlyField(search, (label) => label.endsWith(first));
    if (!only) continue;
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
    hits.push({
      ...only,
      line: value,
      valueFrom: alone ? 0 : line.chars.findIndex((c) => c.char === first) + 1,
      left: before?.left ?? line.left,
      labelRight,
      middle: line.middle,
      height: line.height,
    });
    search.foundKeys.add(only.key);
  }
  return hits;
}

/**
 * Letter-spaced labels whose last characters were lost: a watermark across 「类　型」 can leave the detector only
 * 「类」. A glyph alone that begins one field's labels and no other's names that label when it starts the label
 * column (where the labels found already start). Its value is what follows on the row; with none, the value is
 * left empty so that the space after the label is read again (missing-values.ts).
 */
function labelsByFirstCharacter(search: Search, found: readonly LabelHit[]): LabelHit[] {
  const { lines, unit } = search;
  const hits: LabelHit[] = [];
  for (const line of lines) {
    const chars = [...line.text.replace(/[\s:：]/g, '')];
    const [first] = chars;
    if (chars.length !== 1 || !first) continue;
    const only = onlyField(search, (label) => label.startsWith(first));
    if (!only) continue;
    // The labels of the same column, found whole: this one ends where they end.
    const column = found.filter((hit) => Math.abs(hit.left - line.left) < unit * 0.6);
    const ends = column.map((hit) => hit.labelRight).sort((a, b) => a - b);
    const labelRight = ends[Math.floor(ends.length / 2)];
    if (labelRight === undefined || labelRight < line.right) continue;
    const value = nextOnRow(lines, line, unit);
    hits.push({
      ...only,
      line: value ?? line,
      valueFrom: value ? 0 : 1,
      left: line.left,
      labelRight,
      middle: line.middle,
      height: line.height,
    });
    search.foundKeys.add(only.key);
  }
  return hits;
}

/**
 * The one field some of whose labels match, when no other field's do and it is not found yet, with the
 * shortest of its labels that match.
 */
function onlyField(
  { catalogue, foundKeys }: Search,
  matches: (label: string) => boolean,
): { key: string; label: string } | undefined {
  const fields = Object.entries(catalogue).filter(([, labels]) => labels.some(matches));
  const [only] = fields;
  if (fields.length !== 1 || !only || foundKeys.has(only[0])) return undefined;
  const [label] = only[1].filter(matches).sort((a, b) => a.length - b.length);
  return label === undefined ? undefined : { key: only[0], label };
}
