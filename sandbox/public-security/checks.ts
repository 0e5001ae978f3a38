/** The bureau's field checks; messages name the field, as shown beside it. */
import { isValidIdNumber, normaliseIdNumber } from '../../forms/codes/index.ts';
import { type Errors, MOBILE } from '../kit/body.ts';

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
