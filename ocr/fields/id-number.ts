import { idNumberCheckChar, validateIdNumber } from '../../forms/codes/index.ts';
import { field, type OcrField, type RawReading, unreadable } from './result.ts';
import { compact, digitsFromLookalikes } from './text.ts';

/**
 * 公民身份号码 from what the engine read, repaired only where the repair is safe:
 * - letters that look like digits (O/0, I/1, Z/2, S/5, B/8 …) become digits — almost always right, so the
 *   value can still be confident when the check character then holds;
 * - one digit too many or too few, or one wrong digit, is repaired only when exactly one candidate passes the
 *   check character AND agrees with the printed 出生 and 性别; such a value always needs confirmation (a
 *   digit-for-digit slip has several valid repairs, and two slips can "repair" into a wrong valid number).
 * A number that passes its check is still only confident when it agrees with the printed 出生 and 性别 (where
 * those were read), and its characters were read with some confidence.
 */

export interface PrintedPerson {
  /** yyyy-MM-dd as printed under 出生, when it could be read. */
  birthDate?: string;
  gender?: '男' | '女';
}

const LABEL = '公民身份号码';
const MIN_SYMBOL_CONFIDENCE = 0.5;

export function interpretIdNumber(reading: RawReading, printed: PrintedPerson): OcrField {
  const raw = compact(reading.text).replace(/^.*号码/, '');
  const body = raw.replace(/[^0-9A-Za-z|!\][$]/g, '');
  if (body.length < 12) return unreadable(LABEL);
  // The last character may be X; everything before it is a digit.
  const last = body.slice(-1);
  const head = digitsFromLookalikes(body.slice(0, -1));
  const tail = /[xX×K]/.test(last) ? 'X' : digitsFromLookalikes(last).text;
  const cleaned = head.text + tail;
  const mapped = head.changed || tail !== last.toUpperCase();
  const confidences = symbolConfidences(reading, body.length);
  const weakest = confidences.length ? Math.min(...confidences) : 0;

  const direct = validateIdNumber(cleaned);
  if (direct.valid) {
    const problems = disagreements(direct.value, printed);
    if (weakest < MIN_SYMBOL_CONFIDENCE) problems.push('号码中有字符识别把握不大，请核对');
    return field(LABEL, direct.value, mapped ? weakest * 0.9 : weakest, problems);
  }

  const candidates = repairs(cleaned).filter((candidate) => disagreements(candidate, printed).length === 0);
  const unique = [...new Set(candidates)];
  if (unique.length === 1 && (printed.birthDate || printed.gender)) {
    return field(LABEL, unique[0] as string, weakest * 0.6, ['号码经校验位修正，请核对']);
  }
  return field(LABEL, cleaned.length === 18 ? cleaned : null, weakest * 0.3, [
    unique.length > 1 ? '号码校验未通过，可能的修正不止一种，请核对' : '号码校验未通过，请核对',
  ]);
}

/** Ways the birth date and gender in the number contradict what is printed (empty when consistent). */
export function disagreements(idNumber: string, printed: PrintedPerson): string[] {
  const parsed = validateIdNumber(idNumber);
  if (!parsed.valid) return ['号码校验未通过'];
  const problems: string[] = [];
  if (printed.birthDate && printed.birthDate !== parsed.birthDate)
    problems.push('号码中的出生日期与“出生”栏不一致');
  if (printed.gender && (printed.gender === '男' ? '1' : '2') !== parsed.gender) {
    problems.push('号码中的性别与“性别”栏不一致');
  }
  return problems;
}

/** Valid numbers one edit away: a character dropped, added or replaced. */
export function repairs(cleaned: string): string[] {
  const out: string[] = [];
  const alphabet = '0123456789X';
  const consider = (candidate: string) => {
    if (candidate.length === 18 && validateIdNumber(candidate).valid) out.push(candidate);
  };
  if (cleaned.length === 19)
    for (let i = 0; i < 19; i += 1) consider(cleaned.slice(0, i) + cleaned.slice(i + 1));
  if (cleaned.length === 17) {
    for (let i = 0; i <= 17; i += 1)
      for (const c of alphabet) consider(cleaned.slice(0, i) + c + cleaned.slice(i));
  }
  if (cleaned.length === 18) {
    for (let i = 0; i < 17; i += 1) {
      for (const c of alphabet.slice(0, 10))
        if (c !== cleaned[i]) consider(cleaned.slice(0, i) + c + cleaned.slice(i + 1));
    }
    const check = idNumberCheckChar(cleaned.slice(0, 17));
    if (check) consider(cleaned.slice(0, 17) + check);
  }
  return out;
}

/** Per-character confidences (0..1) when the engine's characters line up with the cleaned text. */
function symbolConfidences(reading: RawReading, length: number): number[] {
  const chars = reading.symbols.filter((s) => /^[0-9A-Za-z|!\][$×]$/.test(s.text));
  if (chars.length === length) return chars.map((s) => s.confidence / 100);
  const all = reading.symbols.filter((s) => s.text.trim());
  return all.length ? [Math.min(...all.map((s) => s.confidence)) / 100] : [];
}
