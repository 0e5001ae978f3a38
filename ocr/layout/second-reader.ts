import { cropLine } from '../engine/crop.ts';
import type { RotatedRect } from '../engine/geometry.ts';
import type { OcrField } from '../fields/result.ts';
import { compact } from '../fields/text.ts';
import { channelOf, type RawImage } from '../image/raw-image.ts';
import type { TesseractPool } from '../pool/tesseract-pool.ts';
import { readGrey } from '../read/read-field.ts';
import type { TakenValue } from './values.ts';

/** Line crops for tesseract: 40 px high, where its chi_sim model reads printed Chinese best. */
const HEIGHT = 40;

/** The part of a line's rectangle from character `from` on (characters spread evenly along it). */
function tail(rect: RotatedRect, from: number, count: number): RotatedRect {
  if (from <= 0 || count === 0) return rect;
  const cut = (rect.length * from) / count;
  return {
    ...rect,
    centre: { x: rect.centre.x + (rect.along.x * cut) / 2, y: rect.centre.y + (rect.along.y * cut) / 2 },
    length: rect.length - cut,
  };
}

/**
 * The second, independent reading of a value: the same lines cut out of the photo again and read by tesseract
 * (a different model and a different way of reading), in the red channel where seals fade.
 */
export async function readWithTesseract(
  pool: TesseractPool,
  image: RawImage,
  taken: TakenValue,
): Promise<string> {
  const texts = await Promise.all(
    taken.lines.map(async (line) => {
      const from = line === taken.hit.line ? taken.hit.valueFrom : 0;
      if (from >= line.chars.length) return '';
      const rect = tail(line.source.rect, from, line.chars.length);
      const crop = await cropLine(image, rect, HEIGHT);
      const read = await readGrey(
        channelOf(crop, 0),
        { pxPerMm: HEIGHT / 4.2, channel: 'red', mode: 'line' },
        pool,
      );
      return read.text;
    }),
  );
  return texts.join('');
}

/**
 * A field whose only doubt was that nothing proved it becomes confident when the second reader printed the same
 * text; any difference keeps it for confirmation, with a note saying so.
 */
export function confirmByAgreement(result: OcrField, second: string, pending = '请与证照核对'): OcrField {
  const first = result.printed ?? result.value;
  if (first === null || result.status === 'unreadable' || result.status === 'absent') return result;
  const same = compact(second).normalize('NFKC') === compact(first).normalize('NFKC');
  if (!same) {
    const notes = result.notes.includes('两种识别结果不一致，请核对')
      ? result.notes
      : [...result.notes.filter((n) => n !== pending), '两种识别结果不一致，请核对'];
    return { ...result, status: 'needs-confirmation', notes };
  }
  const notes = result.notes.filter((n) => n !== pending);
  return notes.length === 0 ? { ...result, status: 'confident', notes: [] } : { ...result, notes };
}
