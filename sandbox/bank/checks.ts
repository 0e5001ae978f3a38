/** The platform's field checks, worded as the bank words them (…不能为空). */
import { isValidIdNumber, normaliseIdNumber } from '../../forms/codes/index.ts';
import { type Errors, MOBILE } from '../kit/body.ts';

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
