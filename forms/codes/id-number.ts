/**
 * GB 11643-1999 公民身份号码: 6-digit 地址码 (GB/T 2260 at issue; may no longer exist) + 8-digit 出生日期
 * YYYYMMDD + 3-digit 顺序码 (odd = 男, even = 女) + check character (ISO 7064 MOD 11-2).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The 18th character for the first 17 digits, or undefined when they are not 17 digits. */
export function idNumberCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11];
}

/** Trimmed, lowercase x stored as X. */
export function normaliseIdNumber(input: string): string {
  return input.trim().toUpperCase();
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checkChar';

export interface IdNumberInfo {
  /** Normalised (upper-case X). */
  readonly value: string;
  /** 地址码 at issue. */
  readonly region: string;
  /** yyyy-MM-dd. */
  readonly birthDate: string;
  /** GB/T 2261.1: '1' 男, '2' 女. */
  readonly gender: '1' | '2';
}

export type IdNumberResult =
  | ({ readonly valid: true } & IdNumberInfo)
  | { readonly valid: false; readonly value: string; readonly problem: IdNumberProblem };

/** Validates an 18-character 公民身份号码 (a lowercase x is accepted and normalised). */
export function validateIdNumber(input: string): IdNumberResult {
  const value = normaliseIdNumber(input);
  if (!/^\d{17}[\dX]$/.test(value)) return { valid: false, value, problem: 'format' };
  if (!isRealDate(value.slice(6, 14))) return { valid: false, value, problem: 'birthDate' };
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17])
    return { valid: false, value, problem: 'checkChar' };
  const birth = value.slice(6, 14);
  return {
    valid: true,
    value,
    region: value.slice(0, 6),
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(value[16]) % 2 === 1 ? '1' : '2',
  };
}

export function isValidIdNumber(input: string): boolean {
  return validateIdNumber(input).valid;
}

/** Birth date and gender of a valid number; undefined otherwise. */
export function parseIdNumber(input: string): IdNumberInfo | undefined {
  const result = validateIdNumber(input);
  if (!result.valid) return undefined;
  const { valid: _valid, ...info } = result;
  return info;
}

export interface IdNumberSpec {
  /** Six-digit 地址码. */
  readonly region: string;
  /** yyyy-MM-dd. */
  readonly birthDate: string;
  /** '1' 男 or '2' 女. */
  readonly gender: '1' | '2';
  /** 0 … 498: picks the 顺序码 among those of the right parity (男 001, 003, …; 女 002, 004, …). */
  readonly serial: number;
}

/** A valid number for synthetic documents and tests. */
export function generateIdNumber(spec: IdNumberSpec): string {
  if (!/^\d{6}$/.test(spec.region)) throw new Error(`region must be six digits: ${spec.region}`);
  const birth = spec.birthDate.replaceAll('-', '');
  if (!/^\d{8}$/.test(birth) || !isRealDate(birth)) throw new Error(`not a date: ${spec.birthDate}`);
  if (!Number.isInteger(spec.serial) || spec.serial < 0 || spec.serial >= 499) {
    throw new Error('serial must be an integer in [0, 499)');
  }
  const order = spec.serial * 2 + (spec.gender === '1' ? 1 : 2);
  const first17 = `${spec.region}${birth}${String(order).padStart(3, '0')}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}
