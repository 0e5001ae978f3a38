import sharp from 'sharp';
import { WORKING_MAX_SIDE } from '../../ocr/image/decode.ts';
import type { OcrBox } from '../workspace/workspace.ts';
import { MAX_IMAGE_PIXELS } from './decode.ts';

/** A box's crop is shown small: a line of print at about this height is legible and cheap to send. */
const SHOWN_HEIGHT = 72;
/** The whole photo (no box known) is shown wide enough to find a name or an address line on it. */
const WHOLE_WIDTH = 480;

/**
 * The part of an uploaded photo a value was read from, for the applicant and the clerk to compare with what
 * OCR made of it, in the frame OCR read it in: EXIF orientation applied, scaled to OCR's working size, turned
 * upright by `turned` degrees. The box gets a margin of half a line; without a box (the reader did not say
 * where the value was, or it lies outside the photo) the whole upright photo is sent scaled down. PNG, so no
 * JPEG artefacts are added on top of the phone's.
 */
export async function cropValue(photo: Buffer, turned: number, box: OcrBox | undefined): Promise<Buffer> {
  const { data, info } = await sharp(photo, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .resize({ width: WORKING_MAX_SIDE, height: WORKING_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .toBuffer({ resolveWithObject: true });
  const quarter = ((((Math.round(turned / 90) % 4) + 4) % 4) * 90) as 0 | 90 | 180 | 270;
  const across = quarter === 90 || quarter === 270;
  const width = across ? info.height : info.width;
  const height = across ? info.width : info.height;
  const upright = await sharp(data).rotate(quarter).toBuffer();
  const region = box && regionAround(box, width, height);
  if (!region)
    return sharp(upright).resize({ width: WHOLE_WIDTH, withoutEnlargement: true }).png().toBuffer();
  return sharp(upright)
    .extract(region)
    .resize({ height: Math.min(SHOWN_HEIGHT * 2, region.height), withoutEnlargement: true })
    .png()
    .toBuffer();
}

function regionAround(box: OcrBox, width: number, height: number): OcrBox | undefined {
  const margin = Math.round(Math.min(box.height, box.width) / 2);
  const left = clamp(box.left - margin, 0, width);
  const top = clamp(box.top - margin, 0, height);
  const right = clamp(box.left + box.width + margin, 0, width);
  const bottom = clamp(box.top + box.height + margin, 0, height);
  // A box (nearly) outside the photo is a reading of another frame: no crop of it is worth showing.
  if (right - left < 4 || bottom - top < 4) return undefined;
  return { left, top, width: right - left, height: bottom - top };
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, Math.round(value)));
