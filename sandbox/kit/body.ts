/**
 * Reading a posted form by the portal's own HTML names. Every sandbox portal reads its bodies the same way;
 * only the names and the wording of its messages differ, and those stay in the portal.
 */
import type { RawValue } from './submissions.ts';

/** A form body by the portal's HTML names, as the POST carried it. */
export type Body = Record<string, RawValue>;

/** Messages by HTML name, shown beside the field. */
export type Errors = Record<string, string>;

/** A mainland mobile number, as every portal checks it. */
export const MOBILE = /^1[3-9]\d{9}$/;

/** A fixed line with its area code (0596-2345678 or 05962345678). */
export const FIXED_LINE = /^0\d{2,3}-?\d{7,8}$/;

/** A mobile number or a fixed line: what the offices accept as a 电话. */
export const isPhone = (value: string): boolean => MOBILE.test(value) || FIXED_LINE.test(value);

/** A yyyy-MM-dd that is a real calendar day. */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The first value under `name`, trimmed ('' when absent). */
export function str(body: Body, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** The value under `name`, trimmed; `message` under `name` in `errors` when it is empty. */
export function need(errors: Errors, body: Body, name: string, message: string): string {
  const value = str(body, name);
  if (value === '') errors[name] = message;
  return value;
}

/** Every value under `name`, trimmed, with the empty ones kept so that parallel lists stay aligned by row. */
export function all(body: Body, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim());
}

/** Every non-empty value under `name`, trimmed (checkboxes, multi-selects). */
export function list(body: Body, name: string): string[] {
  return all(body, name).filter((v) => v !== '');
}

/** Row indexes of a repeating group posted as `ubo[2][name]`, in order. */
export function rowIndexes(body: Body, prefix: string): number[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${prefix}\\[(\\d+)\\]\\[`);
  for (const key of Object.keys(body)) {
    const match = pattern.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}
