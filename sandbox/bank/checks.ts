/** Reading the posted form and the platform's field checks, worded as the bank words them (…不能为空). */
import { isValidIdNumber, normaliseIdNumber } from '../../forms/codes/index.ts';
import type { RawValue } from '../kit/submissions.ts';

export type Body = Record<string, RawValue>;
export type Errors = Record<string, string>;

export const MOBILE = /^1[3-9]\d{9}$/;

export function str(body: Body, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

export function list(body: Body, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
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

export function present(errors: Errors, name: string, value: string, label: string): boolean {
  if (value !== '') return true;
  errors[name] = `${label}不能为空`;
  return false;
}

export function checkMobile(errors: Errors, name: string, value: string, label: string): void {
  if (present(errors, name, value, label) && !MOBILE.test(value)) errors[name] = `${label}不是有效的手机号码`;
}

/** A resident ID number (GB 11643 check) — the only document the online appointment accepts. */
export function checkIdNumber(errors: Errors, name: string, value: string, label: string): string {
  if (!present(errors, name, value, label)) return '';
  const id = normaliseIdNumber(value);
  if (!isValidIdNumber(id)) errors[name] = `${label}不是有效的居民身份证号码`;
  return id;
}
