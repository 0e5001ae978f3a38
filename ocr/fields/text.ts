/** Text clean-up shared by the field rules. */

/** Full-width ASCII to half-width, ideographic space to nothing, all whitespace removed. */
export function compact(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '');
}

/** Letters and signs tesseract returns for digits in numeric positions. */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  U: '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  '!': '1',
  ']': '1',
  '[': '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  $: '5',
  B: '8',
  G: '6',
  b: '6',
  g: '9',
  q: '9',
  T: '7',
  A: '4',
};

/** Maps look-alike letters to digits; `changed` says whether any was mapped. */
export function digitsFromLookalikes(text: string): { text: string; changed: boolean } {
  let changed = false;
  const out = [...text]
    .map((c) => {
      const digit = DIGIT_LOOKALIKES[c];
      if (digit !== undefined) {
        changed = true;
        return digit;
      }
      return c;
    })
    .join('');
  return { text: out, changed };
}

export function isHan(char: string): boolean {
  return /\p{Script=Han}/u.test(char);
}

/** Levenshtein distance (small strings only). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}
