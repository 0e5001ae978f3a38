import { type Blob, blobOf, heightOf, widthOf } from './ink.ts';

/** Specks of noise (dots, bits of a line) are smaller than any glyph. */
const MIN_PIXELS = 12;

/**
 * Cuts the ink into `count` glyphs, left to right. Pieces that lie over one another are one glyph broken
 * apart (a thin stroke lost to the threshold); surplus pieces are the smallest (noise); too few pieces
 * means glyphs that touch, so the widest is cut where the ink is thinnest near its middle.
 */
export function segment(blobs: readonly Blob[], width: number, count: number): Blob[] {
  const pieces = blobs.filter((b) => b.pixels.length >= MIN_PIXELS).sort((a, b) => a.x0 - b.x0);
  const glyphs: Blob[] = [];
  for (const piece of pieces) {
    const last = glyphs.at(-1);
    const overlap = last ? Math.min(last.x1, piece.x1) - Math.max(last.x0, piece.x0) + 1 : -1;
    if (last && overlap >= 0.6 * Math.min(widthOf(last), widthOf(piece))) {
      glyphs[glyphs.length - 1] = blobOf([...last.pixels, ...piece.pixels], width);
    } else glyphs.push(piece);
  }
  while (glyphs.length > count) {
    const smallest = glyphs.reduce(
      (at, g, i) => (g.pixels.length < (glyphs[at]?.pixels.length ?? 0) ? i : at),
      0,
    );
    glyphs.splice(smallest, 1);
  }
  while (glyphs.length > 0 && glyphs.length < count) {
    const widest = glyphs.reduce((at, g, i) => (widthOf(g) > widthOf(glyphs[at] ?? g) ? i : at), 0);
    const glyph = glyphs[widest];
    // Two glyphs side by side are wider than tall; a lone glyph (even W) is not.
    if (!glyph || widthOf(glyph) < heightOf(glyph)) break;
    glyphs.splice(widest, 1, ...cutAtThinnest(glyph, width));
  }
  return glyphs;
}

function cutAtThinnest(blob: Blob, width: number): [Blob, Blob] {
  const columns = new Map<number, number>();
  for (const p of blob.pixels) columns.set(p % width, (columns.get(p % width) ?? 0) + 1);
  const span = widthOf(blob);
  let cut = blob.x0 + Math.floor(span / 2);
  let least = Infinity;
  for (let x = blob.x0 + Math.floor(span * 0.3); x <= blob.x0 + Math.ceil(span * 0.7); x += 1) {
    const ink = columns.get(x) ?? 0;
    if (ink < least) [least, cut] = [ink, x];
  }
  return [
    blobOf(
      blob.pixels.filter((p) => p % width < cut),
      width,
    ),
    blobOf(
      blob.pixels.filter((p) => p % width >= cut),
      width,
    ),
  ];
}
