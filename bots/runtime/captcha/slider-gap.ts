import sharp from 'sharp';

interface Rgba {
  data: Buffer;
  width: number;
  height: number;
}

async function decode(png: Buffer): Promise<Rgba> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** How much a gap darkens the picture under it: portals paint it as a translucent black (≈ 45 %). */
const GAP_SHADE = 0.55;

/**
 * Where the puzzle piece fits: the piece picture holds the scene's own pixels cut out of the gap, and the gap
 * in the background shows those pixels darkened. For every horizontal offset the piece's inner pixels are
 * compared with the shaded background under them; the offset with the least difference is the gap. Returns
 * the offset of the piece picture's left edge (what a slider moves it by).
 */
export async function findSliderGap(
  background: Buffer,
  piece: Buffer,
): Promise<{ x: number; score: number }> {
  const bg = await decode(background);
  const pc = await decode(piece);
  // Inner pixels of the piece: opaque, and not the light outline drawn around its edge.
  const points: { x: number; y: number; r: number; g: number; b: number }[] = [];
  for (let y = 0; y < pc.height; y += 1) {
    for (let x = 0; x < pc.width; x += 1) {
      const i = (y * pc.width + x) * 4;
      const [r = 0, g = 0, b = 0, a = 0] = [pc.data[i], pc.data[i + 1], pc.data[i + 2], pc.data[i + 3]];
      if (a < 250 || (r > 225 && g > 225 && b > 225)) continue;
      points.push({ x, y, r, g, b });
    }
  }
  if (points.length < 50) throw new Error('slider piece has no visible pixels');
  let best = { x: 0, score: Number.POSITIVE_INFINITY };
  const height = Math.min(bg.height, pc.height);
  for (let offset = 0; offset + pc.width <= bg.width; offset += 1) {
    let sum = 0;
    let count = 0;
    for (const p of points) {
      if (p.y >= height) continue;
      const i = (p.y * bg.width + offset + p.x) * 4;
      sum +=
        Math.abs((bg.data[i] ?? 0) - GAP_SHADE * p.r) +
        Math.abs((bg.data[i + 1] ?? 0) - GAP_SHADE * p.g) +
        Math.abs((bg.data[i + 2] ?? 0) - GAP_SHADE * p.b);
      count += 1;
    }
    const score = sum / Math.max(1, count);
    if (score < best.score) best = { x: offset, score };
  }
  return best;
}

/** The bytes of a `data:image/png;base64,…` URL. */
export function dataUrlBytes(url: string): Buffer {
  const match = /^data:[^;]+;base64,(.*)$/.exec(url);
  if (!match?.[1]) throw new Error('not a base64 data URL');
  return Buffer.from(match[1], 'base64');
}
