import './no-telemetry.ts';
import type { InferenceSession } from 'onnxruntime-node';
import ort from 'onnxruntime-node';
import sharp from 'sharp';
import { rawInfo } from '../image/decode.ts';
import type { Point, RawImage } from '../image/raw-image.ts';
import { minAreaRect, type RotatedRect, scaleRect, unclip } from './geometry.ts';

/** PP-OCR's DB post-processing settings (PaddleOCR's defaults for PP-OCRv4). */
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
const UNCLIP_RATIO = 1.5;
const MIN_SIDE = 3;
/** ImageNet mean and deviation, applied to B, G, R as PaddleOCR does (it reads images with OpenCV). */
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/** For each channel (B, G, R), every byte value normalised as PP-OCR does: (v / 255 − mean) / std. */
const NORMALISED = [0, 1, 2].map((c) =>
  Float32Array.from({ length: 256 }, (_, v) => (v / 255 - (MEAN[c] as number)) / (STD[c] as number)),
);

export interface DetectedText {
  /** The line's rectangle in the coordinates of the image given to `detectText`. */
  rect: RotatedRect;
  score: number;
}

/**
 * Finds text lines with the DB detector. The image is scaled so its longer side is `maxSide` (text smaller
 * than ≈ 8 px at that scale is lost; larger inputs cost time quadratically), padded to a multiple of 32.
 */
export async function detectText(
  session: InferenceSession,
  image: RawImage,
  maxSide: number,
): Promise<DetectedText[]> {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  const width = Math.max(32, Math.round(image.width * scale));
  const height = Math.max(32, Math.round(image.height * scale));
  const padW = Math.ceil(width / 32) * 32;
  const padH = Math.ceil(height / 32) * 32;
  const { data } = await sharp(image.data, { raw: rawInfo(image) })
    .resize(width, height, { fit: 'fill' })
    .extend({ right: padW - width, bottom: padH - height, background: { r: 0, g: 0, b: 0 } })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const plane = padW * padH;
  const input = new Float32Array(3 * plane);
  // Channel order B, G, R; each byte's value looked up, not computed per pixel.
  for (let c = 0; c < 3; c += 1) {
    const table = NORMALISED[c] as Float32Array;
    const offset = c * plane;
    for (let i = 0, p = 2 - c; i < plane; i += 1, p += 3)
      input[offset + i] = table[data[p] as number] as number;
  }
  const feeds = { [session.inputNames[0] as string]: new ort.Tensor('float32', input, [1, 3, padH, padW]) };
  const output = await session.run(feeds);
  const map = output[session.outputNames[0] as string]?.data as Float32Array;
  return boxesFromMap(map, padW, padH, width, height).map((box) => ({
    rect: scaleRect(box.rect, 1 / scale),
    score: box.score,
  }));
}

/**
 * DB post-processing: threshold the probability map, take each connected region, score it by its mean
 * probability, fit the smallest rectangle and grow it back to the text's real extent.
 */
export function boxesFromMap(
  map: Float32Array,
  mapWidth: number,
  mapHeight: number,
  width = mapWidth,
  height = mapHeight,
): DetectedText[] {
  const seen = new Uint8Array(mapWidth * mapHeight);
  const boxes: DetectedText[] = [];
  const stack: number[] = [];
  for (let start = 0; start < map.length; start += 1) {
    if (seen[start] || (map[start] ?? 0) <= PIXEL_THRESHOLD) continue;
    const x0 = start % mapWidth;
    const y0 = (start - x0) / mapWidth;
    if (x0 >= width || y0 >= height) continue;
    seen[start] = 1;
    stack.push(start);
    let sum = 0;
    let count = 0;
    const edge: Point[] = [];
    while (stack.length > 0) {
      const index = stack.pop() as number;
      const x = index % mapWidth;
      const y = (index - x) / mapWidth;
      sum += map[index] ?? 0;
      count += 1;
      let border = false;
      for (const [dx, dy] of NEIGHBOURS) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
          border = true;
          continue;
        }
        const n = ny * mapWidth + nx;
        if ((map[n] ?? 0) <= PIXEL_THRESHOLD) {
          border = true;
          continue;
        }
        if (!seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
      if (border) edge.push({ x, y }, { x: x + 1, y }, { x, y: y + 1 }, { x: x + 1, y: y + 1 });
    }
    if (count < 4 || sum / count < BOX_THRESHOLD) continue;
    const rect = minAreaRect(edge);
    if (Math.min(rect.length, rect.thickness) < MIN_SIDE) continue;
    const grown = unclip(rect, UNCLIP_RATIO);
    if (Math.min(grown.length, grown.thickness) < MIN_SIDE + 2) continue;
    boxes.push({ rect: grown, score: sum / count });
  }
  return boxes;
}

const NEIGHBOURS = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;
