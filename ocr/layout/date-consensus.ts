import { parseChineseDate } from '../fields/dates.ts';

type Chars = { char: string; confidence: number }[];

/** One part of a date (year, month or day) as one reading gave it: its printed text and its characters. */
interface Part {
  text: string;
  chars: Chars;
  /** The least confidence of its characters. */
  score: number;
}

type PartName = 'year' | 'month' | 'day';

const YEAR = /(\d{4}|[〇○零一二三四五六七八九0OoQ]{4})年/;
const MONTH = /年(\d{1,2}|[一二三四五六七八九十]{1,2})月/;
// The last 「日」 is often lost at the seal's edge: a day may end the reading without it.
const DAY = /月(\d{1,2}|[一二三四五六七八九十廿卅]{1,3})(日|$)/;
/** Marks the recogniser reads into a gap of the row; they are not part of any date. */
const NOISE = /[\s：:，,。.、·'"“”‘’]/;

/**
 * The date several readings of one row agree on, part by part: the year, the month and the day each go to the
 * text the readings give the most weight (see `winner`), so one reading's misread day is outvoted by the others'
 * (2022年08月29日, 2022年08月19日, 202年08月19日 → 2022年08月19日). A day read without its 「日」 gets it back with
 * a low confidence. Null when a part has no reading or the parts make no real date.
 */
export function consensusDate(reads: readonly { chars: Chars }[]): { chars: Chars } | null {
  const parts = reads.map(datePartsOf);
  const year = winner(parts.map((p) => p.year));
  const month = winner(parts.map((p) => p.month));
  if (!year || !month) return null;
  const days = completeDays(
    parts.map((p) => p.day),
    month.text,
  );
  const day = winner(days);
  if (!day) return null;
  const glyph = (char: string, confidence: number) => ({ char, confidence });
  const chars: Chars = [
    ...year.chars,
    glyph('年', year.score),
    ...month.chars,
    glyph('月', month.score),
    ...day.chars,
    glyph('日', day.lostDay ? 0.5 : day.score),
  ];
  return parseChineseDate(chars.map((c) => c.char).join('')) ? { chars } : null;
}

/** The year, month and day a reading gives, each where its own grammar finds it. */
function datePartsOf(read: { chars: Chars }): Partial<Record<PartName, Part & { lostDay?: boolean }>> {
  const chars = read.chars.filter((c) => !NOISE.test(c.char));
  const text = chars.map((c) => c.char).join('');
  const part = (pattern: RegExp, name: PartName) => {
    const match = pattern.exec(text);
    if (!match?.[1] || !possible(name, match[1])) return undefined;
    const start = match.index + (name === 'year' ? 0 : 1);
    const own = chars.slice(start, start + match[1].length).map((c) => ({
      char:
        name === 'year' && /[一二三四五六七八九]/.test(match[1] ?? '')
          ? c.char.replace(/[0OoQ○零]/, '〇')
          : c.char,
      confidence: c.confidence,
    }));
    const score = Math.min(...own.map((c) => c.confidence));
    return { text: own.map((c) => c.char).join(''), chars: own, score, lostDay: name === 'day' && !match[2] };
  };
  return { year: part(YEAR, 'year'), month: part(MONTH, 'month'), day: part(DAY, 'day') };
}

/** A month or day in digits that no calendar has (0, 13, 32) is a misreading and gets no vote. */
function possible(name: PartName, text: string): boolean {
  if (name === 'year' || !/^\d+$/.test(text)) return true;
  const value = Number(text);
  return value >= 1 && value <= (name === 'month' ? 12 : 31);
}

/**
 * A licence that prints its month with a leading zero (08月) prints the day with two digits too: a day of one
 * digit there lost the other under the seal, and gets no vote while a day of two digits was read.
 */
function completeDays<T extends Part>(days: readonly (T | undefined)[], month: string): (T | undefined)[] {
  if (!/^0\d$/.test(month)) return [...days];
  const twoDigits = days.filter((day) => day && /^\d{2}$/.test(day.text));
  return twoDigits.length > 0 ? twoDigits : [...days];
}

/**
 * The text the parts give with the most weight, each reading weighing as much as it is sure of its least sure
 * glyph: two readings that both hesitate over a digit the seal covers (19 at 26 % and 33 %) are outweighed by
 * one that reads it clearly (11 at 88 %). The surest part of the winning text stands for it.
 */
function winner<T extends Part>(parts: readonly (T | undefined)[]): T | null {
  const given = parts.filter((p): p is T => p !== undefined);
  const weight = (text: string) => given.filter((p) => p.text === text).reduce((sum, p) => sum + p.score, 0);
  let best: T | null = null;
  for (const part of given) {
    if (
      !best ||
      weight(part.text) > weight(best.text) ||
      (part.text === best.text && part.score > best.score)
    )
      best = part;
  }
  return best;
}
