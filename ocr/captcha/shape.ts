import { type Blob, heightOf, widthOf } from './ink.ts';

/** Glyphs are compared as SIDE×SIDE grids, scaled to fit with their aspect kept. */
const SIDE = 20;

export interface Shape {
  /** 1 where the glyph has ink. */
  cells: Uint8Array;
  /** Distance from each cell to the nearest ink cell. */
  distances: Float32Array;
  inkCells: number;
  /** Width over height of the glyph before scaling (scaling hides it; it tells I from M). */
  aspect: number;
}

export function shapeOf(blob: Blob, width: number): Shape {
  const w = widthOf(blob);
  const h = heightOf(blob);
  const scale = (SIDE - 2) / Math.max(w, h);
  const left = (SIDE - w * scale) / 2;
  const top = (SIDE - h * scale) / 2;
  const cells = new Uint8Array(SIDE * SIDE);
  for (const p of blob.pixels) {
    const x = (p % width) - blob.x0;
    const y = Math.floor(p / width) - blob.y0;
    // Every cell the source pixel covers gets ink, so thin strokes survive the scaling.
    const x1 = Math.floor(left + (x + 1) * scale - 1e-6);
    const y1 = Math.floor(top + (y + 1) * scale - 1e-6);
    for (let cy = Math.floor(top + y * scale); cy <= y1; cy += 1)
      for (let cx = Math.floor(left + x * scale); cx <= x1; cx += 1)
        if (cx >= 0 && cy >= 0 && cx < SIDE && cy < SIDE) cells[cy * SIDE + cx] = 1;
  }
  const ink: number[] = [];
  cells.forEach((v, i) => {
    if (v) ink.push(i);
  });
  return { cells, distances: distancesTo(ink), inkCells: ink.length, aspect: w / h };
}

/**
 * Distance from every cell to the nearest ink cell, by the two-pass chamfer transform (steps of 1 and √2):
 * within a few per cent of the Euclidean distance, in two sweeps instead of a search per cell.
 */
function distancesTo(ink: readonly number[]): Float32Array {
  const out = new Float32Array(SIDE * SIDE).fill(SIDE * 2);
  for (const i of ink) out[i] = 0;
  const relax = (i: number, x: number, y: number, dx: number, dy: number, step: number) => {
    const nx = x + dx;
    const ny = y + dy;
    if (nx < 0 || ny < 0 || nx >= SIDE || ny >= SIDE) return;
    const via = (out[ny * SIDE + nx] ?? Infinity) + step;
    if (via < (out[i] ?? Infinity)) out[i] = via;
  };
  for (let y = 0; y < SIDE; y += 1)
    for (let x = 0; x < SIDE; x += 1) {
      const i = y * SIDE + x;
      relax(i, x, y, -1, 0, 1);
      relax(i, x, y, 0, -1, 1);
      relax(i, x, y, -1, -1, Math.SQRT2);
      relax(i, x, y, 1, -1, Math.SQRT2);
    }
  for (let y = SIDE - 1; y >= 0; y -= 1)
    for (let x = SIDE - 1; x >= 0; x -= 1) {
      const i = y * SIDE + x;
      relax(i, x, y, 1, 0, 1);
      relax(i, x, y, 0, 1, 1);
      relax(i, x, y, 1, 1, Math.SQRT2);
      relax(i, x, y, -1, 1, Math.SQRT2);
    }
  return out;
}

/**
 * How far apart two shapes are: the mean distance from each one's ink to the other's (a symmetric chamfer
 * distance, forgiving a stroke a cell off), plus a penalty for a different aspect. 0 is identical.
 */
export function distanceBetween(a: Shape, b: Shape): number {
  let ab = 0;
  let ba = 0;
  for (let i = 0; i < a.cells.length; i += 1) {
    if (a.cells[i]) ab += b.distances[i] ?? 0;
    if (b.cells[i]) ba += a.distances[i] ?? 0;
  }
  return (
    ab / Math.max(1, a.inkCells) + ba / Math.max(1, b.inkCells) + 2 * Math.abs(Math.log(a.aspect / b.aspect))
  );
}
