import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from './rng.ts';

/** Drawing helpers shared by the synthetic ID card and licence. Coordinates are in millimetres. */

export interface Pen {
  ctx: SKRSContext2D;
  /** Pixels per millimetre of the clean document. */
  scale: number;
}

export function font(pen: Pen, family: string, sizeMm: number, weight: 'normal' | 'bold' = 'normal'): void {
  pen.ctx.font = `${weight} ${(sizeMm * pen.scale).toFixed(1)}px ${family}`;
}

/** Text with its left end at x and its baseline at y. */
export function text(pen: Pen, value: string, x: number, y: number, colour: string): void {
  pen.ctx.fillStyle = colour;
  pen.ctx.textAlign = 'left';
  pen.ctx.textBaseline = 'alphabetic';
  pen.ctx.fillText(value, x * pen.scale, y * pen.scale);
}

/** Text spread so that each character starts `pitch` mm after the previous one (ID numbers, 姓 名). */
export function spaced(pen: Pen, value: string, x: number, y: number, pitch: number, colour: string): void {
  [...value].forEach((char, index) => {
    text(pen, char, x + index * pitch, y, colour);
  });
}

/** Text whose characters are distributed evenly over `width` mm (labels such as 名　　称). */
export function justified(
  pen: Pen,
  value: string,
  x: number,
  y: number,
  width: number,
  colour: string,
): void {
  const chars = [...value];
  if (chars.length === 1) {
    text(pen, value, x, y, colour);
    return;
  }
  const charWidth = pen.ctx.measureText(chars[0] ?? '').width / pen.scale;
  const pitch = (width - charWidth) / (chars.length - 1);
  spaced(pen, value, x, y, pitch, colour);
}

export function widthMm(pen: Pen, value: string): number {
  return pen.ctx.measureText(value).width / pen.scale;
}

/** Breaks text into lines no wider than `maxWidth` mm (Chinese wraps between any two characters). */
export function wrap(pen: Pen, value: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of value) {
    if (line && widthMm(pen, line + char) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  if (line) lines.push(line);
  return lines;
}

/** Faint interlaced waves like the security print of cards and certificates. */
export function guilloche(pen: Pen, width: number, height: number, rng: Rng, colours: string[]): void {
  const { ctx, scale } = pen;
  ctx.save();
  ctx.lineWidth = Math.max(1, scale * 0.08);
  for (let i = 0; i < 26; i += 1) {
    ctx.strokeStyle = rng.pick(colours);
    ctx.globalAlpha = rng.range(0.12, 0.28);
    const baseY = rng.range(0, height);
    const amplitude = rng.range(1, 5);
    const period = rng.range(8, 30);
    const phase = rng.range(0, Math.PI * 2);
    ctx.beginPath();
    for (let x = 0; x <= width; x += 0.5) {
      const y = baseY + amplitude * Math.sin((x / period) * Math.PI * 2 + phase);
      if (x === 0) ctx.moveTo(x * scale, y * scale);
      else ctx.lineTo(x * scale, y * scale);
    }
    ctx.stroke();
  }
  ctx.restore();
}

export function roundedRect(pen: Pen, x: number, y: number, w: number, h: number, r: number): void {
  const { ctx, scale: s } = pen;
  ctx.beginPath();
  ctx.roundRect(x * s, y * s, w * s, h * s, r * s);
}

/** A plain head-and-shoulders silhouette standing in for the holder's photo. */
export function portrait(pen: Pen, x: number, y: number, w: number, h: number, rng: Rng): void {
  const { ctx, scale: s } = pen;
  ctx.save();
  ctx.fillStyle = rng.pick(['#f3f3f1', '#e9eef3', '#f1ede6']);
  ctx.globalAlpha = 0.9;
  ctx.fillRect(x * s, y * s, w * s, h * s);
  ctx.globalAlpha = 1;
  const tone = rng.pick(['#3a3330', '#2b2522', '#4a3d35']);
  ctx.fillStyle = rng.pick(['#d9b9a0', '#e4c4aa', '#c9a58a']);
  ctx.beginPath();
  ctx.ellipse((x + w / 2) * s, (y + h * 0.42) * s, w * 0.24 * s, h * 0.27 * s, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = tone;
  ctx.beginPath();
  ctx.ellipse((x + w / 2) * s, (y + h * 0.3) * s, w * 0.27 * s, h * 0.17 * s, 0, Math.PI, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = rng.pick(['#1f2a3a', '#2d2d2d', '#3b4654', '#ffffff']);
  ctx.beginPath();
  ctx.ellipse((x + w / 2) * s, (y + h * 1.02) * s, w * 0.5 * s, h * 0.3 * s, 0, Math.PI, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}
