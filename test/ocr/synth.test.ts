import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isValidCreditCode, isValidIdNumber, parseIdNumber } from '../../forms/codes/index.ts';
import { capitalInWords } from '../../ocr/fields/capital.ts';
import { decodePhoto } from '../../ocr/image/decode.ts';
import { locateDocument } from '../../ocr/image/locate.ts';
import { generateSample } from '../../ocr/synth/dataset.ts';

describe('the synthetic document generator', () => {
  it('gives the same image and truth for the same seed, and different ones for another', async () => {
    const a = await generateSample('idCard', 'phone', 5);
    const b = await generateSample('idCard', 'phone', 5);
    const c = await generateSample('idCard', 'phone', 6);
    expect(a.jpeg.equals(b.jpeg)).toBe(true);
    expect(a.truth).toEqual(b.truth);
    expect(c.truth).not.toEqual(a.truth);
  });

  it('fills documents with valid data: check characters, birth date and gender in the ID number', async () => {
    for (let seed = 1; seed <= 5; seed += 1) {
      const { truth } = await generateSample('idCard', 'clean', seed);
      if (truth.kind !== 'id-card') throw new Error('expected an ID card');
      const parsed = parseIdNumber(truth.fields.idNumber);
      expect(isValidIdNumber(truth.fields.idNumber)).toBe(true);
      expect(parsed?.birthDate).toBe(truth.fields.birthDate);
      expect(parsed?.gender).toBe(truth.fields.gender === '男' ? '1' : '2');
    }
    for (const variant of ['company', 'individual', 'sole'] as const) {
      const { truth } = await generateSample('businessLicence', 'clean', 3, variant);
      if (truth.kind !== 'business-licence') throw new Error('expected a licence');
      expect(truth.fields.variant).toBe(variant);
      expect(isValidCreditCode(truth.fields.creditCode)).toBe(true);
      expect(truth.fields.creditCode[1]).toBe(variant === 'individual' ? '2' : '1');
      if (truth.fields.registeredCapital)
        expect(capitalInWords(truth.fields.registeredCapital)).toMatch(/万元整$/);
    }
  });

  it('damages phone photos the way phones do: tilted, smaller, compressed', async () => {
    const phone = await generateSample('businessLicence', 'phone', 8);
    const meta = await sharp(phone.jpeg).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.abs(phone.damage.rotationDeg)).toBeLessThanOrEqual(12);
    expect(phone.damage.jpegQuality).toBeLessThanOrEqual(85);
  });
});

describe('finding the document in a photo', () => {
  it('locates the card within a few pixels of where it was placed', async () => {
    for (const seed of [2, 3, 4]) {
      const sample = await generateSample('idCard', 'phone', seed);
      if (sample.damage.quarterTurns !== 0) continue;
      const photo = await decodePhoto(sample.jpeg);
      const found = locateDocument(photo.small);
      expect(found).not.toBeNull();
      const scale = photo.full.width / photo.small.width;
      found?.corners.forEach((corner, i) => {
        const truth = sample.corners[i];
        expect(
          Math.hypot(corner.x * scale - (truth?.x ?? 0), corner.y * scale - (truth?.y ?? 0)),
        ).toBeLessThan(8);
      });
    }
  });
});
