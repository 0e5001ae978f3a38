import { isValidCreditCode, isValidRegistrationNumber } from '../../forms/codes/index.ts';
import type { LabelHit } from './label-hits.ts';
import type { PlacedLine } from './page-lines.ts';
import { readingOf, type TakenValue, unlabelledHit } from './values.ts';

/**
 * The 统一社会信用代码 wherever it is printed (under its label on the 2019 licence, beside it on the portrait
 * 副本): the run of 18 code characters nearest the label.
 */
export function findCodeLine(
  lines: readonly PlacedLine[],
  pattern: RegExp,
  hit: LabelHit | undefined,
): TakenValue | null {
  const candidates = lines.flatMap((line) => {
    const chars = line.chars.filter((c) => /[0-9A-Za-z|]/.test(c.char));
    const text = chars.map((c) => c.char.toUpperCase()).join('');
    return pattern.test(text) || (text.length >= 17 && text.length <= 20) ? [{ line, chars }] : [];
  });
  if (candidates.length === 0) return null;
  const distance = (line: PlacedLine) =>
    hit ? Math.hypot(line.left - hit.left, line.middle - hit.middle) : line.middle;
  const best = candidates.sort((a, b) => distance(a.line) - distance(b.line))[0];
  if (!best) return null;
  return {
    reading: readingOf(checkedRun(best.chars)),
    lines: [best.line],
    hit: hit ?? unlabelledHit('creditCode', '统一社会信用代码', best.line),
  };
}

/**
 * The 18 characters of a longer run that pass the code's check character (a copy mark 「（1—1）」 or a stray
 * letter beside it adds characters); the run unchanged when no window or more than one passes.
 */
function checkedRun<T extends { char: string }>(chars: readonly T[]): readonly T[] {
  if (chars.length <= 18) return chars;
  const passing = Array.from({ length: chars.length - 17 }, (_, i) => chars.slice(i, i + 18)).filter((run) =>
    isValidCreditCode(run.map((c) => c.char.toUpperCase()).join('')),
  );
  return passing.length === 1 ? (passing[0] as T[]) : chars;
}

/**
 * The 注册号 when nothing after its label reads as one: a run of 13 or 15 digits near the label (深圳's
 * 商事主体 licence prints it beside the label and a little higher, off the label's row). A run that passes
 * the check digit wins over a nearer one that does not.
 */
export function registrationNumberLine(
  lines: readonly PlacedLine[],
  hit: LabelHit,
  unit: number,
  claimed: ReadonlySet<PlacedLine>,
): TakenValue | null {
  const candidates = lines.flatMap((line) => {
    if (claimed.has(line)) return [];
    const chars = line.chars.filter((c) => /\d/.test(c.char));
    const digits = chars.map((c) => c.char).join('');
    const distance = Math.hypot(line.left - hit.labelRight, line.middle - hit.middle);
    return distance < unit * 8 && /^(\d{13}|\d{15})$/.test(digits) && chars.length >= line.chars.length - 1
      ? [{ line, chars, distance, valid: isValidRegistrationNumber(digits) }]
      : [];
  });
  const best = candidates.sort((a, b) => Number(b.valid) - Number(a.valid) || a.distance - b.distance)[0];
  return best ? { reading: readingOf(best.chars), lines: [best.line], hit } : null;
}
