/** Reading the posted form and the bureau's field checks; messages name the field, as shown beside it. */
import { isValidIdNumber, normaliseIdNumber } from '../../forms/codes/index.ts';
import type { RawValue } from '../kit/submissions.ts';

export type Body = Record<string, RawValue>;
export type Errors = Record<string, string>;

export const MOBILE = /^1[3-9]\d{9}$/;

export function str(body: Body, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** Row indexes of a repeating group posted as `yz[3][yzlx]`, in order. */
export function rowIndexes(body: Body, prefix: string): number[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${prefix}\\[(\\d+)\\]\\[`);
  for (const key of Object.keys(body)) {
    const match = pattern.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

/** `请输入单位名称` when empty; returns whether there is a value to check further. */
export function filled(errors: Errors, name: string, value: string, label: string, verb = '输入'): boolean {
  if (value !== '') return true;
  errors[name] = `请${verb}${label}`;
  return false;
}

export function checkMobile(errors: Errors, name: string, value: string, label: string): void {
  if (filled(errors, name, value, label) && !MOBILE.test(value))
    errors[name] = `${label}格式不正确，应为11位手机号码`;
}

/** 居民身份证号码 with its GB 11643 check character; returns the number with a capital X. */
export function checkIdNumber(errors: Errors, name: string, value: string, label: string): string {
  if (!filled(errors, name, value, label)) return '';
  const id = normaliseIdNumber(value);
  if (!/^\d{17}[\dX]$/.test(id)) errors[name] = `${label}应为18位居民身份证号码`;
  else if (!isValidIdNumber(id)) errors[name] = `${label}校验位不正确，请核对`;
  return id;
}
