import { type Canvas, createCanvas } from '@napi-rs/canvas';
import { capitalInWords } from '../fields/capital.ts';
import { font, guilloche, justified, type Pen, spaced, text, widthMm, wrap } from './draw-common.ts';
import { emblemDisc, star } from './draw-emblem.ts';
import { ensureFonts, SANS, SERIF } from './fonts.ts';
import type { Rng } from './rng.ts';
import type { LicenceTruth } from './truth.ts';

/**
 * The 2019 business licence (营业执照, 副本), A4 landscape (297 × 210 mm), drawn at `scale` px/mm:
 * credit code top left, QR code top right, emblem and title in the centre, a left column (名称 / 类型 /
 * 法定代表人 / 经营范围) and a right column (注册资本 / 成立日期 / 营业期限 / 住所), 登记机关 with the red seal and
 * the date bottom right. 个体工商户 and 个人独资企业 licences carry other labels in the same grid. The title is red
 * ink or, on 40 % of them, gold foil.
 */
export const LICENCE_MM = { width: 297, height: 210 } as const;

/** Where each printed row sits: column and baseline (mm). The reader's template mirrors the real layout. */
export const LICENCE_ROWS = { left: [75, 86, 97, 108], right: [75, 86, 97, 108] } as const;

export interface LicenceLabels {
  left: [string, keyof LicenceTruth][];
  right: [string, keyof LicenceTruth][];
}

export function licenceLabels(variant: LicenceTruth['variant']): LicenceLabels {
  switch (variant) {
    case 'company':
      return {
        left: [
          ['名称', 'name'],
          ['类型', 'type'],
          ['法定代表人', 'legalRepresentative'],
          ['经营范围', 'businessScope'],
        ],
        right: [
          ['注册资本', 'registeredCapital'],
          ['成立日期', 'establishedDate'],
          ['营业期限', 'businessTerm'],
          ['住所', 'domicile'],
        ],
      };
    case 'individual':
      return {
        left: [
          ['名称', 'name'],
          ['类型', 'type'],
          ['经营者', 'legalRepresentative'],
          ['经营范围', 'businessScope'],
        ],
        right: [
          ['组成形式', 'compositionForm'],
          ['注册日期', 'establishedDate'],
          ['经营场所', 'domicile'],
        ],
      };
    case 'sole':
      return {
        left: [
          ['名称', 'name'],
          ['类型', 'type'],
          ['投资人', 'legalRepresentative'],
          ['经营范围', 'businessScope'],
        ],
        right: [
          ['成立日期', 'establishedDate'],
          ['住所', 'domicile'],
        ],
      };
  }
}

/**
 * A gold-foil title: pale metallic gold with a sheen across it and a thin darker edge where the embossing
 * catches the light — little contrast with the cream paper.
 */
function foilTitle(pen: Pen, value: string, x: number, y: number, pitch: number): void {
  const { ctx, scale: s } = pen;
  const sheen = ctx.createLinearGradient(x * s, (y - 13) * s, (x + pitch * value.length) * s, y * s);
  sheen.addColorStop(0, '#b8923a');
  sheen.addColorStop(0.35, '#ead58f');
  sheen.addColorStop(0.6, '#c49a3c');
  sheen.addColorStop(1, '#e2c778');
  ctx.save();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = sheen;
  ctx.strokeStyle = 'rgba(140, 105, 40, 0.5)';
  ctx.lineWidth = 0.12 * s;
  [...value].forEach((char, index) => {
    ctx.fillText(char, (x + index * pitch) * s, y * s);
    ctx.strokeText(char, (x + index * pitch) * s, y * s);
  });
  ctx.restore();
}

/** How a normalised value is printed on the licence. */
export function printedValue(key: keyof LicenceTruth, truth: LicenceTruth, rng: Rng): string {
  const value = String(truth[key] ?? '');
  if (key === 'establishedDate' || key === 'issueDate') return chineseDate(value);
  if (key === 'businessTerm') {
    const [from = '', to = ''] = value.split('至');
    return `${chineseDate(from)}至${to === '长期' ? '长期' : chineseDate(to)}`;
  }
  if (key === 'registeredCapital') return `${rng.chance(0.3) ? '人民币' : ''}${capitalInWords(value)}`;
  return value;
}

export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${month}月${day}日`;
}

export function drawLicence(truth: LicenceTruth, rng: Rng, scale: number): Canvas {
  ensureFonts();
  const { width, height } = LICENCE_MM;
  const canvas = createCanvas(Math.round(width * scale), Math.round(height * scale));
  const pen: Pen = { ctx: canvas.getContext('2d'), scale };
  const { ctx } = pen;
  ctx.fillStyle = rng.pick(['#fbf8f1', '#fdfbf6', '#f8f5ec']);
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  guilloche(pen, width, height, rng, ['#e3c9a0', '#d9b9b0', '#e8d8b8']);
  frame(pen, rng);

  const ink = rng.pick(['#111111', '#1b1b1b']);
  const dx = rng.range(-0.8, 0.8);
  const dy = rng.range(-0.8, 0.8);

  font(pen, SANS, 3.6);
  text(pen, '统一社会信用代码', 22 + dx, 30 + dy, ink);
  font(pen, SANS, 4.2);
  spaced(pen, truth.creditCode, 22 + dx, 37.5 + dy, 2.75, ink);

  qrCode(pen, 246, 16, 28, rng);
  font(pen, SANS, 1.9);
  text(pen, '扫描市场主体身份码', 245, 48.5, ink);
  text(pen, '了解更多登记、备案、', 245, 51.5, ink);
  text(pen, '许可、监管信息', 245, 54.5, ink);

  emblem(pen, 148.5, 25, 11);
  font(pen, SERIF, 13, 'bold');
  // Many real licences print the title in gold foil, which reads far worse than red ink.
  if (rng.chance(0.4)) foilTitle(pen, '营业执照', 113, 56, 18);
  else spaced(pen, '营业执照', 113, 56, 18, '#b5121b');
  font(pen, SERIF, 4.5);
  text(pen, '（副　本）', 186, 56, ink);

  const labels = licenceLabels(truth.variant);
  const rowGap = 11;
  column(pen, truth, labels.left, 30 + dx, 58 + dx, 145, 75 + dy, rowGap, ink, rng);
  column(pen, truth, labels.right, 160 + dx, 186 + dx, 275, 75 + dy, rowGap, ink, rng);

  font(pen, SANS, 4.2);
  text(pen, '登记机关', 186 + dx, 176 + dy, ink);
  font(pen, SANS, 4.2);
  text(pen, chineseDate(truth.issueDate), 207 + dx, 188 + dy, ink);
  seal(pen, 228 + rng.range(-3, 3), 176 + rng.range(-3, 3), truth.registrationAuthority, rng);

  font(pen, SANS, 2.2);
  text(pen, '国家企业信用信息公示系统网址：http://www.gsxt.gov.cn', 22, 197, ink);
  text(
    pen,
    '市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告。',
    22,
    200.5,
    ink,
  );
  text(pen, '国家市场监督管理总局监制', 240, 200.5, ink);
  return canvas;
}

function column(
  pen: Pen,
  truth: LicenceTruth,
  rows: [string, keyof LicenceTruth][],
  labelX: number,
  valueX: number,
  right: number,
  top: number,
  gap: number,
  ink: string,
  rng: Rng,
): void {
  let y = top;
  for (const [label, key] of rows) {
    font(pen, SANS, 4.2);
    justified(pen, label, labelX, y, 20, ink);
    const lines = wrap(pen, printedValue(key, truth, rng), right - valueX);
    lines.forEach((line, index) => {
      text(pen, line, valueX, y + index * 6.2, ink);
    });
    y += Math.max(gap, lines.length * 6.2 + 4.8);
  }
}

function frame(pen: Pen, rng: Rng): void {
  const { ctx, scale: s } = pen;
  ctx.save();
  ctx.strokeStyle = rng.pick(['#b8955a', '#a9874d', '#c29e63']);
  ctx.lineWidth = 1.6 * s;
  ctx.strokeRect(7 * s, 7 * s, 283 * s, 196 * s);
  ctx.lineWidth = 0.35 * s;
  ctx.strokeRect(10 * s, 10 * s, 277 * s, 190 * s);
  ctx.restore();
}

function qrCode(pen: Pen, x: number, y: number, size: number, rng: Rng): void {
  const { ctx, scale: s } = pen;
  const modules = 29;
  const m = size / modules;
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect((x - 1) * s, (y - 1) * s, (size + 2) * s, (size + 2) * s);
  ctx.fillStyle = '#111111';
  const finder = (fx: number, fy: number) => {
    ctx.fillRect((x + fx * m) * s, (y + fy * m) * s, 7 * m * s, 7 * m * s);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect((x + (fx + 1) * m) * s, (y + (fy + 1) * m) * s, 5 * m * s, 5 * m * s);
    ctx.fillStyle = '#111111';
    ctx.fillRect((x + (fx + 2) * m) * s, (y + (fy + 2) * m) * s, 3 * m * s, 3 * m * s);
  };
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) {
      const inFinder =
        (row < 8 && col < 8) || (row < 8 && col > modules - 9) || (row > modules - 9 && col < 8);
      if (!inFinder && rng.chance(0.5))
        ctx.fillRect((x + col * m) * s, (y + row * m) * s, m * s + 0.5, m * s + 0.5);
    }
  }
  finder(0, 0);
  finder(modules - 7, 0);
  finder(0, modules - 7);
  ctx.restore();
}

function emblem(pen: Pen, cx: number, cy: number, r: number): void {
  pen.ctx.save();
  emblemDisc(pen, cx, cy, r, { ring: '#d9a93a', ringWidth: 1.4, starLift: 0.3 });
  pen.ctx.restore();
}

/** The registrar's round red seal, translucent like ink, with its name along the top arc. */
function seal(pen: Pen, cx: number, cy: number, name: string, rng: Rng): void {
  const { ctx, scale: s } = pen;
  const r = 20;
  ctx.save();
  ctx.globalAlpha = rng.range(0.55, 0.8);
  ctx.strokeStyle = '#d7261e';
  ctx.fillStyle = '#d7261e';
  ctx.lineWidth = 1.1 * s;
  ctx.beginPath();
  ctx.arc(cx * s, cy * s, r * s, 0, Math.PI * 2);
  ctx.stroke();
  star(pen, cx, cy, 5.5);
  font(pen, SANS, 3.6, 'bold');
  const chars = [...name];
  const sweep = Math.min(Math.PI * 1.25, chars.length * 0.26);
  chars.forEach((char, index) => {
    const angle = -Math.PI / 2 - sweep / 2 + (sweep * (index + 0.5)) / chars.length;
    ctx.save();
    ctx.translate((cx + Math.cos(angle) * (r - 4.2)) * s, (cy + Math.sin(angle) * (r - 4.2)) * s);
    ctx.rotate(angle + Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText(char, 0, 0);
    ctx.restore();
  });
  font(pen, SANS, 2.8, 'bold');
  const bottom = '登记专用章';
  text(pen, bottom, cx - widthMm(pen, bottom) / 2, cy + 11, '#d7261e');
  ctx.restore();
}
