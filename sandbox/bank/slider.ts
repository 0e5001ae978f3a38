/**
 * The slider CAPTCHA (滑块验证): a picture with a puzzle-shaped gap and the cut-out piece at the left edge; a
 * person drags the slider until the piece fills the gap. The server keeps the gap's position and accepts the
 * dragged distance within a few pixels. Pictures are PNGs (the gap is only visible, never in the markup).
 */
import { randomInt } from 'node:crypto';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

export const SLIDER_WIDTH = 310;
export const SLIDER_HEIGHT = 160;
/** The square of the piece; a round knob on its top and right side adds KNOB. */
const SIDE = 42;
const KNOB = 8;
export const PIECE_WIDTH = SIDE + KNOB + 2;
/** How far (px) the dragged distance may be from the gap and still pass. */
export const SLIDER_TOLERANCE = 5;

export interface SliderPuzzle {
  gapX: number;
  gapY: number;
  issuedAt: number;
}

export function newPuzzle(now: number): SliderPuzzle {
  return {
    gapX: randomInt(PIECE_WIDTH + 20, SLIDER_WIDTH - PIECE_WIDTH - 6),
    gapY: randomInt(KNOB + 8, SLIDER_HEIGHT - SIDE - 10),
    issuedAt: now,
  };
}

function piecePath(g: SKRSContext2D, x: number, y: number): void {
  g.beginPath();
  g.moveTo(x, y);
  g.lineTo(x + SIDE / 2 - KNOB, y);
  g.arc(x + SIDE / 2, y, KNOB, Math.PI, 0, false);
  g.lineTo(x + SIDE, y);
  g.lineTo(x + SIDE, y + SIDE / 2 - KNOB);
  g.arc(x + SIDE, y + SIDE / 2, KNOB, -Math.PI / 2, Math.PI / 2, false);
  g.lineTo(x + SIDE, y + SIDE);
  g.lineTo(x, y + SIDE);
  g.closePath();
}

/** A made-up landscape: sky, sun, hills and a few trees, different every time. */
function drawScene(g: SKRSContext2D): void {
  const hue = randomInt(180, 230);
  const sky = g.createLinearGradient(0, 0, 0, SLIDER_HEIGHT);
  sky.addColorStop(0, `hsl(${hue}, 60%, 72%)`);
  sky.addColorStop(1, `hsl(${hue - 20}, 50%, 90%)`);
  g.fillStyle = sky;
  g.fillRect(0, 0, SLIDER_WIDTH, SLIDER_HEIGHT);
  g.fillStyle = 'hsla(45, 95%, 62%, 0.9)';
  g.beginPath();
  g.arc(randomInt(30, 280), randomInt(20, 50), randomInt(12, 20), 0, Math.PI * 2);
  g.fill();
  for (let layer = 0; layer < 3; layer += 1) {
    g.fillStyle = `hsl(${randomInt(90, 150)}, ${35 + layer * 10}%, ${55 - layer * 12}%)`;
    g.beginPath();
    g.moveTo(0, SLIDER_HEIGHT);
    const base = 70 + layer * 25;
    for (let x = 0; x <= SLIDER_WIDTH; x += 20)
      g.lineTo(x, base + Math.sin(x / (30 + layer * 9) + layer) * 14 + randomInt(0, 8));
    g.lineTo(SLIDER_WIDTH, SLIDER_HEIGHT);
    g.closePath();
    g.fill();
  }
  for (let i = 0; i < 7; i += 1) {
    const x = randomInt(0, SLIDER_WIDTH);
    const y = randomInt(95, 150);
    g.fillStyle = '#5b3b22';
    g.fillRect(x - 2, y, 4, 14);
    g.fillStyle = `hsl(${randomInt(100, 140)}, 45%, ${randomInt(22, 34)}%)`;
    g.beginPath();
    g.arc(x, y, randomInt(8, 13), 0, Math.PI * 2);
    g.fill();
  }
}

/** The background with the gap, and the full-height strip holding the piece at the gap's height. */
export function renderPuzzle(puzzle: SliderPuzzle): { background: Buffer; piece: Buffer } {
  const scene = createCanvas(SLIDER_WIDTH, SLIDER_HEIGHT);
  const sg = scene.getContext('2d');
  drawScene(sg);

  const piece = createCanvas(PIECE_WIDTH, SLIDER_HEIGHT);
  const pg = piece.getContext('2d');
  pg.save();
  piecePath(pg, 1, puzzle.gapY);
  pg.clip();
  pg.drawImage(scene, -puzzle.gapX + 1, 0);
  pg.restore();
  piecePath(pg, 1, puzzle.gapY);
  pg.lineWidth = 2;
  pg.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  pg.stroke();

  piecePath(sg, puzzle.gapX, puzzle.gapY);
  sg.fillStyle = 'rgba(0, 0, 0, 0.45)';
  sg.fill();
  sg.lineWidth = 1.5;
  sg.strokeStyle = 'rgba(255, 255, 255, 0.7)';
  sg.stroke();
  return { background: scene.toBuffer('image/png'), piece: piece.toBuffer('image/png') };
}

/** Whether the dragged distance puts the piece into the gap. */
export const sliderMatches = (puzzle: SliderPuzzle, x: number): boolean =>
  Number.isFinite(x) && Math.abs(x - puzzle.gapX) <= SLIDER_TOLERANCE;
