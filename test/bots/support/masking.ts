import sharp from 'sharp';
import Tesseract from 'tesseract.js';
import { expect } from 'vitest';
import type { ImageBox, StepRecord } from '../../../bots/item-runner.ts';
import { ocrLangPath } from '../../../ocr/ocr-data.ts';

/** A pixel of the mask colour (#FF00FF) after JPEG: strongly red and blue, hardly green (no portal uses one). */
const isMagenta = (r: number, g: number, b: number) => r > 200 && g < 80 && b > 200;

/** Share of each box's pixels that are the mask colour in the picture (1: solid mask). */
export async function maskCoverage(image: Buffer, boxes: readonly ImageBox[]): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  return boxes.map((box) => {
    const x0 = Math.max(0, Math.floor(box.x));
    const y0 = Math.max(0, Math.floor(box.y));
    const x1 = Math.min(info.width, Math.ceil(box.x + box.width));
    const y1 = Math.min(info.height, Math.ceil(box.y + box.height));
    let all = 0;
    let masked = 0;
    for (let y = y0; y < y1; y += 1) {
      for (let x = x0; x < x1; x += 1) {
        const i = (y * info.width + x) * info.channels;
        all += 1;
        if (isMagenta(data[i] ?? 0, data[i + 1] ?? 255, data[i + 2] ?? 0)) masked += 1;
      }
    }
    // A box wholly outside the picture shows nothing.
    return all === 0 ? 1 : masked / all;
  });
}

/**
 * Every place a step's screenshot showed a sensitive value, as recorded when it was taken, that is not covered by
 * solid mask colour in the picture itself: `<step> #<n> <coverage>` for each. Empty when all held.
 */
export async function unmaskedPlaces(steps: readonly StepRecord[]): Promise<string[]> {
  const failures: string[] = [];
  for (const step of steps) {
    if (!step.screenshot) continue;
    if (!step.masking) {
      failures.push(`${step.name}: no masking record`);
      continue;
    }
    const coverage = await maskCoverage(step.screenshot, step.masking.found);
    for (const [i, share] of coverage.entries())
      if (share < 0.9) failures.push(`${step.name} #${i} ${share.toFixed(2)}`);
  }
  return failures;
}

/** Reads the digits and letters a person could read in a picture (tesseract, English model, offline). */
export async function readableText(images: readonly Buffer[]): Promise<string[]> {
  const worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
    langPath: ocrLangPath('eng'),
    cacheMethod: 'none',
    gzip: true,
    logger: () => {},
  });
  try {
    const texts: string[] = [];
    for (const image of images) {
      // Twice the size: the portal's 14 px digits read far better.
      const larger = await sharp(image)
        .resize({ width: 2 * ((await sharp(image).metadata()).width ?? 800) })
        .png()
        .toBuffer();
      const { data } = await worker.recognize(larger);
      texts.push(data.text);
    }
    return texts;
  } finally {
    await worker.terminate();
  }
}

/** Text as compared with a value: digits and letters only (OCR splits and punctuates numbers freely). */
export const digitsAndLetters = (text: string) => text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

/** Field ids whose values a screenshot must never show in full: ID numbers, phones, persons' names, accounts. */
const PERSONAL_FIELD = /(^|\.)(idNumber|mobile|phone|officePhone|name|accountNo)$/;

/**
 * The case's personal values in a run request, by their field ids alone (not by the runtime's rules under test):
 * ID numbers, mobiles, phones, persons' names and accounts, group rows included. Company names are not personal.
 */
export function personalValuesOf(values: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const visit = (fieldId: string, value: unknown) => {
    if (Array.isArray(value)) {
      for (const row of value) {
        if (row && typeof row === 'object')
          for (const [key, inner] of Object.entries(row)) visit(`${fieldId}[].${key}`, inner);
      }
      return;
    }
    if (typeof value === 'string' && PERSONAL_FIELD.test(fieldId.replace(/\[\]/g, '')) && value.length >= 2)
      found.add(value);
  };
  for (const [fieldId, value] of Object.entries(values)) visit(fieldId, value);
  return [...found];
}

/**
 * Which of the run's numbers (ID numbers, phones, accounts: 7 characters or more) OCR can read in the
 * screenshots of the named steps: `<step>: <first three characters>…` for each.
 */
export async function readableNumbers(
  steps: readonly StepRecord[],
  names: readonly string[],
  values: readonly string[],
): Promise<string[]> {
  const numbers = values.map(digitsAndLetters).filter((v) => /^\d[\dX]{6,}$/.test(v));
  const chosen = steps.filter((s) => names.includes(s.name) && s.screenshot);
  const texts = await readableText(chosen.map((s) => s.screenshot ?? Buffer.alloc(0)));
  return chosen.flatMap((step, i) => {
    const seen = digitsAndLetters(texts[i] ?? '');
    return numbers.filter((n) => seen.includes(n)).map((n) => `${step.name}: ${n.slice(0, 3)}…`);
  });
}

/** What masking by text cost a run's screenshots: `n shots, median … ms, max … ms, … % of the steps' time`. */
export function maskingCost(steps: readonly StepRecord[]): string {
  const costs = steps.flatMap((s) => (s.masking ? [s.masking.searchMs] : [])).sort((a, b) => a - b);
  const total = costs.reduce((sum, ms) => sum + ms, 0);
  const stepsMs = steps.reduce((sum, s) => sum + s.durationMs, 0);
  const median = costs[Math.floor(costs.length / 2)] ?? 0;
  return `${costs.length} shots, median ${median.toFixed(1)} ms, max ${(costs.at(-1) ?? 0).toFixed(1)} ms, ${((100 * total) / Math.max(stepsMs, 1)).toFixed(1)} % of the steps' time`;
}

/**
 * Issue 16 for one filing: every place a personal value showed (found by its text when the picture was taken)
 * is solid mask colour, the receipt repeating at least two of them included, and OCR reads none of the
 * numbers on the filled form or the receipt.
 */
export async function expectPersonalValuesMasked(
  steps: readonly StepRecord[],
  formStep: string,
  values: Record<string, unknown>,
): Promise<void> {
  expect(steps.length).toBeGreaterThanOrEqual(4);
  console.info(`masking by text: ${maskingCost(steps)}`);
  expect(await unmaskedPlaces(steps)).toEqual([]);
  expect(steps.find((s) => s.name === '读取回执')?.masking?.found.length).toBeGreaterThanOrEqual(2);
  expect(await readableNumbers(steps, [formStep, '读取回执'], personalValuesOf(values))).toEqual([]);
}
