import sharp from 'sharp';
import { rawInfo } from '../image/decode.ts';
import { homography, rectangle } from '../image/homography.ts';
import type { RawImage } from '../image/raw-image.ts';
import { warpPerspective } from '../image/warp.ts';
import { cornersOf, type RotatedRect } from './geometry.ts';

/**
 * Cuts a line out of the photo, straightened, at its own resolution, then scales it to `height` pixels with
 * sharp (a plain warp straight to 48 px would alias thin strokes of large text).
 */
export async function cropLine(image: RawImage, rect: RotatedRect, height: number): Promise<RawImage> {
  const w = Math.max(1, Math.round(rect.length));
  const h = Math.max(1, Math.round(rect.thickness));
  const corners = cornersOf(rect);
  const straight = warpPerspective(image, homography(rectangle(w, h), corners), w, h);
  const width = Math.max(1, Math.round((w * height) / h));
  const { data, info } = await sharp(straight.data, { raw: rawInfo(straight) })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as 3 };
}

/** A crop as PP-OCR's recogniser and classifier want it: B, G, R planes scaled to −1..1, padded with 0. */
export function tensorData(crops: readonly RawImage[], height: number, width: number): Float32Array {
  const plane = height * width;
  const out = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, n) => {
    const base = n * 3 * plane;
    const w = Math.min(width, crop.width);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < w; x += 1) {
        const p = (y * crop.width + x) * crop.channels;
        for (let c = 0; c < 3; c += 1) {
          const value = crop.data[p + (crop.channels === 1 ? 0 : 2 - c)] ?? 0;
          out[base + c * plane + y * width + x] = value / 127.5 - 1;
        }
      }
    }
  });
  return out;
}
