/** Reference numbers and dates as departments print them on receipts. */

/** yyyyMMdd in China Standard Time (the portals run on Beijing time whatever the host says). */
export function chinaDateDigits(date: Date = new Date()): string {
  return chinaDate(date).replaceAll('-', '');
}

/** yyyy-MM-dd in China Standard Time. */
export function chinaDate(date: Date = new Date()): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** 2025年11月22日 */
export function chineseDate(date: Date = new Date()): string {
  const [y, m, d] = chinaDate(date).split('-');
  return `${y}年${m}月${d}日`;
}

/** 2025-11-22 14:03:05 in China Standard Time. */
export function chinaDateTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The last day (yyyy-MM-dd) of a permit granted on `date` for `years` years: 2026-12-07 → 2031-12-06. */
export function validUntil(date: Date, years: number): string {
  const until = new Date(date);
  until.setFullYear(until.getFullYear() + years);
  until.setDate(until.getDate() - 1);
  return chinaDate(until);
}

/** PREFIX + yyyyMMdd + zero-padded sequence: SL20251122000017. */
export function referenceNumber(prefix: string, sequence: number, width = 6, date = new Date()): string {
  return `${prefix}${chinaDateDigits(date)}${String(sequence).padStart(width, '0')}`;
}

/** Luhn check digit over a digit string (bank account numbers carry one). */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let value = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return String((10 - (sum % 10)) % 10);
}
