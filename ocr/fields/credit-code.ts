import { CREDIT_CODE_CHARSET, lookupRegion, validateCreditCode } from '../../forms/codes/index.ts';
import { field, type OcrField, type RawReading, unreadable, weakestSymbol } from './result.ts';
import { compact } from './text.ts';

/**
 * 统一社会信用代码 (GB 32100) from what the engine read. The code carries two checks: the 组织机构代码's own
 * mod-11 character at position 17 and the mod-31 character at 18, so a random misreading passes both only about
 * once in 340. Letters the charset leaves out because they look like digits (I, O, S, Z) are read as those digits
 * (safe). Anything more — a character replaced, dropped or added — is repaired only when exactly one candidate
 * passes both checks, and always needs confirmation. A valid code must also be a 市场监管 code (9), a category that
 * fits the licence (1 企业, 2 个体工商户), and a known region for its registrar.
 */

const LABEL = '统一社会信用代码';
const OUT_OF_CHARSET: Record<string, string> = { I: '1', O: '0', S: '5', Z: '2', o: '0', l: '1', '|': '1' };
const MIN_SYMBOL_CONFIDENCE = 0.5;

export interface CreditCodeExpectation {
  /** '1' for a company or 个人独资企业, '2' for a 个体工商户; undefined when the type was not read. */
  category?: string;
}

/**
 * Interprets the readings of the code in turn (the crop at two resolutions): the first that is a valid,
 * plausible code as read wins; repairs are tried only when none is.
 */
export function interpretCreditCodeReadings(
  readings: RawReading[],
  expect: CreditCodeExpectation = {},
): OcrField {
  const interpreted = readings.map((reading) => interpretCreditCode(reading, expect));
  return (
    interpreted.find((f) => f.status === 'confident') ??
    interpreted.find((f) => f.value !== null && f.notes.every((n) => !n.includes('校验'))) ??
    interpreted.find((f) => f.value !== null) ??
    (interpreted[0] as OcrField)
  );
}

export function interpretCreditCode(reading: RawReading, expect: CreditCodeExpectation = {}): OcrField {
  const text = compact(reading.text)
    .replace(/^.*代码/, '')
    .toUpperCase();
  const raw = [...text].filter((c) => /[0-9A-Z|]/.test(c)).join('');
  if (raw.length < 14) return unreadable(LABEL);
  const mapped = [...raw].map((c) => OUT_OF_CHARSET[c] ?? c).join('');
  const weakest = weakestSymbol(reading, (c) => /[0-9A-Za-z]/.test(c));
  const direct = validateCreditCode(mapped);
  if (direct.valid) {
    const problems = plausibility(direct.value, expect);
    if (weakest < MIN_SYMBOL_CONFIDENCE) problems.push('代码中有字符识别把握不大，请核对');
    return field(LABEL, direct.value, weakest, problems);
  }
  const all = [...new Set(creditCodeRepairs(mapped))].filter((c) => plausibility(c, expect).length === 0);
  // One changed character of 18 has some 540 alternatives, and about one in 340 passes both checks by chance; when
  // several do, the engine's own doubt picks: only changes at its three least sure characters are kept.
  const doubtful = weakestPositions(reading, mapped.length, 3);
  const candidates =
    all.length > 1 && doubtful
      ? all.filter(
          (c) => c.length === mapped.length && [...c].every((ch, i) => ch === mapped[i] || doubtful.has(i)),
        )
      : all;
  if (candidates.length === 1) {
    return field(LABEL, candidates[0] as string, weakest * 0.6, ['代码经校验位修正，请核对']);
  }
  return field(LABEL, mapped.length === 18 ? mapped : null, weakest * 0.3, ['代码校验未通过，请核对']);
}

/** Why a code that passes its checks is still unlikely on this licence (empty when plausible). */
export function plausibility(code: string, expect: CreditCodeExpectation): string[] {
  const problems: string[] = [];
  if (code[0] !== '9') problems.push('不是市场监管部门登记的代码，请核对');
  if (expect.category && code[1] !== expect.category) problems.push('代码的机构类别与执照类型不符，请核对');
  // 福建 is held in full down to districts; elsewhere only the province can be checked.
  const region = code.slice(2, 8);
  const province = lookupRegion(`${region.slice(0, 2)}0000`);
  const known = lookupRegion(region) !== undefined || (province !== undefined && province.code !== '350000');
  if (!known) problems.push('代码中的登记机关区划不存在，请核对');
  return problems;
}

/** Positions of the `count` least confident characters, when the engine's characters line up with the text. */
function weakestPositions(reading: RawReading, length: number, count: number): Set<number> | undefined {
  const chars = reading.symbols.filter((s) => /^[0-9A-Za-z|]$/.test(s.text));
  if (chars.length !== length) return undefined;
  const order = chars
    .map((s, i) => ({ i, confidence: s.confidence }))
    .sort((a, b) => a.confidence - b.confidence);
  return new Set(order.slice(0, count).map((entry) => entry.i));
}

/** Valid codes one edit away from the text (a character replaced, dropped or added). */
export function creditCodeRepairs(text: string): string[] {
  const out: string[] = [];
  const consider = (candidate: string) => {
    if (candidate.length === 18 && validateCreditCode(candidate).valid) out.push(candidate);
  };
  if (text.length === 19) for (let i = 0; i < 19; i += 1) consider(text.slice(0, i) + text.slice(i + 1));
  if (text.length === 17) {
    for (let i = 0; i <= 17; i += 1)
      for (const c of CREDIT_CODE_CHARSET) consider(text.slice(0, i) + c + text.slice(i));
  }
  if (text.length === 18) {
    for (let i = 0; i < 18; i += 1) {
      for (const c of CREDIT_CODE_CHARSET)
        if (c !== text[i]) consider(text.slice(0, i) + c + text.slice(i + 1));
    }
  }
  return out;
}
