import sharp from 'sharp';
import type { OcrBox } from '../workspace/workspace.ts';
import { MAX_IMAGE_PIXELS } from './decode.ts';

/** Wide enough to read a name or an address line beside the value, small enough for a review column. */
const CROP_WIDTH = 480;

/**
 * The part of an uploaded photo a value was read from, for the clerk to compare with what OCR made of it:
 * the field's box with a margin of half its height around it, or (when the reader did not say where the
 * value was) the whole photo scaled down. The photo is turned upright by its EXIF orientation first, as the
 * reader saw it. PNG, so no JPEG artefacts are added on top of the phone's.
 */
export async function cropOf(content: Buffer, box: OcrBox | undefined): Promise<Buffer> {
  const upright = await sharp(content, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .toBuffer({ resolveWithObject: true });
  let image = sharp(upright.data);
  if (box) {
    const margin = box.height / 2;
    const left = Math.max(0, Math.floor(box.left - margin));
    const top = Math.max(0, Math.floor(box.top - margin));
    const right = Math.min(upright.info.width, Math.ceil(box.left + box.width + margin));
    const bottom = Math.min(upright.info.height, Math.ceil(box.top + box.height + margin));
    // A box outside the photo (a reading of another orientation) falls back to the whole photo.
    if (right - left >= 4 && bottom - top >= 4)
      image = image.extract({ left, top, width: right - left, height: bottom - top });
  }
  return image.resize({ width: CROP_WIDTH, withoutEnlargement: true }).png().toBuffer();
}
