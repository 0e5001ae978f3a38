import { type Canvas, createCanvas } from '@napi-rs/canvas';
import {
  font,
  guilloche,
  justified,
  type Pen,
  portrait,
  roundedRect,
  spaced,
  text,
  widthMm,
  wrap,
} from './draw-common.ts';
import { emblemDisc, star } from './draw-emblem.ts';
import { ensureFonts, SANS, SERIF } from './fonts.ts';
import type { Rng } from './rng.ts';
import type { IdCardBackTruth, IdCardTruth } from './truth.ts';

/**
 * The second-generation resident ID card (居民身份证), 85.6 × 54 mm, drawn at `scale` px/mm.
 * Portrait side: 姓名 / 性别 + 民族 / 出生 / 住址 (up to three lines) / 公民身份号码 along the bottom, photo in the
 * right third, labels in blue, values in black. Emblem side: national emblem, 中华人民共和国 居民身份证,
 * 签发机关 and 有效期限. Positions follow the real card, with a little random jitter per card as printing has.
 */
export const ID_CARD_MM = { width: 85.6, height: 54 } as const;

const LABEL_BLUE = ['#2f6fa8', '#3a78b0', '#2a659c'];
const INK = ['#111111', '#1a1a1a', '#202020'];

export function drawIdCardFront(truth: IdCardTruth, rng: Rng, scale: number): Canvas {
  const { canvas, pen } = blankCard(rng, scale);
  portrait(pen, 56 + rng.range(-0.5, 0.5), 6 + rng.range(-0.5, 0.5), 24, 31, rng);

  const label = rng.pick(LABEL_BLUE);
  const ink = rng.pick(INK);
  const dx = rng.range(-0.5, 0.5);
  const dy = rng.range(-0.5, 0.5);
  const labelX = 6.5 + dx;
  const valueX = 17 + dx;
  const row = (mm: number) => mm + dy;

  font(pen, SANS, 2.9);
  justified(pen, '姓名', labelX, row(10.5), 7.2, label);
  justified(pen, '性别', labelX, row(17), 7.2, label);
  justified(pen, '民族', 27.5 + dx, row(17), 7.2, label);
  justified(pen, '出生', labelX, row(23.5), 7.2, label);
  justified(pen, '住址', labelX, row(30), 7.2, label);
  font(pen, SANS, 2.9);
  text(pen, '公民身份号码', labelX, row(48.5), label);

  font(pen, SANS, 3.5);
  text(pen, truth.name, valueX, row(10.5), ink);
  text(pen, truth.gender, valueX, row(17), ink);
  text(pen, truth.ethnicity.replace(/族$/, ''), 37.5 + dx, row(17), ink);
  const [year = '', month = '', day = ''] = truth.birthDate.split('-');
  text(pen, year, valueX, row(23.5), ink);
  text(pen, '年', 26.5 + dx, row(23.5), ink);
  rightAligned(pen, String(Number(month)), 34.6 + dx, row(23.5), ink);
  text(pen, '月', 35.4 + dx, row(23.5), ink);
  rightAligned(pen, String(Number(day)), 42.6 + dx, row(23.5), ink);
  text(pen, '日', 43.4 + dx, row(23.5), ink);
  addressLines(pen, truth.address).forEach((line, index) => {
    text(pen, line, valueX, row(30 + index * 5), ink);
  });

  font(pen, SANS, 3.9);
  spaced(pen, truth.idNumber, 30.5 + dx, row(48.5), 2.58, ink);
  return canvas;
}

/** The address as printed: at most three lines of 36.5 mm. */
export function addressLines(pen: Pen, address: string): string[] {
  return wrap(pen, address, 36.5).slice(0, 3);
}

export function drawIdCardBack(truth: IdCardBackTruth, rng: Rng, scale: number): Canvas {
  const { canvas, pen } = blankCard(rng, scale);
  emblem(pen, 14, 15, 8.5);
  const ink = rng.pick(INK);
  font(pen, SERIF, 4.6, 'bold');
  text(pen, '中华人民共和国', 30, 13.5, ink);
  font(pen, SERIF, 7.5, 'bold');
  spaced(pen, '居民身份证', 28, 26, 9.5, ink);
  font(pen, SANS, 2.9);
  text(pen, '签发机关', 15, 42.5, ink);
  text(pen, '有效期限', 15, 48.5, ink);
  font(pen, SANS, 3.3);
  text(pen, truth.issuingAuthority, 29, 42.5, ink);
  const dotted = (date: string) => date.replaceAll('-', '.');
  const to = truth.validTo === '长期' ? '长期' : dotted(truth.validTo);
  text(pen, `${dotted(truth.validFrom)}-${to}`, 29, 48.5, ink);
  return canvas;
}

function rightAligned(pen: Pen, value: string, right: number, y: number, colour: string): void {
  text(pen, value, right - widthMm(pen, value), y, colour);
}

/** A card-sized canvas with the card's printed background, ready for one side's text. */
function blankCard(rng: Rng, scale: number): { canvas: Canvas; pen: Pen } {
  ensureFonts();
  const { width, height } = ID_CARD_MM;
  const canvas = createCanvas(Math.round(width * scale), Math.round(height * scale));
  const pen: Pen = { ctx: canvas.getContext('2d'), scale };
  cardBackground(pen, rng);
  return { canvas, pen };
}

function cardBackground(pen: Pen, rng: Rng): void {
  const { ctx, scale } = pen;
  const { width, height } = ID_CARD_MM;
  roundedRect(pen, 0, 0, width, height, 3.2);
  ctx.save();
  ctx.clip();
  const gradient = ctx.createLinearGradient(0, 0, width * scale, height * scale);
  gradient.addColorStop(0, rng.pick(['#f4f2ec', '#f2f4f1', '#f6f1ea']));
  gradient.addColorStop(0.5, rng.pick(['#eef1f2', '#f5efe9', '#f0f2ee']));
  gradient.addColorStop(1, rng.pick(['#f3ede4', '#ecf0f3', '#f4f0ea']));
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width * scale, height * scale);
  guilloche(pen, width, height, rng, ['#9bb8d3', '#d8a9a0', '#c7c08f', '#a9c8b5']);
  ctx.restore();
}

/** A simplified national emblem: a red disc, a gold ring and five stars. */
function emblem(pen: Pen, cx: number, cy: number, r: number): void {
  const { ctx } = pen;
  ctx.save();
  emblemDisc(pen, cx, cy, r, { ring: '#e0b43c', ringWidth: 1.2, starLift: 0.35 });
  for (let i = 0; i < 4; i += 1) {
    const angle = -Math.PI / 2 + (i - 1.5) * 0.45;
    star(pen, cx + Math.cos(angle) * r * 0.62, cy + 0.2 * r + Math.sin(angle) * r * 0.62, r * 0.1);
  }
  ctx.restore();
}
