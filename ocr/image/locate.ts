import { backgroundDistance, otsu } from './background.ts';
import { convexHull, fitQuadrilateral, orderClockwise, polygonArea } from './quadrilateral.ts';
import type { Quad, RawImage } from './raw-image.ts';
import { enclosed, largestRegion, rowExtremes } from './regions.ts';

/**
 * Finds the document in a photo: the largest region whose colour differs from the desk around it.
 * 1. A model of the background from a band along the photo's border (documents are photographed with some
 *    desk showing; a photo without any is treated as the document itself).
 * 2. Each pixel's colour distance to that background, split into document / background by Otsu's threshold.
 * 3. The largest region enclosed by that outline (everything not connected to the photo's border by desk).
 * 4. Its outline's convex hull: the long hull edges point in four directions; each side is the line fitted
 *    through the edges of one direction (short edges along rounded card corners belong to none), and the
 *    corners are where the sides meet.
 * When a soft glare spot on the desk joins the document, a stricter threshold cuts it off.
 * Works on a small copy (≈ 640 px); the caller scales the corners back.
 */

export interface Located {
  /** Corners in photo order: the one nearest the photo's top-left first, then clockwise. */
  corners: Quad;
  /** Share of the photo covered by the document (0..1). */
  coverage: number;
}

export function locateDocument(image: RawImage): Located | null {
  const { width, height } = image;
  const distance = backgroundDistance(image);
  const threshold = otsu(distance);
  let best: (Located & { fill: number }) | null = null;
  // A soft glare spot on the desk next to the document can join it; it fades out gradually while the
  // document's edge is sharp, so a stricter threshold cuts the spot off and leaves the document whole.
  for (const strictness of [1, 1.3, 1.7, 2.2]) {
    const found = locateAt(distance, threshold * strictness, width, height);
    if (found && (!best || found.fill > best.fill)) best = found;
    if (best && best.fill >= 0.97) break;
  }
  if (!best || best.fill < 0.85) return null;
  return { corners: best.corners, coverage: best.coverage };
}

function locateAt(
  distance: Float32Array,
  threshold: number,
  width: number,
  height: number,
): (Located & { fill: number }) | null {
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i += 1) mask[i] = (distance[i] ?? 0) > threshold ? 1 : 0;
  // Background is what connects to the photo's border; everything enclosed by the document's outline (a
  // printed frame, the photo on a card, text) belongs to the document even where it resembles the desk.
  const inside = enclosed(mask, width, height);
  const region = largestRegion(inside, width, height);
  if (!region || region.size < width * height * 0.08) return null;
  const outline = rowExtremes(region.mask, width, height);
  const hull = convexHull(outline);
  if (hull.length < 4) return null;
  const quad = fitQuadrilateral(hull);
  if (!quad) return null;
  const area = polygonArea(quad);
  // How much of the fitted quadrilateral the region fills: near 1 for a document, lower when something
  // that is not a rectangle (glare, an object) has joined it.
  const fill = Math.min(region.size / area, area / region.size);
  return { corners: orderClockwise(quad), coverage: area / (width * height), fill };
}
