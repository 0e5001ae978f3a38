import { cropLine } from '../engine/crop.ts';
import type { RotatedRect } from '../engine/geometry.ts';
import type { OcrField } from '../fields/result.ts';
import { compact } from '../fields/text.ts';
import { channelOf, type RawImage } from '../image/raw-image.ts';
import type { TesseractPool } from '../pool/tesseract-pool.ts';
import { readGrey } from '../read/read-field.ts';
import type { PlacedLine } from './page-lines.ts';
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
 * (a different model and a different way of reading), in the red channel where seals fade. Given the first
 * engine's text (`expected`), the lines are read in order and reading stops as soon as the text so far can no
 * longer agree with it: a value taken over many lines (a seal's text under a name) costs one line, not twenty,
 * and the answer (they differ) is the same.
 */
export async function readWithTesseract(
  pool: TesseractPool,
  image: RawImage,
  taken: TakenValue,
  expected?: string,
): Promise<string> {
  const read = async (line: PlacedLine): Promise<string> => {
    const from = line === taken.hit.line ? taken.hit.valueFrom : 0;
    if (from >= line.chars.length) return '';
    const rect = tail(line.source.rect, from, line.chars.length);
    const crop = await cropLine(image, rect, HEIGHT);
    const result = await readGrey(
      channelOf(crop, 0),
      { pxPerMm: HEIGHT / 4.2, channel: 'red', mode: 'line' },
      pool,
    );
    return result.text;
  };
  if (expected === undefined) return (await Promise.all(taken.lines.map(read))).join('');
  const wanted = comparable(expected);
  let text = '';
  for (const line of taken.lines) {
    text += await read(line);
    // The last character is left out: normalisation may join it with what the next line starts with.
    if (!wanted.startsWith(comparable(text).slice(0, -1))) break;
  }
  return text;
}

/** What two readings are compared by: no white space, half-width forms. */
function comparable(text: string): string {
  return compact(text).normalize('NFKC');
}

/**
 * Whether a second reading can change the field's status: a confident field is kept only if the engines agree,
 * and a field whose one remaining doubt is that nothing proved it (`pending`) becomes confident if they do. Any
 * other doubt keeps the field for confirmation whatever the second engine reads.
 */
export function secondReadMatters(result: OcrField, pending = '请与证照核对'): boolean {
  if (result.value === null) return false;
  if (result.status === 'confident') return true;
  return result.status === 'needs-confirmation' && result.notes.every((note) => note === pending);
}

/** The text a second reading must print for the engines to agree. */
export function agreementText(result: OcrField): string | undefined {
  return result.printed ?? result.value ?? undefined;
}

/**
 * A field whose only doubt was that nothing proved it becomes confident when the second reader printed the same
 * text; any difference keeps it for confirmation, with a note saying so.
 */
export function confirmByAgreement(result: OcrField, second: string, pending = '请与证照核对'): OcrField {
  const first = result.printed ?? result.value;
  if (first === null || result.status === 'unreadable' || result.status === 'absent') return result;
  const same = comparable(second) === comparable(first);
  if (!same) {
    const notes = result.notes.includes('两种识别结果不一致，请核对')
      ? result.notes
      : [...result.notes.filter((n) => n !== pending), '两种识别结果不一致，请核对'];
    return { ...result, status: 'needs-confirmation', notes };
  }
  const notes = result.notes.filter((n) => n !== pending);
  return notes.length === 0 ? { ...result, status: 'confident', notes: [] } : { ...result, notes };
}
