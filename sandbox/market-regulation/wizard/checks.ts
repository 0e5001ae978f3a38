/** Format checks shared by the steps; messages name the field, in Chinese, as shown beside it. */

export const MOBILE = /^1[3-9]\d{9}$/;
export const FIXED_LINE = /^0\d{2,3}-?\d{7,8}$/;
export const POSTCODE = /^\d{6}$/;
export const DECIMAL = /^\d+(\.\d{1,6})?$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type Errors = Record<string, string>;

export function required(errors: Errors, name: string, value: string, label: string, verb = '填写'): boolean {
  if (value !== '') return true;
  errors[name] = `请${verb}${label}`;
  return false;
}

export function maxLength(errors: Errors, name: string, value: string, label: string, max: number): void {
  if ([...value].length > max) errors[name] = `${label}不能超过${max}个字`;
}

export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
