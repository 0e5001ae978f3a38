/**
 * 经营范围 as printed. The text is long, so one misread character loses the whole field; three things the
 * recogniser gets wrong on real licences are mended from what every licence shares:
 * - the closing sentences are national (or city) boilerplate: a near match is replaced by the standard wording;
 * - items are separated by 「；」, which the recogniser reads as 「：」; a colon is kept only after a heading
 *   (许可项目, 一般项目, 销售 …), where licences print one;
 * - stray marks before the first item and after the last sentence come from the seal or a watermark.
 */

/** Sentences printed on licences after the items, as the registration authorities word them. */
const STANDARD_SENTENCES = [
  '依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准',
  '依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准',
  '除依法须经批准的项目外，凭营业执照依法自主开展经营活动',
  '依法须经批准的项目，经相关部门批准后方可开展经营活动',
  '企业依法自主选择经营项目，开展经营活动；依法须经批准的项目，经相关部门批准后依批准的内容开展经营活动；不得从事本市产业政策禁止和限制类项目的经营活动。',
  '不得从事国家和本市产业政策禁止和限制类项目的经营活动。',
  '具体经营项目请登录广州市商事主体信息公示平台查询。依法须经批准的项目，经相关部门批准后方可开展经营活动。',
  '企业经营涉及行政许可的，凭许可证件经营',
  '国家禁止或涉及行政审批的货物和技术进出口除外',
].sort((a, b) => b.length - a.length);

/** The ways a sentence is enclosed on licences. */
const ENCLOSURES: readonly (readonly [string, string])[] = [
  ['（', '）'],
  ['【', '】'],
  ['（', '。）'],
  ['【', '。】'],
];

/**
 * Section headings after which a licence prints a colon. Short activities (销售, 生产、销售, 产销、设计) head an
 * item list too; an item is longer (餐饮服务, 计算机系统服务).
 */
const HEADINGS = new Set(['许可项目', '一般项目', '许可经营项目', '一般经营项目']);

export function printedScope(text: string): string | null {
  let scope = text
    .replace(/\s+/g, '')
    .replace(/^经营范围/, '')
    .replace(/;/g, '；')
    .replace(/:/g, '：')
    .replace(/,/g, '，')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[[]/g, '【')
    .replace(/[\]]/g, '】');
  scope = snapSentences(scope);
  scope = separatorColons(scope);
  scope = scope.replace(/^[^\u4e00-\u9fff（【]+/, '');
  scope = dropTail(scope);
  return [...scope].length >= 4 ? scope : null;
}

/**
 * Replaces each close match of a standard sentence (at most one character in six off) by its wording, the
 * longest sentences first; text already replaced is not matched again.
 */
function snapSentences(text: string): string {
  let parts: { text: string; fixed: boolean }[] = [{ text, fixed: false }];
  for (const sentence of STANDARD_SENTENCES) {
    const variants = enclosed(sentence);
    parts = parts.flatMap((part) => {
      if (part.fixed) return [part];
      let best: { start: number; end: number; distance: number; variant: string } | undefined;
      for (const variant of variants) {
        const found = closestSubstring(part.text, variant);
        if (found && (!best || found.distance < best.distance)) best = { ...found, variant };
      }
      if (!best || best.distance > Math.floor([...best.variant].length / 6)) {
        const cut = part === parts.at(-1) ? cutShort(part.text, variants) : null;
        if (!cut) return [part];
        return [
          { text: part.text.slice(0, cut.start), fixed: false },
          { text: cut.variant, fixed: true },
        ];
      }
      return [
        { text: part.text.slice(0, best.start), fixed: false },
        { text: best.variant, fixed: true },
        { text: part.text.slice(best.end), fixed: false },
      ];
    });
  }
  return parts.map((part) => part.text).join('');
}

/** Of a sentence, at least this share must be read before a value cut short there is completed. */
const LEAST_READ = 0.6;

/**
 * A standard sentence the value ends in the middle of: its last line lost to an overprint, or run into one
 * (「…以相关部门批准文」). The longest start of a variant that the text ends with (at most one character
 * off) and no other sentence starts with, when at least 60 % of it was read; null when none.
 */
function cutShort(text: string, variants: readonly string[]): { start: number; variant: string } | null {
  for (const variant of variants) {
    const glyphs = [...variant];
    for (let length = glyphs.length - 1; length >= Math.ceil(glyphs.length * LEAST_READ); length -= 1) {
      const prefix = glyphs.slice(0, length).join('');
      // Only the end of the text can hold it: the search is kept to that end.
      const tailFrom = Math.max(0, text.length - prefix.length - 4);
      const found = closestSubstring(text.slice(tailFrom), prefix);
      if (!found || tailFrom + found.end !== text.length) continue;
      // A start that other sentences share does not say which of them was printed.
      const others = STANDARD_SENTENCES.flatMap(enclosed).filter((other) => !variants.includes(other));
      if (others.some((other) => other.startsWith(prefix))) continue;
      // What is added was not read: the start must be read all but exactly, or another sentence that ends
      // differently (「…以审批结果为准」) would pass for this one's start.
      if (found.distance <= 1) return { start: tailFrom + found.start, variant };
    }
  }
  return null;
}

function enclosed(sentence: string): string[] {
  return ENCLOSURES.map(([open, close]) => `${open}${sentence.replace(/。$/, '')}${close}`);
}

/** A colon between two items is a misread semicolon: only a heading (the text since the last break) keeps it. */
function separatorColons(text: string): string {
  return text.replace(/：/g, (colon, at: number) => {
    const before = text.slice(0, at);
    const breakAt = Math.max(...['；', '。', '）', '】', '：'].map((mark) => before.lastIndexOf(mark)));
    const segment = before.slice(breakAt + 1);
    const heading =
      segment !== '' && segment.split('、').every((word) => HEADINGS.has(word) || [...word].length <= 3);
    return heading ? colon : '；';
  });
}

/**
 * After the last standard sentence nothing more is printed but another section or sentence, which has
 * punctuation of its own: a short tail without any is stray marks from the seal or a watermark.
 */
function dropTail(text: string): string {
  let end = -1;
  for (const variant of STANDARD_SENTENCES.flatMap(enclosed)) {
    const at = text.lastIndexOf(variant);
    if (at >= 0) end = Math.max(end, at + variant.length);
  }
  if (end < 0) return text;
  const tail = text.slice(end);
  if (tail === '。' || /项目|[；：，、（【]/.test(tail) || [...tail].length > 12) return text;
  return text.slice(0, end);
}

/**
 * The substring of `text` closest to `pattern` by edit distance (Sellers' semi-global alignment), with its
 * span in `text` (UTF-16 offsets).
 */
export function closestSubstring(
  text: string,
  pattern: string,
): { start: number; end: number; distance: number } | null {
  const t = [...text];
  const p = [...pattern];
  if (t.length === 0 || p.length === 0) return null;
  // cost[i][j]: distance of pattern[0..i) to the best substring of text ending at j; start[i][j] its start.
  let cost = new Array<number>(t.length + 1).fill(0);
  let start = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= p.length; i += 1) {
    const nextCost = new Array<number>(t.length + 1);
    const nextStart = new Array<number>(t.length + 1);
    nextCost[0] = i;
    nextStart[0] = 0;
    for (let j = 1; j <= t.length; j += 1) {
      const substitute = (cost[j - 1] as number) + (p[i - 1] === t[j - 1] ? 0 : 1);
      const skipPattern = (cost[j] as number) + 1;
      const skipText = (nextCost[j - 1] as number) + 1;
      if (substitute <= skipPattern && substitute <= skipText) {
        nextCost[j] = substitute;
        nextStart[j] = start[j - 1] as number;
      } else if (skipPattern <= skipText) {
        nextCost[j] = skipPattern;
        nextStart[j] = start[j] as number;
      } else {
        nextCost[j] = skipText;
        nextStart[j] = nextStart[j - 1] as number;
      }
    }
    cost = nextCost;
    start = nextStart;
  }
  let best = 1;
  for (let j = 1; j <= t.length; j += 1) if ((cost[j] as number) < (cost[best] as number)) best = j;
  const offset = (chars: number) => t.slice(0, chars).join('').length;
  return { start: offset(start[best] as number), end: offset(best), distance: cost[best] as number };
}
