/** The bureau's field checks, worded as the tax system words them (…为必填项). */
import { isValidIdNumber, normaliseIdNumber } from '../../forms/codes/index.ts';
import { type Errors, MOBILE } from '../kit/body.ts';

export function required(errors: Errors, name: string, value: string, label: string): boolean {
  if (value !== '') return true;
  errors[name] = `${label}为必填项`;
  return false;
}

export function oneOf(
  errors: Errors,
  name: string,
  value: string,
  label: string,
  options: readonly { value: string }[],
): void {
  if (required(errors, name, value, label) && !options.some((option) => option.value === value)) {
    errors[name] = `${label}的取值不在代码表中`;
  }
}

export function checkMobile(errors: Errors, name: string, value: string, label: string): void {
  if (required(errors, name, value, label) && !MOBILE.test(value)) errors[name] = `${label}格式错误`;
}

/** A document number checked by its type: 居民身份证 (201) by GB 11643; the others by their shapes. */
export function checkDocument(
  errors: Errors,
  name: string,
  type: string,
  value: string,
  label: string,
): string {
  if (!required(errors, name, value, label)) return '';
  if (type === '201') {
    const id = normaliseIdNumber(value);
    if (!isValidIdNumber(id)) errors[name] = `${label}不符合居民身份证号码编码规则`;
    return id;
  }
  const shapes: Record<string, RegExp> = {
    '208': /^[A-Z0-9]{5,17}$/,
    '210': /^[HM]\d{8,10}$/,
    '213': /^\d{8}$/,
  };
  if (shapes[type] && !shapes[type].test(value)) errors[name] = `${label}格式错误`;
  return value;
}
