import type { Pen } from './draw-common.ts';

/** The emblem shared by the synthetic ID card and licence. Coordinates are in millimetres. */

/**
 * The red disc of a national emblem with its gold ring and large star, `starLift` radii above the centre; the
 * fill is left gold for any smaller stars the caller adds.
 */
export function emblemDisc(
  pen: Pen,
  cx: number,
  cy: number,
  r: number,
  look: { ring: string; ringWidth: number; starLift: number },
): void {
  const { ctx, scale: s } = pen;
  ctx.fillStyle = '#c8161d';
  ctx.beginPath();
  ctx.arc(cx * s, cy * s, r * s, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = look.ring;
  ctx.lineWidth = look.ringWidth * s;
  ctx.stroke();
  ctx.fillStyle = '#f2c230';
  star(pen, cx, cy - r * look.starLift, r * 0.3);
}

/** A five-pointed star centred on (cx, cy), filled with the current fill. */
export function star(pen: Pen, cx: number, cy: number, r: number): void {
  const { ctx, scale: s } = pen;
  ctx.beginPath();
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? r : r * 0.4;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const x = (cx + Math.cos(angle) * radius) * s;
    const y = (cy + Math.sin(angle) * radius) * s;
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.closePath();
  ctx.fill();
}
