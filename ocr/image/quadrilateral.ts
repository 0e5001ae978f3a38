import type { Point, Quad } from './raw-image.ts';

/** A document's outline reduced to four straight sides and their corners. */

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Andrew's monotone chain; counter-clockwise in image coordinates (y down). */
export function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, p) <= 0
    ) {
      lower.pop();
    }
    lower.push(p);
  }
  const upper: Point[] = [];
  for (const p of sorted.reverse()) {
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, p) <= 0
    ) {
      upper.pop();
    }
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

export function polygonArea(points: readonly Point[]): number {
  let area = 0;
  points.forEach((p, i) => {
    const q = points[(i + 1) % points.length] as Point;
    area += p.x * q.y - q.x * p.y;
  });
  return Math.abs(area) / 2;
}

/**
 * The four sides from the hull: the hull's long edges point in four directions (a rectangle seen at a slant);
 * the dominant direction comes from a length-weighted circular mean of 4·angle, each edge joins the side whose
 * direction it matches, and each side is the least-squares line through its edges. Short edges along rounded
 * corners match no side and are ignored.
 */
export function fitQuadrilateral(hull: Point[]): Point[] | null {
  const edges = hull.map((a, i) => {
    const b = hull[(i + 1) % hull.length] as Point;
    return { a, b, angle: Math.atan2(b.y - a.y, b.x - a.x), length: Math.hypot(b.x - a.x, b.y - a.y) };
  });
  let sin = 0;
  let cos = 0;
  for (const e of edges) {
    sin += e.length * Math.sin(4 * e.angle);
    cos += e.length * Math.cos(4 * e.angle);
  }
  const theta = Math.atan2(sin, cos) / 4;
  const groups: Edge[][] = [[], [], [], []];
  for (const e of edges) {
    const turns = (e.angle - theta) / (Math.PI / 2);
    const k = Math.round(turns);
    if (Math.abs(turns - k) > 0.25) continue;
    groups[((k % 4) + 4) % 4]?.push(e);
  }
  if (groups.some((g) => g.length === 0)) return null;
  const lines = groups.map(fitEdges);
  const corners: Point[] = [];
  for (let i = 0; i < 4; i += 1) {
    const corner = intersect(lines[(i + 3) % 4] as Line, lines[i] as Line);
    if (!corner) return null;
    corners.push(corner);
  }
  return corners;
}

interface Edge {
  a: Point;
  b: Point;
  length: number;
}

interface Line {
  point: Point;
  direction: Point;
}

/** Principal axis through the edges, each sampled once per pixel of its length (so long edges weigh more). */
function fitEdges(edges: Edge[]): Line {
  const points: Point[] = [];
  for (const e of edges) {
    const steps = Math.max(1, Math.round(e.length));
    for (let s = 0; s <= steps; s += 1) {
      const t = s / steps;
      points.push({ x: e.a.x + (e.b.x - e.a.x) * t, y: e.a.y + (e.b.y - e.a.y) * t });
    }
  }
  const mx = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const my = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { point: { x: mx, y: my }, direction: { x: Math.cos(angle), y: Math.sin(angle) } };
}

function intersect(l1: Line, l2: Line): Point | null {
  const det = l1.direction.x * l2.direction.y - l1.direction.y * l2.direction.x;
  if (Math.abs(det) < 1e-6) return null;
  const dx = l2.point.x - l1.point.x;
  const dy = l2.point.y - l1.point.y;
  const t = (dx * l2.direction.y - dy * l2.direction.x) / det;
  return { x: l1.point.x + t * l1.direction.x, y: l1.point.y + t * l1.direction.y };
}

/** Starts at the corner nearest the image's top-left and goes clockwise (on screen). */
export function orderClockwise(points: Point[]): Quad {
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sorted = [...points].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  let start = 0;
  sorted.forEach((p, i) => {
    const best = sorted[start] as Point;
    if (p.x + p.y < best.x + best.y) start = i;
  });
  return [0, 1, 2, 3].map((k) => sorted[(start + k) % 4] as Point) as Quad;
}
