import type { RawImage } from './raw-image.ts';

/** The desk behind a document: a colour model from the photo's border and a threshold that separates the two. */

/**
 * Per-pixel colour distance from the background, modelled from the border band as a plane per channel
 * (c = a + b·x + c·y, least squares) so that a light gradient across the desk does not look like the document.
 * The fit is repeated without the samples it explains worst, since the document often reaches into the band.
 */
export function backgroundDistance(image: RawImage): Float32Array {
  const { width, height, channels, data } = image;
  const band = Math.max(2, Math.round(Math.min(width, height) * 0.03));
  const samples: number[] = [];
  for (let y = 0; y < height; y += 1) {
    const inner = y >= band && y < height - band;
    for (let x = 0; x < width; x += inner && x === band - 1 ? width - 2 * band + 1 : 1) {
      if (inner && x >= band && x < width - band) continue;
      samples.push(y * width + x);
    }
  }
  let kept = Int32Array.from(samples);
  let planes = fitPlanes(image, kept);
  for (let round = 0; round < 3; round += 1) {
    const residuals = new Float32Array(kept.length);
    kept.forEach((i, k) => {
      residuals[k] = distanceAt(
        data,
        i * channels,
        channels,
        planes,
        (i % width) / width,
        Math.floor(i / width) / height,
      );
    });
    const sorted = Float32Array.from(residuals).sort();
    const limit = Math.max(20, 2.5 * (sorted[sorted.length >> 1] ?? 0));
    const next = kept.filter((_, k) => (residuals[k] ?? 0) <= limit);
    if (next.length < 50 || next.length === kept.length) break;
    kept = next;
    planes = fitPlanes(image, kept);
  }
  const out = new Float32Array(width * height);
  for (let y = 0, i = 0; y < height; y += 1) {
    const v = y / height;
    for (let x = 0; x < width; x += 1, i += 1)
      out[i] = distanceAt(data, i * channels, channels, planes, x / width, v);
  }
  return out;
}

/** Colour distance of the pixel at byte offset `p` from the background planes at (u, v). */
function distanceAt(
  data: Uint8Array,
  p: number,
  channels: number,
  planes: Float64Array,
  u: number,
  v: number,
): number {
  const step = channels >= 3 ? 1 : 0;
  const dr = (data[p] ?? 0) - ((planes[0] ?? 0) + (planes[1] ?? 0) * u + (planes[2] ?? 0) * v);
  const dg = (data[p + step] ?? 0) - ((planes[3] ?? 0) + (planes[4] ?? 0) * u + (planes[5] ?? 0) * v);
  const db = (data[p + 2 * step] ?? 0) - ((planes[6] ?? 0) + (planes[7] ?? 0) * u + (planes[8] ?? 0) * v);
  return Math.sqrt(dr * dr + dg * dg + db * db);
}

/** Least-squares plane per channel through the sampled pixels: [a, b, c] × 3 for c = a + b·u + c·v. */
function fitPlanes(image: RawImage, pixels: Int32Array): Float64Array {
  const { width, height, channels, data } = image;
  const ata = new Float64Array(9);
  const atb = [new Float64Array(3), new Float64Array(3), new Float64Array(3)];
  const step = channels >= 3 ? 1 : 0;
  for (const i of pixels) {
    const u = (i % width) / width;
    const v = Math.floor(i / width) / height;
    const row = [1, u, v];
    for (let r = 0; r < 3; r += 1) {
      for (let c = 0; c < 3; c += 1) ata[r * 3 + c] = (ata[r * 3 + c] ?? 0) + (row[r] ?? 0) * (row[c] ?? 0);
      for (let ch = 0; ch < 3; ch += 1) {
        const target = atb[ch] as Float64Array;
        target[r] = (target[r] ?? 0) + (row[r] ?? 0) * (data[i * channels + ch * step] ?? 0);
      }
    }
  }
  return Float64Array.from(atb.flatMap((b) => solve3(ata, b)));
}

/** Solves the symmetric 3×3 system m·x = b (Cramer's rule; the border band keeps it well conditioned). */
function solve3(m: Float64Array, b: Float64Array): number[] {
  const at = (r: number, c: number) => m[r * 3 + c] ?? 0;
  const det3 = (cols: (r: number, c: number) => number) =>
    cols(0, 0) * (cols(1, 1) * cols(2, 2) - cols(1, 2) * cols(2, 1)) -
    cols(0, 1) * (cols(1, 0) * cols(2, 2) - cols(1, 2) * cols(2, 0)) +
    cols(0, 2) * (cols(1, 0) * cols(2, 1) - cols(1, 1) * cols(2, 0));
  const det = det3(at);
  if (Math.abs(det) < 1e-9) return [(b[0] ?? 0) / (at(0, 0) || 1), 0, 0];
  return [0, 1, 2].map((k) => det3((r, c) => (c === k ? (b[r] ?? 0) : at(r, c))) / det);
}

export function otsu(values: Float32Array): number {
  const bins = 256;
  let max = 1;
  for (const v of values) if (v > max) max = v;
  const histogram = new Float64Array(bins);
  for (const v of values) {
    const bin = Math.min(bins - 1, Math.floor((v / max) * (bins - 1)));
    histogram[bin] = (histogram[bin] ?? 0) + 1;
  }
  const total = values.length;
  let sumAll = 0;
  for (let i = 0; i < bins; i += 1) sumAll += i * (histogram[i] ?? 0);
  let weightBack = 0;
  let sumBack = 0;
  let best = 0;
  let bestVariance = -1;
  for (let i = 0; i < bins; i += 1) {
    weightBack += histogram[i] ?? 0;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += i * (histogram[i] ?? 0);
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const variance = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = i;
    }
  }
  return ((best + 0.5) / (bins - 1)) * max;
}
