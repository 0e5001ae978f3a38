/**
 * Writes the committed OCR fixtures (run by hand: `npx tsx test/ocr/generate-fixtures.ts`). Everything is
 * generated from fixed seeds, so running it again gives the same files. Images are kept small (JPEG, modest
 * resolution): the whole folder stays at a few hundred KB.
 *
 * test/fixtures/ocr/
 *   truth.json                 ground truth and damage of every sample below
 *   id-card-phone.jpg          portrait side, phone-like
 *   id-card-upside-down.jpg    portrait side photographed upside down (EXIF orientation lost)
 *   id-card-back.jpg           emblem side (must be recognised as such, not read)
 *   licence-company.jpg        公司 licence, phone-like
 *   licence-individual.jpg     个体工商户 licence, phone-like
 *   licence-sole.jpg           个人独资企业 licence, clean
 *   lease-contract.jpg         a different document (租赁合同): no ID card or licence in it
 *   truncated.jpg              the first 3 KB of a JPEG
 *   not-an-image.pdf           text, not an image
 *   reference/person-{1,2,3}.jpg and reference/truth.json: the reference case's three people (open-company)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { generateIdNumber } from '../../forms/codes/index.ts';
import { type Condition, generateSample, photographIdCard, type Sample } from '../../ocr/synth/dataset.ts';
import { ensureFonts, SANS } from '../../ocr/synth/fonts.ts';
import { phonePhoto, randomDamage } from '../../ocr/synth/phone-photo.ts';
import { Rng } from '../../ocr/synth/rng.ts';
import type { IdCardTruth, LicenceTruth } from '../../ocr/synth/truth.ts';

const DIR = new URL('../fixtures/ocr/', import.meta.url).pathname;

/** The reference case (开办企业 in 漳州市龙文区): legal representative, second shareholder, 财务负责人. */
const REFERENCE_PEOPLE: IdCardTruth[] = [
  {
    name: '林志强',
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1985-06-18',
    address: '福建省漳州市龙文区蓝田镇朝阳北路88号3幢1502室',
    idNumber: generateIdNumber({ region: '350603', birthDate: '1985-06-18', gender: '1', serial: 57 }),
  },
  {
    name: '陈雅琴',
    gender: '女',
    ethnicity: '汉族',
    birthDate: '1988-11-02',
    address: '福建省漳州市芗城区新桥街道胜利西路126号',
    idNumber: generateIdNumber({ region: '350602', birthDate: '1988-11-02', gender: '2', serial: 120 }),
  },
  {
    name: '蓝秀英',
    gender: '女',
    ethnicity: '畲族',
    birthDate: '1992-04-25',
    address: '福建省漳州市龙海区石码街道人民路45号2幢601室',
    idNumber: generateIdNumber({ region: '350605', birthDate: '1992-04-25', gender: '2', serial: 33 }),
  },
];

async function small(sample: Sample, width: number, quality: number): Promise<Buffer> {
  return sharp(sample.jpeg).resize({ width, withoutEnlargement: true }).jpeg({ quality }).toBuffer();
}

async function main(): Promise<void> {
  mkdirSync(join(DIR, 'reference'), { recursive: true });
  const truth: Record<string, unknown> = {};
  const save = (file: string, jpeg: Buffer, entry: unknown) => {
    writeFileSync(join(DIR, file), jpeg);
    truth[file] = entry;
  };

  const idPhone = await generateSample('idCard', 'phone', 11);
  save('id-card-phone.jpg', await small(idPhone, 1100, 70), { truth: idPhone.truth, damage: idPhone.damage });

  const upright = await generateSample('idCard', 'phone', 12);
  const upsideDown = await sharp(upright.jpeg)
    .rotate(180)
    .resize({ width: 1100 })
    .jpeg({ quality: 70 })
    .toBuffer();
  save('id-card-upside-down.jpg', upsideDown, {
    truth: upright.truth,
    damage: { ...upright.damage, turned: 180 },
  });

  const back = await generateSample('idCardBack', 'phone', 13);
  save('id-card-back.jpg', await small(back, 900, 60), { truth: back.truth, damage: back.damage });

  const licences: [string, LicenceTruth['variant'], Condition, number][] = [
    ['licence-company.jpg', 'company', 'phone', 21],
    ['licence-individual.jpg', 'individual', 'phone', 22],
    ['licence-sole.jpg', 'sole', 'clean', 23],
  ];
  for (const [file, variant, condition, seed] of licences) {
    const sample = await generateSample('businessLicence', condition, seed, variant);
    save(file, await small(sample, 1800, 45), { truth: sample.truth, damage: sample.damage });
  }

  save('lease-contract.jpg', await leaseContract(), { truth: null });
  writeFileSync(join(DIR, 'truncated.jpg'), idPhone.jpeg.subarray(0, 3000));
  writeFileSync(join(DIR, 'not-an-image.pdf'), '%PDF-1.4\n% 这不是图片，是一份文本。\n');
  writeFileSync(join(DIR, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);

  const reference: Record<string, unknown> = {};
  // Seeds chosen so that the photos read in full (the web app's browser test uploads them); the damage is
  // still typical of a phone: tilted, a little perspective and blur, uneven light, JPEG.
  const seeds = [990, 901, 902];
  for (const [index, person] of REFERENCE_PEOPLE.entries()) {
    const photo = await photographIdCard(person, seeds[index] ?? 900, {
      width: 1200,
      coverage: 0.75,
      glare: false,
      lowRes: 1,
      quarterTurns: 0,
      jpegQuality: 75,
    });
    const file = `person-${index + 1}.jpg`;
    writeFileSync(join(DIR, 'reference', file), photo.jpeg);
    reference[file] = { truth: { kind: 'id-card', fields: person }, damage: photo.damage };
  }
  writeFileSync(join(DIR, 'reference', 'truth.json'), `${JSON.stringify(reference, null, 2)}\n`);
}

/** A photographed lease contract: a sheet of Chinese text that is neither an ID card nor a licence. */
async function leaseContract(): Promise<Buffer> {
  ensureFonts();
  const rng = new Rng(31);
  const render = (scale: number) => {
    const canvas = createCanvas(Math.round(210 * scale), Math.round(297 * scale));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fbfbf8';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#161616';
    ctx.font = `bold ${8 * scale}px ${SANS}`;
    ctx.fillText('房屋租赁合同', 70 * scale, 30 * scale);
    ctx.font = `${4 * scale}px ${SANS}`;
    const lines = [
      '出租方（甲方）：漳州市龙文区某物业管理有限公司',
      '承租方（乙方）：林志强',
      '甲方将位于漳州市龙文区朝阳北路88号的房屋出租给乙方使用，',
      '租赁期限自2024年3月1日起至2027年2月28日止。',
      '月租金人民币叁仟元整，按季度支付。',
    ];
    lines.forEach((line, index) => {
      ctx.fillText(line, 20 * scale, (50 + index * 9) * scale);
    });
    return canvas;
  };
  const damage = {
    ...randomDamage(rng, { widths: [1000, 1000], coverage: [0.55, 0.55] }),
    glare: false,
    quarterTurns: 0 as const,
  };
  const photo = await phonePhoto(render, { width: 210, height: 297 }, damage, rng);
  return photo.jpeg;
}

await main();
