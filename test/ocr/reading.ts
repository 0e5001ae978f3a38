import type { RawReading } from '../../ocr/fields/result.ts';

/** A reading as the engine would return it: every character with the same confidence (0..100). */
export function reading(text: string, confidence = 90): RawReading {
  return {
    text,
    symbols: [...text].filter((c) => c.trim()).map((c) => ({ text: c, confidence })),
  };
}
