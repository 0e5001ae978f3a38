import type { Point } from './raw-image.ts';

/** Connected regions of a binary mask and their outline. */

/** The largest 4-connected region of ones, as its own mask. */
export function largestRegion(
  mask: Uint8Array,
  width: number,
  height: number,
): { mask: Uint8Array; size: number } | null {
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  let bestLabel = 0;
  let bestSize = 0;
  let next = 0;
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start] || label[start]) continue;
    next += 1;
    let size = 0;
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    while (top > 0) {
      const i = stack[--top] as number;
      size += 1;
      const x = i % width;
      if (x > 0 && mask[i - 1] && !label[i - 1]) {
        label[i - 1] = next;
        stack[top++] = i - 1;
      }
      if (x < width - 1 && mask[i + 1] && !label[i + 1]) {
        label[i + 1] = next;
        stack[top++] = i + 1;
      }
      if (i >= width && mask[i - width] && !label[i - width]) {
        label[i - width] = next;
        stack[top++] = i - width;
      }
      if (i + width < mask.length && mask[i + width] && !label[i + width]) {
        label[i + width] = next;
        stack[top++] = i + width;
      }
    }
    if (size > bestSize) {
      bestSize = size;
      bestLabel = next;
    }
  }
  if (!bestLabel) return null;
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i += 1) out[i] = label[i] === bestLabel ? 1 : 0;
  return { mask: out, size: bestSize };
}

/** Ones everywhere except the zero pixels connected to the image border. */
export function enclosed(mask: Uint8Array, width: number, height: number): Uint8Array {
  const outside = new Uint8Array(width * height);
  const stack: number[] = [];
  const seed = (i: number) => {
    if (!mask[i] && !outside[i]) {
      outside[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < width; x += 1) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y += 1) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  while (stack.length) {
    const i = stack.pop() as number;
    const x = i % width;
    if (x > 0) seed(i - 1);
    if (x < width - 1) seed(i + 1);
    if (i >= width) seed(i - width);
    if (i < (height - 1) * width) seed(i + width);
  }
  return outside.map((v) => 1 - v);
}

/** The leftmost and rightmost pixel of each row and the top and bottom pixel of each column. */
export function rowExtremes(mask: Uint8Array, width: number, height: number): Point[] {
  const points: Point[] = [];
  for (let y = 0; y < height; y += 1) {
    const span = extent(width, (x) => mask[y * width + x]);
    if (span) points.push({ x: span[0], y: y + 0.5 }, { x: span[1] + 1, y: y + 0.5 });
  }
  for (let x = 0; x < width; x += 1) {
    const span = extent(height, (y) => mask[y * width + x]);
    if (span) points.push({ x: x + 0.5, y: span[0] }, { x: x + 0.5, y: span[1] + 1 });
  }
  return points;
}

/** The first and the last index below `length` where `set` holds; undefined where it holds nowhere. */
function extent(length: number, set: (index: number) => unknown): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < length; i += 1) {
    if (set(i)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? undefined : [first, last];
}
