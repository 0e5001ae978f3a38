/**
 * GB 32100-2015 法人和其他组织统一社会信用代码, and the GB 11714-1997 组织机构代码 embedded at positions 9–17.
 *
 * Layout: 1 登记管理部门 (9 = 市场监督管理), 2 机构类别 (under 9: 1 企业, 2 个体工商户, 3 农民专业合作社),
 * 3–8 the registrar's GB/T 2260 区划, 9–17 主体标识码 (组织机构代码: 8 characters + its mod-11 check),
 * 18 the check character over the first 17.
 */

/** The 31 symbols of a credit code (no I, O, S, V, Z). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// w_i = 3^(i-1) mod 31 for i = 1..17.
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The 18th character for the first 17, or undefined when they are not 17 charset symbols. */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * (CREDIT_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

// GB 11714: digits are their value, letters A=10 … Z=35.
function orgCharValue(char: string): number {
  if (/^[0-9]$/.test(char)) return Number(char);
  if (/^[A-Z]$/.test(char)) return char.charCodeAt(0) - 55;
  return -1;
}

/** GB 11714 check of an 8-character 组织机构代码 body: C9 = 11 − (Σ c_i·w_i mod 11), 10 → X, 11 → 0. */
export function orgCodeCheckChar(body8: string): string | undefined {
  if (body8.length !== 8) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = orgCharValue(body8[i] ?? '');
    if (value < 0) return undefined;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Why a credit code is not valid; 'orgCheck' alone means the embedded 组织机构代码 fails GB 11714. */
export type CreditCodeProblem = 'length' | 'charset' | 'checkChar' | 'orgCheck';

export type CreditCodeResult =
  | { readonly valid: true; readonly value: string; readonly region: string; readonly orgCode: string }
  | { readonly valid: false; readonly value: string; readonly problem: CreditCodeProblem };

/**
 * Validates a credit code (trimmed and upper-cased first; the normalised text is `value`). Some very early
 * pilot codes fail the check: callers reading a scanned licence should treat a failure as "needs confirmation".
 */
export function validateCreditCode(input: string): CreditCodeResult {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { valid: false, value, problem: 'length' };
  for (const char of value) {
    if (!CREDIT_CODE_CHARSET.includes(char)) return { valid: false, value, problem: 'charset' };
  }
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17])
    return { valid: false, value, problem: 'checkChar' };
  if (orgCodeCheckChar(value.slice(8, 16)) !== value[16]) return { valid: false, value, problem: 'orgCheck' };
  return { valid: true, value, region: value.slice(2, 8), orgCode: value.slice(8, 17) };
}

export function isValidCreditCode(input: string): boolean {
  return validateCreditCode(input).valid;
}

export interface CreditCodeSpec {
  /** Six-digit GB/T 2260 code of the registrar's area, e.g. '350603'. */
  readonly region: string;
  /** 登记管理部门, default '9' (市场监督管理). */
  readonly registrar?: string;
  /** 机构类别, default '1' (企业). */
  readonly category?: string;
  /** A serial number 0 ≤ n < 31^6 the issuer counts up; different serials give different codes. */
  readonly serial: number;
}

const SERIAL_LIMIT = 31 ** 6;

/**
 * A valid credit code as a registrar would issue it: the 主体标识码 is 'MA' + six symbols from the serial
 * (the form new 组织机构代码 take) with its GB 11714 check, then the GB 32100 check character.
 */
export function generateCreditCode(spec: CreditCodeSpec): string {
  const registrar = spec.registrar ?? '9';
  const category = spec.category ?? '1';
  if (!/^\d{6}$/.test(spec.region)) throw new Error(`region must be six digits: ${spec.region}`);
  if (!CREDIT_CODE_CHARSET.includes(registrar) || registrar.length !== 1) throw new Error('bad registrar');
  if (!CREDIT_CODE_CHARSET.includes(category) || category.length !== 1) throw new Error('bad category');
  if (!Number.isInteger(spec.serial) || spec.serial < 0 || spec.serial >= SERIAL_LIMIT) {
    throw new Error(`serial must be an integer in [0, ${SERIAL_LIMIT})`);
  }
  let serial = spec.serial;
  let digits = '';
  for (let i = 0; i < 6; i++) {
    digits = CREDIT_CODE_CHARSET[serial % 31] + digits;
    serial = Math.floor(serial / 31);
  }
  const body = `MA${digits}`;
  const first17 = `${registrar}${category}${spec.region}${body}${orgCodeCheckChar(body)}`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}
