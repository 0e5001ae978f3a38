import { type Homography, homography } from '../image/homography.ts';
import type { Quad, RawImage } from '../image/raw-image.ts';
import { warpPerspective } from '../image/warp.ts';

/** A box on the document in millimetres from its top-left corner. */
export interface MmBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The document as found in the photo: a homography from document millimetres to photo pixels. Regions are
 * straightened straight out of the photo at the resolution a field needs, so the whole document is never
 * warped and each crop is sampled only once.
 */
export class DocumentView {
  private readonly toPhoto: Homography;

  /** `corners` are the photo positions of the document's own TL, TR, BR, BL. */
  constructor(
    readonly photo: RawImage,
    corners: Quad,
    readonly widthMm: number,
    readonly heightMm: number,
  ) {
    const mm: Quad = [
      { x: 0, y: 0 },
      { x: widthMm, y: 0 },
      { x: widthMm, y: heightMm },
      { x: 0, y: heightMm },
    ];
    this.toPhoto = homography(mm, corners);
  }

  /** Photo pixels per document millimetre around the document's centre (how sharp a crop can be). */
  get sourcePxPerMm(): number {
    const [a = 0, b = 0, , d = 0, e = 0] = this.toPhoto;
    return Math.sqrt(Math.abs(a * e - b * d));
  }

  /** The box straightened at `pxPerMm` (RGB). */
  region(box: MmBox, pxPerMm: number): RawImage {
    const width = Math.max(4, Math.round(box.w * pxPerMm));
    const height = Math.max(4, Math.round(box.h * pxPerMm));
    // output pixel (u, v) → document mm (x + u / s, y + v / s) → photo pixel.
    const s = 1 / pxPerMm;
    const scaleAndShift: Homography = [s, 0, box.x, 0, s, box.y, 0, 0, 1];
    return warpPerspective(this.photo, compose(this.toPhoto, scaleAndShift), width, height, [255, 255, 255]);
  }
}

/** a ∘ b: first b, then a. */
function compose(a: Homography, b: Homography): Homography {
  const out: number[] = [];
  for (let r = 0; r < 3; r += 1) {
    for (let c = 0; c < 3; c += 1) {
      let sum = 0;
      for (let k = 0; k < 3; k += 1) sum += (a[r * 3 + k] ?? 0) * (b[k * 3 + c] ?? 0);
      out.push(sum);
    }
  }
  const last = out[8] || 1;
  return out.map((v) => v / last);
}
