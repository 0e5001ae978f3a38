import type { LabelHit } from './label-hits.ts';
import { nextOnRow } from './label-hits.ts';
import type { PlacedLine } from './page-lines.ts';
import { printedCapital, printedDate } from './printed.ts';

/** What a value of each field with a grammar looks like at its start. */
const GRAMMARS: Record<string, (value: string) => boolean> = {
  registeredCapital: (value) => {
    const amount = printedCapital(value);
    return amount !== null && /[元圆]/.test(amount) && value.startsWith(amount.slice(0, 2));
  },
  establishedDate: (value) => printedDate(value.slice(0, 12)) !== null,
  registrationNumber: (value) => /^\d{13,15}$/.test(value),
};

/**
 * Labels whose end a watermark or an overprint hid (「注册」 left of 「注册资本」): a box that reads only the first
 * two or more glyphs of labels with a grammar, followed on its row by a value that fits the grammar of exactly
 * one of them. The value decides between 注册资本, 注册号 and 注册日期.
 */
export function labelsByValueShape(
  lines: readonly PlacedLine[],
  catalogue: Record<string, readonly string[]>,
  found: readonly LabelHit[],
  unit: number,
): LabelHit[] {
  const foundKeys = new Set(found.map((hit) => hit.key));
  const foundLines = new Set(found.map((hit) => hit.line));
  const hits: LabelHit[] = [];
  for (const line of lines) {
    const text = line.text.replace(/[\s:：]/g, '');
    if ([...text].length < 2 || foundLines.has(line)) continue;
    const keys = Object.entries(catalogue)
      .filter(([key, labels]) => key in GRAMMARS && labels.some((l) => l.startsWith(text) && l !== text))
      .map(([key]) => key)
      .filter((key) => !foundKeys.has(key));
    if (keys.length === 0) continue;
    const valueLine = nextOnRow(lines, line, unit);
    const value = valueLine?.text.replace(/\s+/g, '') ?? '';
    const fitting = keys.filter((key) => GRAMMARS[key]?.(value));
    const key = fitting[0];
    if (!valueLine || fitting.length !== 1 || !key) continue;
    const label = catalogue[key]?.find((l) => l.startsWith(text)) ?? text;
    hits.push({
      key,
      label,
      line: valueLine,
      valueFrom: 0,
      left: line.left,
      labelRight: line.right,
      middle: line.middle,
      height: line.height,
    });
  }
  return hits;
}
