import { compact, digitsFromLookalikes } from './text.ts';

/**
 * Dates as printed on Chinese documents: 1990年3月7日 (ID cards, no leading zeros), 2024年03月15日 (licences),
 * 2016.03.07 (ID-card validity). Returns yyyy-MM-dd, or null when the text is not a real calendar date.
 * `repaired` says a look-alike character had to be read as a digit (了 for 7, O for 0 …).
 */
export interface ParsedDate {
  value: string;
  repaired: boolean;
}

// Characters chi_sim returns for digits in a date line.
const DATE_LOOKALIKES: Record<string, string> = { 了: '7', 〇: '0', 零: '0' };

export function parseChineseDate(text: string): ParsedDate | null {
  let repaired = false;
  const mapped = [...compact(text)]
    .map((c) => {
      const digit = DATE_LOOKALIKES[c];
      if (digit) repaired = true;
      return digit ?? c;
    })
    .join('');
  const { text: digits, changed } = digitsFromLookalikes(mapped.replace(/[年月日.\-/]/g, (c) => ` ${c} `));
  const match = digits.match(/(?<!\d)(\d{4})\D{1,9}?(\d{1,2})\D{1,9}?(\d{1,2})(?!\d)/);
  if (!match) return null;
  const value = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return value ? { value, repaired: repaired || changed } : null;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
