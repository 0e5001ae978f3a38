import type { Canvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { apply, homography, rectangle } from '../image/homography.ts';
import type { Point, Quad } from '../image/raw-image.ts';
import { castShadow, clamp, type Desk, deskScene, motionKernel } from './photo-scene.ts';
import type { Rng } from './rng.ts';

/**
 * Turns a clean document into what a phone camera delivers: the document lying on a desk, rotated and seen
 * at a slant (perspective), unevenly lit, sometimes with glare from the lamp, slightly out of focus, with
 * sensor noise, at a modest resolution, saved as a fairly compressed JPEG, and now and then turned by a
 * quarter or half turn because the EXIF orientation was lost. Optional harsher conditions (used for ID cards,
 * see id-photo-damage.ts): other desks, a hand's shadow, motion blur, a small delivered size, a second JPEG.
 */

export interface PhotoDamage {
  /** Photo width in pixels (height is 3/4 of it before any quarter turn). */
  width: number;
  /** Share of the photo width the document covers. */
  coverage: number;
  rotationDeg: number;
  /** Largest corner displacement, as a share of the document size. */
  perspective: number;
  blurSigma: number;
  noise: number;
  jpegQuality: number;
  /** Darkest side of the light gradient relative to the brightest (1 = even light). */
  lightFloor: number;
  glare: boolean;
  /** Downscale factor applied before the final size (1 = none). */
  lowRes: number;
  quarterTurns: 0 | 1 | 2 | 3;
  /** What the document lies on (default wood or plain desk). */
  desk?: Desk;
  /** Light taken away by the shadow of the phone or hand over part of the photo (0 or absent: none). */
  shadow?: number;
  /** The smear of a moving hand: length in pixels and direction in radians. */
  motionBlur?: { length: number; angle: number };
  /** The photo is delivered at this width (a small image from a chat app or an old phone); absent: `width`. */
  outputWidth?: number;
  /** Quality of a second JPEG compression (the photo was saved again, as chat apps do). */
  recompress?: number;
}

export interface PhoneOptions {
  /** Range of photo widths; ID cards are photographed closer and smaller than licences. */
  widths: [number, number];
  coverage: [number, number];
}

export function randomDamage(rng: Rng, options: PhoneOptions): PhotoDamage {
  return {
    width: rng.int(options.widths[0], options.widths[1]),
    coverage: rng.range(options.coverage[0], options.coverage[1]),
    rotationDeg: Math.max(-12, Math.min(12, rng.normal(5))),
    perspective: rng.range(0, 0.05),
    blurSigma: rng.range(0.3, 1.2),
    noise: rng.range(2, 8),
    jpegQuality: rng.int(45, 85),
    lightFloor: rng.range(0.55, 1),
    glare: rng.chance(0.4),
    lowRes: rng.chance(0.3) ? rng.range(0.6, 0.85) : 1,
    quarterTurns: rng.weighted([
      [0, 0.85],
      [1, 0.05],
      [2, 0.05],
      [3, 0.05],
    ] as const),
  };
}

export interface PhonePhoto {
  jpeg: Buffer;
  /** Where the document's corners (TL, TR, BR, BL) are in the delivered photo, before any quarter turn. */
  corners: Quad;
}

/** `render(scale)` draws the clean document at `scale` px/mm; `sizeMm` is its physical size. */
export async function phonePhoto(
  render: (scale: number) => Canvas,
  sizeMm: { width: number; height: number },
  damage: PhotoDamage,
  rng: Rng,
): Promise<PhonePhoto> {
  const width = damage.width;
  const height = Math.round(width * 0.75);
  const docWidth = width * damage.coverage;
  const docHeight = (docWidth * sizeMm.height) / sizeMm.width;
  // Draw a little larger than needed so the warp only ever shrinks.
  const doc = render((docWidth / sizeMm.width) * 1.25);
  const docPixels = doc.getContext('2d').getImageData(0, 0, doc.width, doc.height).data;

  const corners = placeDocument(width, height, docWidth, docHeight, damage, rng);
  const sceneToDoc = homography(corners, rectangle(doc.width, doc.height));
  const scene = deskScene(width, height, rng, damage.desk ?? 'wood');
  const onDocument = composite(scene, width, height, docPixels, doc.width, doc.height, sceneToDoc);
  light(scene, onDocument, width, height, damage, rng);
  if (damage.shadow) castShadow(scene, width, height, rng, damage.shadow);
  noise(scene, damage.noise, rng);

  let image = sharp(scene, { raw: { width, height, channels: 3 } }).blur(damage.blurSigma);
  if (damage.motionBlur) {
    const blurred = await image.raw().toBuffer({ resolveWithObject: true });
    image = sharp(blurred.data, { raw: blurred.info }).convolve(
      motionKernel(damage.motionBlur.length, damage.motionBlur.angle),
    );
  }
  if (damage.lowRes < 1) {
    const small = await image
      .resize(Math.round(width * damage.lowRes))
      .raw()
      .toBuffer({ resolveWithObject: true });
    image = sharp(small.data, { raw: small.info }).resize(width, height);
  }
  let shrink = 1;
  if (damage.outputWidth && damage.outputWidth < width) {
    shrink = damage.outputWidth / width;
    const small = await image.resize(damage.outputWidth).raw().toBuffer({ resolveWithObject: true });
    image = sharp(small.data, { raw: small.info });
  }
  if (damage.quarterTurns) image = sharp(await image.png().toBuffer()).rotate(damage.quarterTurns * 90);
  let jpeg = await image.jpeg({ quality: damage.jpegQuality, chromaSubsampling: '4:2:0' }).toBuffer();
  if (damage.recompress)
    jpeg = await sharp(jpeg).jpeg({ quality: damage.recompress, chromaSubsampling: '4:2:0' }).toBuffer();
  return { jpeg, corners: corners.map((p) => ({ x: p.x * shrink, y: p.y * shrink })) as Quad };
}

function placeDocument(
  width: number,
  height: number,
  docWidth: number,
  docHeight: number,
  damage: PhotoDamage,
  rng: Rng,
): Quad {
  const angle = (damage.rotationDeg * Math.PI) / 180;
  const centre = {
    x: width / 2 + rng.range(-0.04, 0.04) * width,
    y: height / 2 + rng.range(-0.04, 0.04) * height,
  };
  const jitter = () => rng.range(-damage.perspective, damage.perspective);
  const local: Point[] = [
    { x: -docWidth / 2, y: -docHeight / 2 },
    { x: docWidth / 2, y: -docHeight / 2 },
    { x: docWidth / 2, y: docHeight / 2 },
    { x: -docWidth / 2, y: docHeight / 2 },
  ].map((p) => ({ x: p.x + jitter() * docWidth, y: p.y + jitter() * docHeight }));
  let quad = local.map((p) => ({
    x: centre.x + p.x * Math.cos(angle) - p.y * Math.sin(angle),
    y: centre.y + p.x * Math.sin(angle) + p.y * Math.cos(angle),
  }));
  // Keep a margin of background all round: shrink towards the centre if the document would leave the photo.
  const margin = 0.02 * width;
  let shrink = 1;
  for (const p of quad) {
    if (p.x < margin) shrink = Math.min(shrink, (centre.x - margin) / (centre.x - p.x));
    if (p.x > width - margin) shrink = Math.min(shrink, (width - margin - centre.x) / (p.x - centre.x));
    if (p.y < margin) shrink = Math.min(shrink, (centre.y - margin) / (centre.y - p.y));
    if (p.y > height - margin) shrink = Math.min(shrink, (height - margin - centre.y) / (p.y - centre.y));
  }
  quad = quad.map((p) => ({
    x: centre.x + (p.x - centre.x) * shrink,
    y: centre.y + (p.y - centre.y) * shrink,
  }));
  return quad as Quad;
}

/**
 * Draws the document (RGBA, transparent outside its rounded corners) into the scene; returns how much of
 * each scene pixel the document covers (0..255).
 */
function composite(
  scene: Uint8Array,
  width: number,
  height: number,
  doc: Uint8ClampedArray,
  docW: number,
  docH: number,
  sceneToDoc: readonly number[],
): Uint8Array {
  const cover = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const p = apply(sceneToDoc, { x: x + 0.5, y: y + 0.5 });
      const sx = p.x - 0.5;
      const sy = p.y - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= docW || y0 + 1 >= docH) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const o = (y * width + x) * 3;
      const i00 = (y0 * docW + x0) * 4;
      const i10 = i00 + 4;
      const i01 = i00 + docW * 4;
      const i11 = i01 + 4;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      const alpha =
        ((doc[i00 + 3] ?? 0) * w00 +
          (doc[i10 + 3] ?? 0) * w10 +
          (doc[i01 + 3] ?? 0) * w01 +
          (doc[i11 + 3] ?? 0) * w11) /
        255;
      if (alpha <= 0) continue;
      cover[y * width + x] = alpha * 255;
      for (let c = 0; c < 3; c += 1) {
        const value =
          (doc[i00 + c] ?? 0) * w00 +
          (doc[i10 + c] ?? 0) * w10 +
          (doc[i01 + c] ?? 0) * w01 +
          (doc[i11 + c] ?? 0) * w11;
        scene[o + c] = clamp((scene[o + c] ?? 0) * (1 - alpha) + value * alpha);
      }
    }
  }
  return cover;
}

/**
 * A light gradient across the photo, a vignette, and optionally a glare spot: the lamp's reflection, strong
 * on the glossy document and faint on the matte desk.
 */
function light(
  scene: Uint8Array,
  onDocument: Uint8Array,
  width: number,
  height: number,
  damage: PhotoDamage,
  rng: Rng,
): void {
  const direction = rng.range(0, Math.PI * 2);
  const dx = Math.cos(direction);
  const dy = Math.sin(direction);
  const span = Math.abs(dx) * width + Math.abs(dy) * height;
  const offset = Math.min(0, dx * width) + Math.min(0, dy * height);
  const glare = damage.glare
    ? {
        x: rng.range(0.2, 0.8) * width,
        y: rng.range(0.2, 0.8) * height,
        rx: rng.range(0.05, 0.18) * width,
        ry: rng.range(0.04, 0.12) * width,
        strength: rng.range(0.35, 0.75),
      }
    : null;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const t = (x * dx + y * dy - offset) / span;
      const vx = x / width - 0.5;
      const vy = y / height - 0.5;
      const factor = (damage.lightFloor + (1 - damage.lightFloor) * t) * (1 - 0.25 * (vx * vx + vy * vy));
      let white = 0;
      if (glare) {
        const gx = (x - glare.x) / glare.rx;
        const gy = (y - glare.y) / glare.ry;
        const gloss = 0.3 + (0.7 * (onDocument[y * width + x] ?? 0)) / 255;
        white = glare.strength * gloss * Math.exp(-(gx * gx + gy * gy));
      }
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c += 1) {
        const lit = (scene[o + c] ?? 0) * factor;
        scene[o + c] = clamp(lit + (255 - lit) * white);
      }
    }
  }
}

function noise(scene: Uint8Array, amount: number, rng: Rng): void {
  for (let i = 0; i < scene.length; i += 1) {
    scene[i] = clamp((scene[i] ?? 0) + (rng.next() + rng.next() - 1) * amount * 1.7);
  }
}
