import { charX, type LabelHit } from './label-hits.ts';
import type { PlacedLine } from './page-lines.ts';
import { meanConfidence, type TakenValue, takeValue, unlabelledHit } from './values.ts';

/** An address starts with a place: a province, city, region or county, then more of it. */
const ADDRESS_START = /^[\u4e00-\u9fff]{2,8}(?:省|市|自治区|特别行政区|区|县|旗)[\u4e00-\u9fff\d]{3}/;

/**
 * 住所 when a watermark or overprint hid its label: the highest block nothing else claims that starts where
 * another value of the licence starts (a value column) and reads as an address. The caller asks a person to
 * confirm it, since no label says what it is.
 */
export function unlabelledAddress(
  lines: readonly PlacedLine[],
  hits: readonly LabelHit[],
  taken: readonly TakenValue[],
  unit: number,
): TakenValue | null {
  const claimed = new Set([...hits.map((h) => h.line), ...taken.flatMap((value) => value.lines)]);
  const valueLefts = taken.filter((value) => !value.reread && value.lines.length > 0).map(valueLeft);
  const start = lines
    .filter(
      (line) =>
        !claimed.has(line) &&
        line.height >= unit * 0.6 &&
        line.height <= unit * 2 &&
        ADDRESS_START.test(line.text.replace(/\s+/g, '')) &&
        // A name starts with a place too; it ends with its organisational form.
        !/(?:公司|合作社|商行|店|厂|部)$/.test(line.text.replace(/\s+/g, '')) &&
        meanConfidence([line]) >= 0.7 &&
        valueLefts.some((left) => Math.abs(line.left - left) <= unit * 1.5),
    )
    .sort((a, b) => a.middle - b.middle)[0];
  if (!start) return null;
  const value = takeValue(unlabelledHit('domicile', '住所', start), hits, lines, unit, { wraps: true });
  return { ...value, unlabelled: true };
}

/** Where a value's text starts: its first line of its own, or after the label on the label's line. */
function valueLeft(value: TakenValue): number {
  const own = value.lines.filter((line) => line !== value.hit.line);
  return own.length > 0
    ? Math.min(...own.map((line) => line.left))
    : charX(value.hit.line, value.hit.valueFrom);
}
