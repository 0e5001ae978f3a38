import { convexHull } from '../image/quadrilateral.ts';
import type { Point, Quad } from '../image/raw-image.ts';

/** A rotated rectangle: centre, the unit vector along its reading direction, and its size along and across it. */
export interface RotatedRect {
  centre: Point;
  /** Unit vector of the reading direction (the side nearest to horizontal, pointing right). */
  along: Point;
  length: number;
  thickness: number;
}

/**
 * The smallest rectangle around a set of points (rotating calipers over the convex hull). Its reading
 * direction is the side nearest to horizontal: pages are turned upright before lines are read.
 */
export function minAreaRect(points: readonly Point[]): RotatedRect {
  const hull = points.length > 2 ? convexHull([...points]) : [...points];
  let best: { area: number; ux: number; uy: number; min: [number, number]; max: [number, number] } | null =
    null;
  for (let i = 0; i < hull.length; i += 1) {
    const p = hull[i] as Point;
    const q = hull[(i + 1) % hull.length] as Point;
    const len = Math.hypot(q.x - p.x, q.y - p.y);
    if (len === 0) continue;
    const ux = (q.x - p.x) / len;
    const uy = (q.y - p.y) / len;
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const r of hull) {
      const u = r.x * ux + r.y * uy;
      const v = -r.x * uy + r.y * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (!best || area < best.area) best = { area, ux, uy, min: [minU, minV], max: [maxU, maxV] };
  }
  if (!best) {
    const p = points[0] ?? { x: 0, y: 0 };
    return { centre: p, along: { x: 1, y: 0 }, length: 1, thickness: 1 };
  }
  const cu = (best.min[0] + best.max[0]) / 2;
  const cv = (best.min[1] + best.max[1]) / 2;
  const centre = { x: cu * best.ux - cv * best.uy, y: cu * best.uy + cv * best.ux };
  const sideU = best.max[0] - best.min[0];
  const sideV = best.max[1] - best.min[1];
  // Of the rectangle's two directions, read along the one nearer to horizontal.
  const u = { x: best.ux, y: best.uy };
  const v = { x: -best.uy, y: best.ux };
  const uFlat = Math.abs(u.x) >= Math.abs(v.x);
  let along = uFlat ? u : v;
  if (along.x < 0) along = { x: -along.x, y: -along.y };
  return { centre, along, length: uFlat ? sideU : sideV, thickness: uFlat ? sideV : sideU };
}

/** Grows a rectangle on every side, as PP-OCR's unclip does: by area × ratio / perimeter. */
export function unclip(rect: RotatedRect, ratio: number): RotatedRect {
  const distance = (rect.length * rect.thickness * ratio) / (2 * (rect.length + rect.thickness));
  return { ...rect, length: rect.length + 2 * distance, thickness: rect.thickness + 2 * distance };
}

/** Corners top-left, top-right, bottom-right, bottom-left in reading order. */
export function cornersOf(rect: RotatedRect): Quad {
  const { centre: c, along: e, length, thickness } = rect;
  const n = { x: -e.y, y: e.x };
  const at = (s: number, t: number): Point => ({
    x: c.x + (e.x * length * s) / 2 + (n.x * thickness * t) / 2,
    y: c.y + (e.y * length * s) / 2 + (n.y * thickness * t) / 2,
  });
  return [at(-1, -1), at(1, -1), at(1, 1), at(-1, 1)];
}

export function scaleRect(rect: RotatedRect, factor: number): RotatedRect {
  return {
    centre: { x: rect.centre.x * factor, y: rect.centre.y * factor },
    along: rect.along,
    length: rect.length * factor,
    thickness: rect.thickness * factor,
  };
}
