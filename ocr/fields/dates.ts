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
  const written = numeralDate(compact(text));
  if (written) return written;
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

const NUMERALS: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  O: 0,
  o: 0,
  '0': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 三十一 as written in dates, with 廿 (20) and 卅 (30). Null when it is not such a number. */
function numeral(text: string): number | null {
  const match = text.match(/^(?:([二三])?(十|廿|卅))?([一二三四五六七八九]?)$/);
  if (!match || text === '') return null;
  const [, tensDigit, tensMark, units = ''] = match;
  const unit = units ? (NUMERALS[units] as number) : 0;
  if (!tensMark) return unit;
  if (tensDigit && tensMark !== '十') return null;
  const tens =
    tensMark === '廿' ? 2 : tensMark === '卅' ? 3 : tensDigit ? (NUMERALS[tensDigit] as number) : 1;
  return tens * 10 + unit;
}

/** Dates written in Chinese numerals, as older licences print them: 二〇〇八年十二月五日, 二〇一五年五月廿九日. */
function numeralDate(text: string): ParsedDate | null {
  const match = text.match(
    /([〇○零0Oo一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十廿卅]{1,3})日/,
  );
  if (!match) return null;
  const [, yearText = '', monthText = '', dayText = ''] = match;
  if (!/[一二三四五六七八九]/.test(yearText)) return null;
  const year = Number([...yearText].map((c) => NUMERALS[c]).join(''));
  const month = numeral(monthText);
  const day = numeral(dayText);
  if (month === null || day === null) return null;
  const value = isoDate(year, month, day);
  return value ? { value, repaired: /[0Oo○零]/.test(yearText) } : null;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
