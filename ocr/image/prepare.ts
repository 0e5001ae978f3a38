import { greyPercentiles, type RawImage } from './raw-image.ts';

/**
 * Prepares one grey field crop for tesseract:
 * - paper and ink levels from the crop's own histogram (the 85th and 1st percentiles), so uneven light and
 *   glare across the document matter less;
 * - a crop with no real contrast is reported empty instead of being stretched until its noise looks like text
 *   (stretching a nearly blank crop was the main source of invented characters);
 * - the text's bounding box from the ink blobs big enough to be strokes, plus a margin, so the engine sees the
 *   text and not the edges of the box;
 * - a linear stretch that maps ink to black and everything from 70% of the way to paper to white;
 *   binarisation proper is left to tesseract.
 */
export interface PreparedCrop {
  image: RawImage;
  /** Where the text sits inside the original crop (pixels). */
  bounds: { left: number; top: number; right: number; bottom: number };
  /** Paper minus ink level, 0..255: how much contrast the text has. */
  contrast: number;
}

export interface PrepareOptions {
  /** Ink blobs smaller than this many pixels are specks (noise, dust, guilloche crossings). */
  minBlobArea: number;
  /** White margin around the text, px. */
  margin: number;
  /** Below this paper–ink difference the crop counts as empty. */
  minContrast?: number;
}

export function prepareCrop(grey: RawImage, options: PrepareOptions): PreparedCrop | null {
  const { width, height, data } = grey;
  const [paper, ink] = greyPercentiles(grey, [0.85, 0.01]);
  const contrast = paper - ink;
  if (contrast < (options.minContrast ?? 45)) return null;
  const threshold = ink + contrast * 0.5;
  const bounds = inkBounds(grey, threshold, options.minBlobArea);
  if (!bounds) return null;
  const left = Math.max(0, bounds.left - options.margin);
  const top = Math.max(0, bounds.top - options.margin);
  const right = Math.min(width, bounds.right + options.margin);
  const bottom = Math.min(height, bounds.bottom + options.margin);
  const w = right - left;
  const h = bottom - top;
  const out = new Uint8Array(w * h);
  // Everything lighter than 70% of the way from ink to paper is paper: faint print behind the text (guilloche,
  // a red seal in the red channel, a glare halo) disappears, while the anti-aliased edges of strokes stay grey.
  const scale = 255 / (contrast * 0.7);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const v = ((data[(top + y) * width + left + x] ?? 255) - ink) * scale;
      out[y * w + x] = v < 0 ? 0 : Math.min(v, 255);
    }
  }
  return { image: { data: out, width: w, height: h, channels: 1 }, bounds, contrast };
}

/** Bounding box of the 8-connected ink blobs of at least `minArea` pixels. */
function inkBounds(
  grey: RawImage,
  threshold: number,
  minArea: number,
): { left: number; top: number; right: number; bottom: number } | null {
  const { width, height, data } = grey;
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let start = 0; start < width * height; start += 1) {
    if (seen[start] || (data[start] ?? 255) >= threshold) continue;
    seen[start] = 1;
    stack.push(start);
    let area = 0;
    let bl = width;
    let bt = height;
    let br = -1;
    let bb = -1;
    while (stack.length) {
      const i = stack.pop() as number;
      area += 1;
      const x = i % width;
      const y = (i - x) / width;
      if (x < bl) bl = x;
      if (x > br) br = x;
      if (y < bt) bt = y;
      if (y > bb) bb = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const n = ny * width + nx;
          if (seen[n] || (data[n] ?? 255) >= threshold) continue;
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    if (area < minArea) continue;
    left = Math.min(left, bl);
    top = Math.min(top, bt);
    right = Math.max(right, br + 1);
    bottom = Math.max(bottom, bb + 1);
  }
  return right < 0 ? null : { left, top, right, bottom };
}

/**
 * Evens out light across a crop: each pixel is placed between the darkest and the lightest value around it
 * (a window about two characters wide), so text under a glare spot or in shadow gets the same contrast as
 * text elsewhere. Where the window holds no real contrast (paper only) the pixel becomes white.
 */
export function evenLight(grey: RawImage, window: number, minContrast = 40): RawImage {
  const { width, height, data } = grey;
  const radius = Math.max(2, Math.round(window / 2));
  const lo = filter2d(data, width, height, radius, Math.min);
  const hi = filter2d(data, width, height, radius, Math.max);
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i += 1) {
    const low = lo[i] ?? 0;
    const span = (hi[i] ?? 255) - low;
    if (span < minContrast) {
      out[i] = 255;
      continue;
    }
    const v = (((data[i] ?? 255) - low) / span) * 255;
    out[i] = Math.max(0, Math.min(255, v));
  }
  return { data: out, width, height, channels: 1 };
}

/**
 * Separable min or max filter over a (2r+1)² window (edges use the pixels that exist). Each pass is van Herk's
 * running extreme: three comparisons a pixel whatever the window (a 40-px line has windows of 87 pixels).
 */
export function filter2d(
  data: Uint8Array,
  width: number,
  height: number,
  radius: number,
  pick: typeof Math.min | typeof Math.max,
): Uint8Array {
  const max = pick === Math.max;
  const rows = new Uint8Array(width * height);
  const out = new Uint8Array(width * height);
  const scratch = runningScratch(Math.max(width, height), radius);
  for (let y = 0; y < height; y += 1) runningExtreme(data, rows, y * width, 1, width, radius, max, scratch);
  for (let x = 0; x < width; x += 1) runningExtreme(rows, out, x, width, height, radius, max, scratch);
  return out;
}

interface Scratch {
  padded: Uint8Array;
  forward: Uint8Array;
  backward: Uint8Array;
}

function runningScratch(longest: number, radius: number): Scratch {
  const size = longest + 2 * radius;
  return { padded: new Uint8Array(size), forward: new Uint8Array(size), backward: new Uint8Array(size) };
}

/**
 * The extreme of every window of 2r+1 samples along one row or column (`count` samples from `offset`, `stride`
 * apart). The samples are padded by r with a value that never wins, then cut into blocks of 2r+1: a window
 * spans at most two blocks, so it is the extreme of the first block's tail and the second block's head.
 */
function runningExtreme(
  src: Uint8Array,
  dst: Uint8Array,
  offset: number,
  stride: number,
  count: number,
  radius: number,
  max: boolean,
  { padded, forward, backward }: Scratch,
): void {
  const size = 2 * radius + 1;
  const length = count + 2 * radius;
  const neutral = max ? 0 : 255;
  padded.fill(neutral, 0, radius);
  for (let i = 0; i < count; i += 1) padded[radius + i] = src[offset + i * stride] as number;
  padded.fill(neutral, radius + count, length);
  const extreme = max ? Math.max : Math.min;
  for (let i = 0; i < length; i += 1) {
    const v = padded[i] as number;
    forward[i] = i % size === 0 ? v : extreme(v, forward[i - 1] as number);
  }
  for (let i = length - 1; i >= 0; i -= 1) {
    const v = padded[i] as number;
    backward[i] = i === length - 1 || (i + 1) % size === 0 ? v : extreme(v, backward[i + 1] as number);
  }
  for (let x = 0; x < count; x += 1)
    dst[offset + x * stride] = extreme(backward[x] as number, forward[x + 2 * radius] as number);
}
