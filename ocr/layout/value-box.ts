import type { TextLine } from '../engine/page-reader.ts';
import type { OcrField } from '../fields/result.ts';
import type { TakenValue } from './values.ts';

type Box = NonNullable<OcrField['box']>;

/** The upright rectangle around detected lines, in the coordinates of the upright photo (whole pixels). */
export function boxAround(lines: readonly Pick<TextLine, 'rect'>[]): Box | undefined {
  if (lines.length === 0) return undefined;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const { rect } of lines) {
    // The four corners of the rotated rectangle.
    const ax = (rect.along.x * rect.length) / 2;
    const ay = (rect.along.y * rect.length) / 2;
    const cx = (-rect.along.y * rect.thickness) / 2;
    const cy = (rect.along.x * rect.thickness) / 2;
    for (const [dx, dy] of [
      [ax + cx, ay + cy],
      [ax - cx, ay - cy],
      [-ax + cx, -ay + cy],
      [-ax - cx, -ay - cy],
    ] as const) {
      left = Math.min(left, rect.centre.x + dx);
      right = Math.max(right, rect.centre.x + dx);
      top = Math.min(top, rect.centre.y + dy);
      bottom = Math.max(bottom, rect.centre.y + dy);
    }
  }
  const x = Math.max(0, Math.floor(left));
  const y = Math.max(0, Math.floor(top));
  return { left: x, top: y, width: Math.ceil(right) - x, height: Math.ceil(bottom) - y };
}

/**
 * Gives each field read from the page the box of the lines its value came from, so the applicant and the clerk
 * can see the printed value beside what was read. Fields found without labels (the 18-digit number) are found
 * by their value in the page's lines.
 */
export function attachBoxes<K extends string>(
  fields: Record<K, OcrField>,
  taken: Partial<Record<string, TakenValue>>,
  pageLines: readonly TextLine[],
): Record<K, OcrField> {
  const out = { ...fields };
  for (const key of Object.keys(fields) as K[]) {
    const field = fields[key];
    if (field.value === null || field.box) continue;
    const lines = taken[key]?.lines.map((line) => line.source);
    const found = lines?.length ? lines : linesHolding(pageLines, field.printed ?? field.value);
    const box = boxAround(found);
    if (box) out[key] = { ...field, box };
  }
  return out;
}

function linesHolding(lines: readonly TextLine[], value: string): TextLine[] {
  const bare = (text: string) => text.replace(/\s+/g, '').toUpperCase();
  const wanted = bare(value);
  if (wanted.length < 6) return [];
  const line = lines.find((candidate) => bare(candidate.text).includes(wanted));
  return line ? [line] : [];
}
