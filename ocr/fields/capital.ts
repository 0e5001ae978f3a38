import { field, type OcrField, type RawReading, unreadable, weakestSymbol } from './result.ts';
import { compact } from './text.ts';

/**
 * 注册资本 as licences print it: financial numerals (大写数字) such as 壹佰万元整 or 人民币壹仟零伍拾万元整, sometimes
 * Arabic (100万元). The value is the amount in 万元 as a decimal string ('100', '1050', '12.5').
 * The numerals follow a strict grammar (digit + unit, units falling, 零 only for a gap), so a misread numeral
 * that breaks it is caught; characters the engine confuses with a numeral (参 for 叁, 伯 for 佰 …) are mapped
 * back, and such a value needs confirmation.
 */

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/**
 * Characters chi_sim returns for financial numerals. 叁, 柒, 捌 and 仟 are not in its character set at all
 * (4.0.0_best_int), so it always answers with a look-alike; the lists come from reading each numeral rendered
 * at several sizes and blurs.
 */
const LOOKALIKES: Record<string, string> = {
  ...spread('壹', '壶壷索过台查'),
  ...spread('贰', '贡弍武贷'),
  ...spread('叁', '参叄叉僚'),
  ...spread('肆', '肄律'),
  ...spread('伍', '五仵'),
  ...spread('陆', '陸陪'),
  ...spread('柒', '染柴业娄迷碌'),
  ...spread('捌', '别扬撞提制抽'),
  ...spread('玖', '玫久'),
  ...spread('拾', '恰抬捡十'),
  ...spread('佰', '伯百陌'),
  ...spread('仟', '千什件汗仔任'),
  ...spread('万', '方力'),
  ...spread('元', '无圆兀'),
  ...spread('整', '正'),
};

function spread(target: string, lookalikes: string): Record<string, string> {
  return Object.fromEntries([...lookalikes].map((c) => [c, target]));
}

/** 万元 amount (a positive integer below 10 000 万) in financial numerals: 100 → 壹佰万元整. */
export function capitalInWords(wan: string): string {
  const amount = Number(wan);
  if (!Number.isInteger(amount) || amount <= 0 || amount >= 10_000) {
    throw new RangeError(`capitalInWords: unsupported amount ${wan}`);
  }
  const digits = String(amount).split('').map(Number);
  const units = ['', '拾', '佰', '仟'];
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const unit = units[digits.length - 1 - index] ?? '';
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += `${DIGITS[digit]}${unit}`;
  });
  return `${out}万元整`;
}

/** The amount in 万元 written by `capitalInWords` (and its variants with 元 below 万), or null. */
export function parseCapitalWords(text: string): number | null {
  const match = text.match(/^([零壹贰叁肆伍陆柒捌玖拾佰仟]+)万(?:([零壹贰叁肆伍陆柒捌玖拾佰仟]+)元|元)整?$/);
  if (!match) return null;
  const wan = parseSection(match[1] ?? '');
  const rest = match[2] ? parseSection(match[2]) : 0;
  if (wan === null || rest === null) return null;
  return wan + rest / 10_000;
}

/**
 * One section below 10 000: digit+unit pairs, each unit the next lower one, except that 零 marks skipped units
 * (壹仟零伍拾 = 1050, 壹佰零伍 = 105); trailing zeros are not written (壹佰 = 100).
 */
function parseSection(text: string): number | null {
  let total = 0;
  let lastUnit = 10_000;
  let digit: number | null = null;
  let zero = false;
  const place = (unit: number): boolean => {
    const adjacent = lastUnit === 10_000 || unit === lastUnit / 10;
    const skipped = unit < lastUnit / 10;
    if (zero ? !skipped : !adjacent) return false;
    total += (digit ?? 0) * unit;
    lastUnit = unit;
    digit = null;
    zero = false;
    return true;
  };
  for (const char of text) {
    const d = DIGITS.indexOf(char);
    if (char === '零') {
      if (zero || digit !== null || lastUnit === 10_000 || lastUnit === 10) return null;
      zero = true;
      continue;
    }
    if (d > 0) {
      if (digit !== null) return null;
      digit = d;
      continue;
    }
    const unit = UNITS[char];
    if (!unit || digit === null || !place(unit)) return null;
  }
  if (digit !== null && !place(1)) return null;
  if (zero) return null;
  return total > 0 ? total : null;
}

export function interpretCapital(reading: RawReading, label = '注册资本'): OcrField {
  const text = compact(reading.text)
    .replace(/^注册资本/, '')
    .replace(/^.{0,2}民币/, '');
  if (!text) return unreadable(label);
  const arabic = text.match(/^(\d+(?:\.\d+)?)万元?/);
  if (arabic) return field(label, String(Number(arabic[1])), weakestSymbol(reading), []);
  const direct = parseCapitalWords(text);
  const weakest = weakestSymbol(reading);
  if (direct !== null)
    return field(label, formatWan(direct), weakest, weakest < 0.5 ? ['识别把握不大，请核对'] : []);
  const amounts = solveCapital(text);
  if (amounts.length === 1) {
    return field(label, formatWan(amounts[0] as number), weakest * 0.7, ['大写金额中有字经推断，请核对']);
  }
  return field(label, null, 0, ['注册资本无法识别，请手工填写']);
}

const SYMBOLS = [...'零壹贰叁肆伍陆柒捌玖拾佰仟'];
const STRUCTURE = new Set([...SYMBOLS, '万', '元', '整']);

/**
 * The amounts the text can stand for when look-alikes are mapped back and at most two characters the engine
 * got wrong are replaced by whatever the grammar allows, or dropped as noise (壹?零伍拾万元整 can only be
 * 壹仟零伍拾万元整). More than one amount means the text does not decide.
 */
export function solveCapital(text: string): number[] {
  const mapped = [...text].map((c) => (STRUCTURE.has(c) ? c : (LOOKALIKES[c] ?? '?')));
  const end = mapped.lastIndexOf('整');
  const tokens = end >= 0 ? mapped.slice(0, end + 1) : mapped;
  const unknown = tokens.flatMap((t, i) => (t === '?' ? [i] : []));
  if (unknown.length > 2) return [];
  const found = new Set<number>();
  const fill = (index: number, current: string[]) => {
    if (index === unknown.length) {
      const amount = parseCapitalWords(current.join(''));
      if (amount !== null) found.add(amount);
      return;
    }
    for (const symbol of [...SYMBOLS, '']) {
      const next = [...current];
      next[unknown[index] as number] = symbol;
      fill(index + 1, next);
    }
  };
  fill(0, tokens);
  return [...found];
}

function formatWan(amount: number): string {
  return String(Math.round(amount * 10_000) / 10_000);
}
