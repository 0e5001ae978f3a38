import sharp from 'sharp';
import { WORKING_MAX_SIDE } from '../../ocr/image/decode.ts';

export interface PixelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Crops are shown small: a line of print at about this height is legible and cheap to send. */
const SHOWN_HEIGHT = 72;

/**
 * Cuts a read value out of the uploaded photo, in the frame OCR read it in: EXIF orientation applied, scaled to
 * OCR's working size, turned upright by `turned` degrees. A margin of half a line keeps the print's edges.
 */
export async function cropValue(photo: Buffer, turned: number, box: PixelBox): Promise<Buffer> {
  const { data, info } = await sharp(photo, { failOn: 'error', limitInputPixels: 60_000_000 })
    .rotate()
    .resize({ width: WORKING_MAX_SIDE, height: WORKING_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .toBuffer({ resolveWithObject: true });
  const quarter = ((((Math.round(turned / 90) % 4) + 4) % 4) * 90) as 0 | 90 | 180 | 270;
  const across = quarter === 90 || quarter === 270;
  const width = across ? info.height : info.width;
  const height = across ? info.width : info.height;
  const margin = Math.round(Math.min(box.height, box.width) / 2);
  const left = clamp(box.left - margin, 0, width - 1);
  const top = clamp(box.top - margin, 0, height - 1);
  const region = {
    left,
    top,
    width: clamp(box.width + 2 * margin, 1, width - left),
    height: clamp(box.height + 2 * margin, 1, height - top),
  };
  return sharp(data)
    .rotate(quarter)
    .extract(region)
    .resize({ height: Math.min(SHOWN_HEIGHT * 2, region.height), withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer();
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, Math.round(value)));
