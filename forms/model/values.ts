import type { Condition, FieldValue, FormValues, Row } from './types.ts';

/** Helpers over canonical form values (see model/types.ts). */

export function isEmpty(value: FieldValue | readonly Row[] | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return value.length === 0;
}

export function scalar(values: FormValues, key: string): string | undefined {
  const value = values[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function multi(values: FormValues, key: string): readonly string[] {
  const value = values[key];
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
    ? (value as readonly string[])
    : [];
}

export function rowsOf(values: FormValues, group: string): readonly Row[] {
  const value = values[group];
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null)
    ? (value as readonly Row[])
    : [];
}

export function rowScalar(row: Row | undefined, field: string): string | undefined {
  const value = row?.[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function holds(condition: Condition | undefined, values: FormValues): boolean {
  if (!condition) return true;
  const value = scalar(values, condition.element) ?? '';
  if (condition.in && !condition.in.includes(value)) return false;
  if (condition.notIn?.includes(value)) return false;
  return true;
}

/** Decimal strings compared as numbers ('100' and '100.0'); NaN when not a number. */
export function toNumber(value: string | undefined): number {
  return value === undefined || value.trim() === '' ? Number.NaN : Number(value);
}

/** 60 → '60', 33.333333 → '33.33': how the forms write decimals. */
export function formatDecimal(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** 'yyyy-MM-dd' + n years, clamped to the end of February in a non-leap year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** Whole years between a birth date and a date (both 'yyyy-MM-dd'). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
