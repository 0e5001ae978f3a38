import { createCanvas } from '@napi-rs/canvas';
import { blobOf } from './ink.ts';
import { type Shape, shapeOf } from './shape.ts';

export interface GlyphTemplate {
  char: string;
  shape: Shape;
}

export interface TemplateStyle {
  alphabet: string;
  /** CSS font family and weight the CAPTCHA is drawn in, e.g. `"DejaVu Sans", sans-serif` and `bold`. */
  fontFamily: string;
  fontWeight: string;
}

const CANVAS = 64;
/** Turns a glyph may be drawn at (radians), and the vertical shear a sine warp of the picture adds. */
const ROTATIONS = [-0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5];
const SHEARS = [-0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8];
/** An anti-aliased edge pixel counts as ink where a dark glyph on a light ground would (≈ 2/3 covered). */
const INK_BELOW = 85;

/**
 * Every character of the alphabet drawn in the CAPTCHA's font, at every turn and shear a CAPTCHA draws it
 * with, as shapes to compare a cut-out glyph with. ≈ 2 500 shapes; built once per reader.
 */
export function glyphTemplates(style: TemplateStyle): GlyphTemplate[] {
  const canvas = createCanvas(CANVAS, CANVAS);
  const g = canvas.getContext('2d');
  const templates: GlyphTemplate[] = [];
  for (const char of style.alphabet) {
    for (const rotation of ROTATIONS) {
      for (const shear of SHEARS) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.fillStyle = '#fff';
        g.fillRect(0, 0, CANVAS, CANVAS);
        g.setTransform(1, shear, 0, 1, CANVAS / 3, CANVAS / 2);
        g.rotate(rotation);
        g.font = `${style.fontWeight} 27px ${style.fontFamily}`;
        g.fillStyle = '#000';
        g.textBaseline = 'middle';
        g.fillText(char, 0, 0);
        const { data } = g.getImageData(0, 0, CANVAS, CANVAS);
        const ink: number[] = [];
        for (let p = 0; p < CANVAS * CANVAS; p += 1) if ((data[p * 4] ?? 255) < INK_BELOW) ink.push(p);
        if (ink.length > 0) templates.push({ char, shape: shapeOf(blobOf(ink, CANVAS), CANVAS) });
      }
    }
  }
  return templates;
}
