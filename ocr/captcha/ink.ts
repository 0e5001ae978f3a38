import sharp from 'sharp';

/** A two-level picture: 1 where a glyph's ink is, row-major. */
export interface InkMap {
  width: number;
  height: number;
  ink: Uint8Array;
}

/** Pixels connected to each other (8-neighbourhood), with their bounding box. */
export interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Indexes into the ink map (y * width + x). */
  pixels: number[];
}

/**
 * The ink of a CAPTCHA picture: glyphs are drawn dark (HSL lightness ≈ 25–40 %) on a light background,
 * while noise lines and dots are drawn half-transparent and end up lighter (≈ 60–70 %). Lightness, not luma,
 * so a dark blue glyph counts as much as a dark yellow one.
 */
export async function inkOf(png: Buffer, maxLightness: number): Promise<InkMap> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const ink = new Uint8Array(info.width * info.height);
  const cut = maxLightness * 510;
  for (let p = 0, i = 0; p < ink.length; p += 1, i += info.channels) {
    const r = data[i] ?? 255;
    const g = data[i + 1] ?? 255;
    const b = data[i + 2] ?? 255;
    ink[p] = Math.max(r, g, b) + Math.min(r, g, b) < cut ? 1 : 0;
  }
  return { width: info.width, height: info.height, ink };
}

export function blobsOf({ width, height, ink }: InkMap): Blob[] {
  const seen = new Uint8Array(ink.length);
  const blobs: Blob[] = [];
  for (let start = 0; start < ink.length; start += 1) {
    if (!ink[start] || seen[start]) continue;
    const blob: Blob = { x0: width, y0: height, x1: -1, y1: -1, pixels: [] };
    const stack = [start];
    seen[start] = 1;
    for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
      blob.pixels.push(p);
      const x = p % width;
      const y = (p - x) / width;
      extend(blob, x, y);
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny += 1) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx += 1) {
          const q = ny * width + nx;
          if (ink[q] && !seen[q]) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
    }
    blobs.push(blob);
  }
  return blobs;
}

export function extend(box: Omit<Blob, 'pixels'>, x: number, y: number): void {
  box.x0 = Math.min(box.x0, x);
  box.x1 = Math.max(box.x1, x);
  box.y0 = Math.min(box.y0, y);
  box.y1 = Math.max(box.y1, y);
}

/** A blob made of some pixels of the map. */
export function blobOf(pixels: number[], width: number): Blob {
  const blob: Blob = { x0: Infinity, y0: Infinity, x1: -1, y1: -1, pixels };
  for (const p of pixels) extend(blob, p % width, Math.floor(p / width));
  return blob;
}

export const widthOf = (blob: Omit<Blob, 'pixels'>) => blob.x1 - blob.x0 + 1;
export const heightOf = (blob: Omit<Blob, 'pixels'>) => blob.y1 - blob.y0 + 1;
