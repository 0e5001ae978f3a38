/** Format checks shared by the steps; messages name the field, in Chinese, as shown beside it. */
import type { Errors } from '../../kit/body.ts';

export const POSTCODE = /^\d{6}$/;
export const DECIMAL = /^\d+(\.\d{1,6})?$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function required(errors: Errors, name: string, value: string, label: string, verb = '填写'): boolean {
  if (value !== '') return true;
  errors[name] = `请${verb}${label}`;
  return false;
}

export function maxLength(errors: Errors, name: string, value: string, label: string, max: number): void {
  if ([...value].length > max) errors[name] = `${label}不能超过${max}个字`;
}
