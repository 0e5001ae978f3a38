import type { Homography } from './homography.ts';
import type { RawImage } from './raw-image.ts';

/**
 * Perspective warp by inverse mapping with bilinear sampling: every output pixel looks up where it comes
 * from in the source. `outputToSource` maps output coordinates to source coordinates. Pixels that fall
 * outside the source take `fill` (one value per channel).
 */
export function warpPerspective(
  source: RawImage,
  outputToSource: Homography,
  width: number,
  height: number,
  fill: readonly number[] = [255, 255, 255, 255],
): RawImage {
  const { data, channels, width: sw, height: sh } = source;
  const out = new Uint8Array(width * height * channels);
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, k = 0, l = 1] = outputToSource;
  let o = 0;
  for (let y = 0; y < height; y += 1) {
    const cy = y + 0.5;
    for (let x = 0; x < width; x += 1) {
      const cx = x + 0.5;
      const w = g * cx + k * cy + l;
      const sx = (a * cx + b * cy + c) / w - 0.5;
      const sy = (d * cx + e * cy + f) / w - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= sw || y0 + 1 >= sh) {
        for (let ch = 0; ch < channels; ch += 1) out[o++] = fill[ch] ?? 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const p00 = (y0 * sw + x0) * channels;
      const p10 = p00 + channels;
      const p01 = p00 + sw * channels;
      const p11 = p01 + channels;
      for (let ch = 0; ch < channels; ch += 1) {
        const top = (data[p00 + ch] ?? 0) * (1 - fx) + (data[p10 + ch] ?? 0) * fx;
        const bottom = (data[p01 + ch] ?? 0) * (1 - fx) + (data[p11 + ch] ?? 0) * fx;
        out[o++] = top * (1 - fy) + bottom * fy + 0.5;
      }
    }
  }
  return { data: out, width, height, channels };
}
