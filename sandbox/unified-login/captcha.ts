import { randomInt } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const WIDTH = 130;
const HEIGHT = 44;

export function captchaAnswer(length = 4): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

const rand = (min: number, max: number) => min + Math.random() * (max - min);

/**
 * The image a person reads the CAPTCHA from: rotated, jittered glyphs in several colours over noise lines
 * and dots, then a sine warp of the whole picture, as login pages of provincial portals draw them.
 * The answer never leaves the server (the login session keeps it).
 */
export function renderCaptcha(answer: string): Buffer {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const g = canvas.getContext('2d');
  const background = g.createLinearGradient(0, 0, WIDTH, HEIGHT);
  background.addColorStop(0, `hsl(${randomInt(360)}, 40%, 92%)`);
  background.addColorStop(1, `hsl(${randomInt(360)}, 40%, 86%)`);
  g.fillStyle = background;
  g.fillRect(0, 0, WIDTH, HEIGHT);

  for (let i = 0; i < 3; i += 1) {
    g.strokeStyle = `hsla(${randomInt(360)}, 50%, 55%, 0.7)`;
    g.lineWidth = rand(1, 2);
    g.beginPath();
    g.moveTo(rand(0, 20), rand(0, HEIGHT));
    g.bezierCurveTo(
      rand(20, 60),
      rand(0, HEIGHT),
      rand(60, 110),
      rand(0, HEIGHT),
      rand(110, WIDTH),
      rand(0, HEIGHT),
    );
    g.stroke();
  }

  const step = (WIDTH - 20) / answer.length;
  [...answer].forEach((char, i) => {
    g.save();
    g.translate(12 + step * i + rand(0, 6), HEIGHT / 2 + rand(-4, 4));
    g.rotate(rand(-0.45, 0.45));
    g.font = `bold ${randomInt(24, 31)}px "DejaVu Sans", sans-serif`;
    g.fillStyle = `hsl(${randomInt(360)}, 65%, ${randomInt(25, 40)}%)`;
    g.textBaseline = 'middle';
    g.fillText(char, 0, 0);
    g.restore();
  });

  for (let i = 0; i < 60; i += 1) {
    g.fillStyle = `hsla(${randomInt(360)}, 60%, 40%, 0.6)`;
    g.fillRect(rand(0, WIDTH), rand(0, HEIGHT), 1.5, 1.5);
  }

  // Sine warp: shift each column up or down.
  const source = g.getImageData(0, 0, WIDTH, HEIGHT);
  const warped = g.createImageData(WIDTH, HEIGHT);
  const amplitude = rand(2, 4);
  const period = rand(28, 44);
  const phase = rand(0, Math.PI * 2);
  for (let x = 0; x < WIDTH; x += 1) {
    const shift = Math.round(amplitude * Math.sin((x / period) * Math.PI * 2 + phase));
    for (let y = 0; y < HEIGHT; y += 1) {
      const from = Math.min(HEIGHT - 1, Math.max(0, y + shift));
      const to = (y * WIDTH + x) * 4;
      const at = (from * WIDTH + x) * 4;
      for (let c = 0; c < 4; c += 1) warped.data[to + c] = source.data[at + c] ?? 255;
    }
  }
  g.putImageData(warped, 0, 0);
  return canvas.toBuffer('image/png');
}
