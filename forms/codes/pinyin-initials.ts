/**
 * The first letter of each character's 拼音, from the pinyin collation of the ICU data Node ships: a character
 * sorts between the first characters of two letters ('吖' … '帀'), so the letter is the last boundary not
 * after it. Used by scripts/scope-initials.ts to precompute the search initials of the 经营范围 items (no
 * pinyin library is installed); a polyphonic character gets its first reading in the collation (厦 → S).
 */
const BOUNDARIES: ReadonlyArray<readonly [letter: string, first: string]> = [
  ['A', '吖'],
  ['B', '八'],
  ['C', '嚓'],
  ['D', '咑'],
  ['E', '妸'],
  ['F', '发'],
  ['G', '旮'],
  ['H', '铪'],
  ['J', '丌'],
  ['K', '咔'],
  ['L', '垃'],
  ['M', '呣'],
  ['N', '拏'],
  ['O', '噢'],
  ['P', '妑'],
  ['Q', '七'],
  ['R', '呥'],
  ['S', '仨'],
  ['T', '他'],
  ['W', '屲'],
  ['X', '夕'],
  ['Y', '丫'],
  ['Z', '帀'],
];

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

function initialOf(char: string): string {
  if (/[A-Za-z0-9]/.test(char)) return char.toUpperCase();
  if (!/\p{Script=Han}/u.test(char)) return '';
  let letter = '';
  for (const [candidate, first] of BOUNDARIES) {
    if (collator.compare(char, first) < 0) break;
    letter = candidate;
  }
  return letter;
}

/** '软件开发' → 'RJKF'; punctuation and brackets are skipped. */
export function pinyinInitials(text: string): string {
  return [...text].map(initialOf).join('');
}
