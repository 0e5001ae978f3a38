/**
 * The printed form of values with a grammar (dates, terms, names of people): the part of the taken text that
 * fits the grammar, without label remnants before it or watermark text after it.
 */
const NUMERAL_YEAR = '[〇○零一二三四五六七八九0OoQ]{4}';
const DATE = `(?:\\d{4}|${NUMERAL_YEAR})年(?:\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日`;
const DATE_RE = new RegExp(DATE);
const TERM_RE = new RegExp(`(?:自)?(?:${DATE})?(?:至|到)(?:${DATE}|长期|永久|年月日|\\*+)|(?:${DATE})`);

/** Years written in Chinese numerals use 〇 for zero; the recogniser often gives a digit 0 or a letter O. */
function numeralZeros(text: string): string {
  return text.replace(new RegExp(NUMERAL_YEAR, 'g'), (year) =>
    /[一二三四五六七八九]/.test(year) ? year.replace(/[0OoQ○零]/g, '〇') : year,
  );
}

export function printedDate(text: string): string | null {
  return datePrintedIn(text.replace(/\s+/g, ''))?.date ?? null;
}

/** The first whole date in text without spaces, and the index of its first character. */
export function datePrintedIn(text: string): { date: string; index: number } | null {
  const match = numeralZeros(text).match(DATE_RE);
  return match?.index === undefined ? null : { date: match[0], index: match.index };
}

export function printedTerm(text: string): string | null {
  const compacted = numeralZeros(text.replace(/\s+/g, ''));
  if (/^[^\d]{0,3}长期/.test(compacted)) return '长期';
  // 长期 alone with one glyph misread (「长构」): a term printed without dates has no other two-glyph word.
  if (/^[^\d\u4e00-\u9fff]{0,3}(?:长[\u4e00-\u9fff]|[\u4e00-\u9fff]期)$/.test(compacted)) return '长期';
  const match = compacted.match(TERM_RE);
  return match ? match[0] : null;
}

/** A person's name: the Han characters (and the middle dot of minority names) at the start of the text. */
export function printedPersonName(text: string): string | null {
  const match = text.replace(/\s+/g, '').match(/^[\u4e00-\u9fff·•]{2,12}/);
  return match ? match[0] : null;
}

/** 注册资本 as printed: 人民币100.0000万元整, 500万元, 伍佰万元整 — without what follows the amount. */
export function printedCapital(text: string): string | null {
  const match = text
    .replace(/\s+/g, '')
    .match(
      /(?:[（(]?人民币[）)]?)?(?:\d[\d.,]*万?(?:元|美元|港元)?(?:人民币)?整?|[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+(?:万|亿)?[元圆]?整?)/,
    );
  return match ? match[0] : null;
}

/**
 * 类型 as printed: up to its organisational form and the bracket after it (有限责任公司（自然人独资）), without
 * an overprint read after it. Text of another shape is kept whole.
 */
export function printedEntityType(text: string): string {
  // A bracket's opening glyph lost by the detector (「有限责任公司非自然人…独资）」) is given back, so the
  // bracket is kept rather than cut off as an overprint, which would leave a shorter entry of the list.
  const compacted = text
    .replace(/\s+/g, '')
    .replace(
      /^([^（(]*?(?:公司|企业))([^（()）]{2,30}[）)])/,
      (_, form: string, inside: string) => `${form}（${inside}`,
    );
  // A bracket left open at the very end lost its closing glyph at a seal's or the crop's edge: it is kept.
  const match = compacted.match(/^.*?(?:公司|企业|合作社|个体工商户)(?:[（(][^（()）]*(?:[）)]|$))?[】\]]?/);
  return match ? match[0] : compacted;
}

/** 名称 of a company: up to its last 有限公司 / 有限责任公司 / 分公司, without an overprint read after it. */
export function printedCompanyName(text: string): string {
  const compacted = text.replace(/\s+/g, '');
  const endings = [...compacted.matchAll(/有限责任公司|股份有限公司|有限公司|分公司/g)];
  const last = endings.at(-1);
  return last?.index === undefined ? compacted : compacted.slice(0, last.index + last[0].length);
}
