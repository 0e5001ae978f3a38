import type { Rng } from './rng.ts';

/**
 * What lies around and over a document in a real phone photo: the surface it lies on, and the shadow of the
 * phone or the hand holding it. Scenes are RGB, 3 bytes a pixel.
 */

/** Surfaces: wood grain, speckled stone or laminate, checked tablecloth, a printed page (text beside the card). */
export const DESKS = ['wood', 'granite', 'cloth', 'printed-page'] as const;
export type Desk = (typeof DESKS)[number];

export function deskScene(width: number, height: number, rng: Rng, kind: Desk): Uint8Array {
  switch (kind) {
    case 'granite':
      return granite(width, height, rng);
    case 'cloth':
      return cloth(width, height, rng);
    case 'printed-page':
      return printedPage(width, height, rng);
    default:
      return wood(width, height, rng);
  }
}

/** A desk: a base colour, wood grain or fabric streaks. */
export function wood(width: number, height: number, rng: Rng): Uint8Array {
  const base = rng.pick([
    [96, 64, 40],
    [60, 60, 64],
    [35, 38, 48],
    [120, 96, 70],
    [150, 140, 125],
    [48, 70, 60],
  ]);
  const grain = rng.range(0, 18);
  const period = rng.range(6, 40);
  const tilt = rng.range(-0.3, 0.3);
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const stripe = Math.sin(((y + x * tilt) / period) * Math.PI * 2 + Math.sin(x / 97) * 2) * grain;
      const o = (y * width + x) * 3;
      out[o] = clamp((base[0] ?? 0) + stripe);
      out[o + 1] = clamp((base[1] ?? 0) + stripe * 0.8);
      out[o + 2] = clamp((base[2] ?? 0) + stripe * 0.6);
    }
  }
  return out;
}

/** Stone or laminate: a light or dark base with coarse speckles of another tone. */
function granite(width: number, height: number, rng: Rng): Uint8Array {
  const base = rng.pick([
    [205, 200, 192],
    [70, 70, 72],
    [180, 170, 150],
  ]);
  const out = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i += 1) {
    const speck = rng.next() < 0.08 ? rng.range(-70, 70) : rng.range(-10, 10);
    for (let c = 0; c < 3; c += 1) out[i * 3 + c] = clamp((base[c] ?? 0) + speck);
  }
  return out;
}

/** A checked tablecloth: two colours in squares, with a little weave. */
function cloth(width: number, height: number, rng: Rng): Uint8Array {
  const a = rng.pick([
    [200, 40, 40],
    [40, 70, 150],
    [60, 120, 70],
  ]);
  const b = [235, 232, 225];
  const cell = rng.range(0.03, 0.08) * width;
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const cx = Math.floor(x / cell) % 2;
      const cy = Math.floor(y / cell) % 2;
      const mix = (cx + cy) / 2; // 0, 0.5 or 1: plain, one band, crossing bands
      const weave = (x + y) % 3 === 0 ? -12 : 0;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c += 1) out[o + c] = clamp((b[c] ?? 0) * (1 - mix) + (a[c] ?? 0) * mix + weave);
    }
  }
  return out;
}

/**
 * A printed page under the card: white paper with rows of grey "words" — text outside the document, which a
 * reader must not take for the card's own.
 */
function printedPage(width: number, height: number, rng: Rng): Uint8Array {
  const out = new Uint8Array(width * height * 3).fill(238);
  const lineHeight = Math.max(4, rng.range(0.012, 0.025) * width);
  const ink = rng.range(60, 120);
  for (let top = lineHeight; top + lineHeight < height; top += lineHeight * 1.9) {
    let x = rng.range(0.03, 0.08) * width;
    const end = width * rng.range(0.7, 0.97);
    while (x < end) {
      const word = rng.range(1.5, 6) * lineHeight;
      for (let y = Math.round(top); y < Math.round(top + lineHeight * 0.8); y += 1) {
        for (let xx = Math.round(x); xx < Math.min(width, Math.round(x + word)); xx += 1) {
          // Glyph-like texture: broken strokes, not solid bars.
          if ((xx * 7 + y * 13) % 5 < 2) continue;
          const o = (y * width + xx) * 3;
          out[o] = ink;
          out[o + 1] = ink;
          out[o + 2] = ink;
        }
      }
      x += word + lineHeight * 0.6;
    }
  }
  return out;
}

/**
 * The shadow of the phone or the hand: a soft-edged dark region entering from one side of the photo, over
 * desk and document alike. `strength` is how much light it takes away (0..1).
 */
export function castShadow(
  scene: Uint8Array,
  width: number,
  height: number,
  rng: Rng,
  strength: number,
): void {
  const angle = rng.range(0, Math.PI * 2);
  const nx = Math.cos(angle);
  const ny = Math.sin(angle);
  // The shadow covers the part of the photo beyond a line through a point near the middle.
  const px = rng.range(0.3, 0.7) * width;
  const py = rng.range(0.3, 0.7) * height;
  const soft = rng.range(0.02, 0.08) * width;
  const bend = rng.range(-0.3, 0.3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const along = (x - px) * -ny + (y - py) * nx;
      // A curved edge, as a hand's shadow has.
      const depth = (x - px) * nx + (y - py) * ny + (bend * along * along) / width;
      const t = depth <= -soft ? 0 : depth >= soft ? 1 : (depth + soft) / (2 * soft);
      if (t === 0) continue;
      const factor = 1 - strength * t;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c += 1) scene[o + c] = clamp((scene[o + c] ?? 0) * factor);
    }
  }
}

/** A normalised line kernel for sharp's `convolve`: the smear of a hand moving while the shutter is open. */
export function motionKernel(
  length: number,
  angle: number,
): { width: number; height: number; kernel: number[] } {
  const size = Math.max(3, length | 1);
  const kernel = new Array<number>(size * size).fill(0);
  const middle = (size - 1) / 2;
  for (let i = 0; i < size * 4; i += 1) {
    const t = (i / (size * 4 - 1) - 0.5) * (size - 1);
    const x = Math.round(middle + t * Math.cos(angle));
    const y = Math.round(middle + t * Math.sin(angle));
    kernel[y * size + x] = 1;
  }
  const sum = kernel.reduce((a, b) => a + b, 0);
  return { width: size, height: size, kernel: kernel.map((k) => k / sum) };
}

export function clamp(value: number): number {
  return value < 0 ? 0 : Math.min(value, 255);
}
