import type { Point, Quad } from './raw-image.ts';

/** A 3×3 projective transform, row-major, with h[8] = 1. */
export type Homography = readonly number[];

/**
 * The homography that maps each `from` corner onto the matching `to` corner (the 8×8 direct linear
 * system, solved by Gaussian elimination with partial pivoting).
 */
export function homography(from: Quad, to: Quad): Homography {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i += 1) {
    const { x, y } = from[i] as Point;
    const { x: u, y: v } = to[i] as Point;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const n = 8;
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) {
      if (Math.abs(rows[r]?.[col] ?? 0) > Math.abs(rows[pivot]?.[col] ?? 0)) pivot = r;
    }
    const swap = rows[col] as number[];
    rows[col] = rows[pivot] as number[];
    rows[pivot] = swap;
    const lead = rows[col] as number[];
    const divisor = lead[col] ?? 0;
    if (Math.abs(divisor) < 1e-12) throw new RangeError('degenerate quadrilateral');
    for (let c = col; c <= n; c += 1) lead[c] = (lead[c] ?? 0) / divisor;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const row = rows[r] as number[];
      const factor = row[col] ?? 0;
      if (factor === 0) continue;
      for (let c = col; c <= n; c += 1) row[c] = (row[c] ?? 0) - factor * (lead[c] ?? 0);
    }
  }
  return [...rows.map((row) => row[n] ?? 0), 1];
}

export function apply(h: Homography, point: Point): Point {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, k = 0, l = 1] = h;
  const w = g * point.x + k * point.y + l;
  return { x: (a * point.x + b * point.y + c) / w, y: (d * point.x + e * point.y + f) / w };
}

export function rectangle(width: number, height: number): Quad {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}
