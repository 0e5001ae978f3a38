import { describe, expect, it } from 'vitest';
import { filter2d } from '../../ocr/image/prepare.ts';

/** The filter by its definition: every pixel looked at in its whole (2r+1)² window, cut at the edges. */
function byDefinition(data: Uint8Array, width: number, height: number, radius: number, max: boolean) {
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      let value = max ? 0 : 255;
      for (let v = Math.max(0, y - radius); v <= Math.min(height - 1, y + radius); v += 1)
        for (let u = Math.max(0, x - radius); u <= Math.min(width - 1, x + radius); u += 1) {
          const p = data[v * width + u] as number;
          value = max ? Math.max(value, p) : Math.min(value, p);
        }
      out[y * width + x] = value;
    }
  return out;
}

describe('the min and max filters that even out light', () => {
  it('give what the window holds, for windows smaller and larger than the crop', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (const [width, height, radius] of [
      [1, 1, 2],
      [17, 5, 2],
      [40, 12, 7],
      [9, 30, 20],
      [64, 40, 43],
    ] as const) {
      const data = Uint8Array.from({ length: width * height }, () => next() % 256);
      expect(filter2d(data, width, height, radius, Math.min)).toEqual(
        byDefinition(data, width, height, radius, false),
      );
      expect(filter2d(data, width, height, radius, Math.max)).toEqual(
        byDefinition(data, width, height, radius, true),
      );
    }
  });
});
