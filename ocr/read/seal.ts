import type { RawReading } from '../fields/result.ts';
import type { RawImage } from '../image/raw-image.ts';
import type { TesseractPool } from '../pool/tesseract-pool.ts';
import { readGrey } from './read-field.ts';
import type { DocumentView, MmBox } from './view.ts';

/**
 * The registrar's round red seal at the bottom right of a licence carries its name along the upper arc
 * (漳州市龙文区市场监督管理局). The seal is found by its red ink, its ring fitted as a circle, and the band of text
 * inside the ring unrolled into a straight strip (polar to Cartesian, characters upright) that is read like a line.
 * The result is compared with the 登记机关 named by the credit code's region digits.
 */

/** Where the seal may sit (it overlaps 登记机关 and the date). */
const SEAL_AREA: MmBox = { x: 180, y: 135, w: 95, h: 72 };
const AREA_PX_PER_MM = 7;
/** Resolution of the unrolled strip: seal characters of ≈ 3.6 mm become ≈ 29 px. */
const STRIP_PX_PER_MM = 8;

interface Circle {
  cx: number;
  cy: number;
  r: number;
}

export async function readSeal(view: DocumentView, pool: TesseractPool): Promise<RawReading | null> {
  const area = view.region(SEAL_AREA, AREA_PX_PER_MM);
  const circle = fitRing(area);
  if (!circle) return null;
  const strip = unroll(area, circle, AREA_PX_PER_MM);
  return readGrey(strip, { mode: 'line', pxPerMm: STRIP_PX_PER_MM, channel: 'green' }, pool);
}

/** Red ink: clearly more red than green and blue (translucent seal ink over cream paper). */
function isRed(data: Uint8Array, p: number): boolean {
  const r = data[p] ?? 0;
  const g = data[p + 1] ?? 0;
  const b = data[p + 2] ?? 0;
  return r > 110 && r - g > 45 && r - b > 35;
}

/** The seal's ring as a circle (pixels of the area), or null when there is no seal-sized ring of red. */
export function fitRing(area: RawImage): Circle | null {
  const { width, height, data, channels } = area;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (isRed(data, (y * width + x) * channels)) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 600) return null;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
  let circle: Circle = { cx: median(xs), cy: median(ys), r: 0 };
  for (let round = 0; round < 3; round += 1) {
    const distances = xs.map((x, i) => Math.hypot(x - circle.cx, (ys[i] ?? 0) - circle.cy));
    const outer = [...distances].sort((a, b) => a - b)[Math.floor(distances.length * 0.9)] ?? 0;
    // The ring is the outermost red; fit a circle through the red pixels near that distance (Kåsa fit).
    const ring = distances.flatMap((d, i) => (Math.abs(d - outer) < outer * 0.12 ? [i] : []));
    const fitted = kasa(
      ring.map((i) => xs[i] ?? 0),
      ring.map((i) => ys[i] ?? 0),
    );
    if (!fitted) return null;
    circle = fitted;
  }
  // A licence seal is about 40 mm across.
  const diameterMm = (circle.r * 2) / AREA_PX_PER_MM;
  return diameterMm > 25 && diameterMm < 55 ? circle : null;
}

/** Least-squares circle through points (Kåsa): solves x² + y² + Dx + Ey + F = 0. */
function kasa(xs: number[], ys: number[]): Circle | null {
  const n = xs.length;
  if (n < 20) return null;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let sz = 0;
  let sxz = 0;
  let syz = 0;
  for (let i = 0; i < n; i += 1) {
    const x = xs[i] ?? 0;
    const y = ys[i] ?? 0;
    const z = x * x + y * y;
    sx += x;
    sy += y;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
    sz += z;
    sxz += x * z;
    syz += y * z;
  }
  // Normal equations for [D, E, F].
  const m = [sxx, sxy, sx, sxy, syy, sy, sx, sy, n];
  const v = [-sxz, -syz, -sz];
  const det = (a: number[]) =>
    (a[0] ?? 0) * ((a[4] ?? 0) * (a[8] ?? 0) - (a[5] ?? 0) * (a[7] ?? 0)) -
    (a[1] ?? 0) * ((a[3] ?? 0) * (a[8] ?? 0) - (a[5] ?? 0) * (a[6] ?? 0)) +
    (a[2] ?? 0) * ((a[3] ?? 0) * (a[7] ?? 0) - (a[4] ?? 0) * (a[6] ?? 0));
  const d = det(m);
  if (Math.abs(d) < 1e-9) return null;
  const solve = (column: number) =>
    det(m.map((value, i) => (i % 3 === column ? (v[Math.floor(i / 3)] ?? 0) : value))) / d;
  const D = solve(0);
  const E = solve(1);
  const F = solve(2);
  const cx = -D / 2;
  const cy = -E / 2;
  const r2 = cx * cx + cy * cy - F;
  return r2 > 0 ? { cx, cy, r: Math.sqrt(r2) } : null;
}

/**
 * The band between 58% and 95% of the radius over the upper 250° of the seal, unrolled left to right
 * (clockwise) with the outer edge at the top, so the characters, which face outwards, stand upright.
 */
function unroll(area: RawImage, circle: Circle, areaPxPerMm: number): RawImage {
  const scale = STRIP_PX_PER_MM / areaPxPerMm;
  const inner = circle.r * 0.58;
  const outer = circle.r * 0.95;
  const sweep = (250 / 180) * Math.PI;
  const start = -Math.PI / 2 - sweep / 2;
  const middle = (inner + outer) / 2;
  const width = Math.round(sweep * middle * scale);
  const height = Math.round((outer - inner) * scale);
  const out = new Uint8Array(width * height);
  const { data, channels } = area;
  for (let y = 0; y < height; y += 1) {
    const radius = outer - (y / height) * (outer - inner);
    for (let x = 0; x < width; x += 1) {
      const angle = start + (x / width) * sweep;
      const sx = circle.cx + Math.cos(angle) * radius;
      const sy = circle.cy + Math.sin(angle) * radius;
      const ix = Math.round(sx);
      const iy = Math.round(sy);
      const inside = ix >= 0 && iy >= 0 && ix < area.width && iy < area.height;
      // Green channel: red ink is dark in it, the paper light.
      out[y * width + x] = inside ? (data[(iy * area.width + ix) * channels + 1] ?? 255) : 255;
    }
  }
  return { data: out, width, height, channels: 1 };
}
