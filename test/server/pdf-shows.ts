import { expect } from 'vitest';
import { pdfText } from './pdf-text.ts';

/** Text without its white space: pdftotext breaks lines and spaces words where the layout puts them. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/** The PDF's text, squashed, once each of `shown` (squashed too) is found in it; a missing one is named. */
export function expectPdfShows(pdf: Buffer, shown: readonly string[]): string {
  const text = squash(pdfText(pdf));
  for (const one of shown) expect(text, one).toContain(squash(one));
  return text;
}
