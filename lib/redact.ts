/**
 * Masking of personal data before it reaches a log line, an error message or a page that does not need the
 * full value. Two nets: by key (any property whose name says it holds a secret or an identifier) and by
 * shape (an 18-character 公民身份号码 or an 11-digit mobile number inside free text), because messages from
 * portals and libraries quote values without telling us which field they came from.
 */

const SENSITIVE_KEY =
  /(pass(word|wd)?|secret|token|cookie|authorization|credential|captcha|smscode|otp|idnumber|idno|idcard|certno|phone|mobile|telephone|证件号码|身份证|手机|密码|验证码)/i;

// 18-character resident ID (17 digits + digit/X) and the old 15-digit form, not glued to other digits.
const ID_NUMBER_IN_TEXT = /(?<![0-9A-Za-z])(\d{6})(\d{8}|\d{6})(\d{3})([0-9Xx]?)(?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** 350603199001011234 → 3506************34: enough for a person to tell two IDs apart, not to use one. */
export function maskIdNumber(value: string): string {
  if (value.length <= 6) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 6) + value.slice(-2);
}

/** 13812345678 → 138****5678, the convention Chinese services use on screen. */
export function maskPhone(value: string): string {
  if (value.length < 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** 林志远 → 林*远, 王伟 → 王*: how a list shows a person it does not need to name in full. */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** A value kept secret entirely (passwords, tokens, SMS codes). */
export const SECRET_MASK = '[已隐藏]';

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

/** Masks ID numbers and mobile numbers wherever they occur in free text. */
export function redactText(text: string): string {
  return text
    .replace(ID_NUMBER_IN_TEXT, (whole: string) => (whole.length >= 15 ? maskIdNumber(whole) : whole))
    .replace(MOBILE_IN_TEXT, (_w, a: string, _b: string, c: string) => `${a}****${c}`);
}

/**
 * A copy of `value` with sensitive keys replaced and identifiers masked in every string.
 * Cycles and very deep objects are cut rather than followed, since logs must never throw.
 */
export function redactDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8 || seen.has(value)) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactText(value.message),
      stack: value.stack && redactText(value.stack),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1, seen));
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // A sensitive key hides its value; when the value is an object (say `credentials`), its own keys decide.
    const hide =
      isSensitiveKey(key) &&
      inner !== null &&
      typeof inner !== 'object' &&
      inner !== undefined &&
      inner !== '';
    out[key] = hide ? SECRET_MASK : redactDeep(inner, depth + 1, seen);
  }
  return out;
}
