/**
 * Ways to clean a crop's ink before it is read again: a seal's marks across print are turned to paper, and
 * black print stays. Each takes and gives 8-bit RGB pixels.
 */
/** Strongly red pixels (a seal's ink) become white paper; dark print, even over the seal, is kept. */
export function withoutRed(rgb: Buffer): Buffer {
  const out = Buffer.from(rgb);
  for (let i = 0; i + 2 < out.length; i += 3) {
    const red = out[i] as number;
    if (red - Math.max(out[i + 1] as number, out[i + 2] as number) > RED_MARGIN) out.fill(255, i, i + 3);
  }
  return out;
}

/** How much redder than green and blue a pixel must be to count as seal ink. */
const RED_MARGIN = 40;

/**
 * The seal's ink turned to paper, measured against this crop's own paper: a faded or pink seal in a dim photo is
 * only a little redder than its paper (not RED_MARGIN), and black print under it stays because it is dark.
 */
export function sealCleared(rgb: Buffer): Buffer {
  const pixels = Math.floor(rgb.length / 3);
  const redness = new Int16Array(pixels);
  const brightness = new Uint8Array(pixels);
  for (let p = 0; p < pixels; p++) {
    const [r, g, b] = [rgb[3 * p] as number, rgb[3 * p + 1] as number, rgb[3 * p + 2] as number];
    redness[p] = r - Math.max(g, b);
    brightness[p] = Math.max(r, g, b);
  }
  const paperRedness = percentile(redness, 0.5);
  const paper = percentile(brightness, 0.9);
  const out = Buffer.from(rgb);
  for (let p = 0; p < pixels; p++) {
    const seal = (redness[p] as number) - paperRedness > SEAL_MARGIN;
    if (seal && (brightness[p] as number) > paper * PRINT_DARKNESS) out.fill(paper, 3 * p, 3 * p + 3);
  }
  return out;
}

/** Redder than the crop's paper by this much is seal ink. */
const SEAL_MARGIN = 14;
/** Print is darker than this share of the paper's brightness, even where the seal's ink covers it. */
const PRINT_DARKNESS = 0.45;

function percentile(values: Int16Array | Uint8Array, share: number): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}
