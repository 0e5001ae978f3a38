import { greyPercentiles, type RawImage } from '../image/raw-image.ts';

/** A horizontal band of text in a region, in region pixels. */
export interface TextBand {
  top: number;
  bottom: number;
}

/**
 * Finds the text lines in a grey region from its row profile: a pixel is ink when it is clearly darker than
 * the region's paper (the 80th percentile), a row is inked when enough of its pixels are, and inked rows
 * separated by less than `minGap` px form one line. Lines thinner than `minHeight` px are specks.
 */
export function findTextBands(grey: RawImage, minHeight: number, minGap: number): TextBand[] {
  const { width, height, data } = grey;
  const [paper, ink] = greyPercentiles(grey, [0.8, 0.02]);
  const threshold = ink + (paper - ink) * 0.55;
  const rowInk: number[] = [];
  for (let y = 0; y < height; y += 1) {
    let count = 0;
    for (let x = 0; x < width; x += 1) if ((data[y * width + x] ?? 255) < threshold) count += 1;
    rowInk.push(count);
  }
  // A row is text when it has at least a few ink pixels (a line of characters has many).
  const minInk = Math.max(2, width * 0.004);
  const bands: TextBand[] = [];
  let start = -1;
  for (let y = 0; y <= height; y += 1) {
    const inked = y < height && (rowInk[y] ?? 0) >= minInk;
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      bands.push({ top: start, bottom: y });
      start = -1;
    }
  }
  const merged: TextBand[] = [];
  for (const band of bands) {
    const last = merged[merged.length - 1];
    if (last && band.top - last.bottom < minGap) last.bottom = band.bottom;
    else merged.push({ ...band });
  }
  return merged.filter((band) => band.bottom - band.top >= minHeight);
}
