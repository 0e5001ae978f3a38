import type { Frame, Page } from 'playwright-core';
import type { ImageBox, ScreenshotMasking } from '../item-runner.ts';
import { isPersonalField } from './personal.ts';
import type { Secrets } from './secrets.ts';
import { CLEAR_SOURCE, MASK_SOURCE } from './text-mask-scan.ts';
import type { Values } from './types.ts';

/**
 * Masking by text: a sensitive value shows up where no binding points — a receipt repeating the ID number,
 * a dialog over the still-filled form, a summary table, a field bound under another name. Before each step's
 * screenshot every frame is searched for the run's sensitive values and each place found is covered.
 */

/** What the page search ignores between characters: `350603 19850612 0316` and `138-0596-1234` still match. */
const SEPARATORS = /[\s\u00a0\u3000\-\u2010-\u2015\uff0d]/g;

/** A value as the page search compares it (the same rule as `MASK_SOURCE`). */
export const searchSpelling = (value: string): string => value.replace(SEPARATORS, '').toUpperCase();

/** Shorter than this a value is not looked for (a one-character surname would be everywhere). */
const MIN_TEXT_LENGTH = 2;

const DIRECTIVE = /^(auto|ask):/;

/**
 * The texts a run's screenshots must not show: its secrets (ID numbers, mobiles, addresses, accounts, the
 * password, SMS codes) and the values of fields that hold a person's data (names included), spelt for the search,
 * longest first.
 */
export function sensitiveTexts(values: Values, secrets: Secrets): string[] {
  const found = new Set(secrets.list().map(searchSpelling));
  const visit = (fieldId: string, value: unknown): void => {
    if (Array.isArray(value)) {
      for (const [i, one] of value.entries()) {
        if (one && typeof one === 'object')
          for (const [key, inner] of Object.entries(one)) visit(`${fieldId}[${i}].${key}`, inner);
        else visit(fieldId, one);
      }
      return;
    }
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const text = String(value).trim();
    if (DIRECTIVE.test(text) || !isPersonalField(fieldId)) return;
    found.add(searchSpelling(text));
  };
  for (const [fieldId, value] of Object.entries(values)) visit(fieldId, value);
  return [...found].filter((text) => [...text].length >= MIN_TEXT_LENGTH).sort((a, b) => b.length - a.length);
}

interface FrameFinding {
  rects: [number, number, number, number][];
  scrollX: number;
  scrollY: number;
}

/** Where a frame's viewport starts in the page's viewport (its <iframe>'s content box), or null if it is gone. */
async function frameOrigin(frame: Frame): Promise<{ x: number; y: number } | null> {
  const element = await frame.frameElement().catch(() => null);
  if (!element) return null;
  const [box, border] = await Promise.all([
    element.boundingBox().catch(() => null),
    element
      .evaluate((el) => [(el as Element).clientLeft, (el as Element).clientTop] as const)
      .catch(() => [0, 0] as const),
  ]);
  return box ? { x: box.x + border[0], y: box.y + border[1] } : null;
}

/** Boxes over the sensitive values on the page now; `clear` takes them away after the screenshot. */
export interface TextMasks {
  masking: ScreenshotMasking;
  clear(): Promise<void>;
}

/**
 * Covers every place on the page (all frames) that shows one of `texts`, in `color`. The places are given in the
 * screenshot's pixels: `fullPage` pictures are taken from the top of the page, others show the viewport.
 */
export async function coverSensitiveText(
  page: Page,
  texts: readonly string[],
  color: string,
  fullPage: boolean,
): Promise<TextMasks> {
  const started = performance.now();
  if (texts.length === 0) return { masking: { found: [], searchMs: 0 }, clear: async () => {} };
  const source = `${MASK_SOURCE}(${JSON.stringify({ needles: texts, color })})`;
  const frames = page.frames().filter((frame) => !frame.isDetached());
  // A frame navigating away has nothing left to show: it is skipped rather than failing the step.
  const findings = await Promise.all(
    frames.map((frame) =>
      frame.evaluate(source).then(
        (r) => r as FrameFinding,
        () => null,
      ),
    ),
  );
  const main = findings[frames.indexOf(page.mainFrame())];
  const pageScroll = fullPage && main ? { x: main.scrollX, y: main.scrollY } : { x: 0, y: 0 };
  const found: ImageBox[] = [];
  const marked: Frame[] = [];
  for (const [i, finding] of findings.entries()) {
    const frame = frames[i];
    if (!finding || !frame || finding.rects.length === 0) continue;
    marked.push(frame);
    const origin = frame === page.mainFrame() ? { x: 0, y: 0 } : await frameOrigin(frame);
    if (!origin) continue;
    for (const [x, y, width, height] of finding.rects)
      found.push({ x: x + origin.x + pageScroll.x, y: y + origin.y + pageScroll.y, width, height });
  }
  return {
    masking: { found, searchMs: performance.now() - started },
    clear: async () => {
      await Promise.all(marked.map((frame) => frame.evaluate(CLEAR_SOURCE).catch(() => {})));
    },
  };
}
