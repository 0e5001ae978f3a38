import type { Quad } from '../image/raw-image.ts';
import { randomLicence } from './companies.ts';
import { drawIdCardBack, drawIdCardFront, ID_CARD_MM } from './draw-id-card.ts';
import { drawLicence, LICENCE_MM } from './draw-licence.ts';
import { randomIdCardDamage } from './id-photo-damage.ts';
import { randomIdBack, randomPerson } from './people.ts';
import { type PhotoDamage, phonePhoto, randomDamage } from './phone-photo.ts';
import { Rng } from './rng.ts';
import type { DocumentTruth, IdCardTruth, LicenceTruth } from './truth.ts';
import { LICENCE_VARIANTS } from './truth.ts';

/**
 * Seeded synthetic documents with ground truth. `clean` is the document lying square on a plain background,
 * sharp and evenly lit (a good scan); `phone` adds everything a hand-held phone photo brings (see
 * phone-photo.ts) — for ID cards the harsher conditions of id-photo-damage.ts (any angle, small, shadows). The same kind, condition and seed always give the same image and truth.
 */
export type SampleKind = 'idCard' | 'idCardBack' | 'businessLicence';
export type Condition = 'clean' | 'phone';

export interface Sample {
  kind: SampleKind;
  condition: Condition;
  seed: number;
  jpeg: Buffer;
  truth: DocumentTruth;
  damage: PhotoDamage;
  /** The document's TL, TR, BR, BL in the photo (before any quarter turn). */
  corners: Quad;
}

const CLEAN: Omit<PhotoDamage, 'width' | 'coverage'> = {
  rotationDeg: 0,
  perspective: 0,
  blurSigma: 0.3,
  noise: 1,
  jpegQuality: 92,
  lightFloor: 1,
  glare: false,
  lowRes: 1,
  quarterTurns: 0,
};

export async function generateSample(
  kind: SampleKind,
  condition: Condition,
  seed: number,
  variant?: LicenceTruth['variant'],
): Promise<Sample> {
  const rng = new Rng(seed * 7919 + (kind === 'idCard' ? 1 : kind === 'idCardBack' ? 2 : 3));
  const dataRng = rng.fork();
  const drawRng = rng.fork();
  const photoRng = rng.fork();
  const isCard = kind !== 'businessLicence';
  const options = isCard
    ? { widths: [1000, 1500] as [number, number], coverage: [0.6, 0.85] as [number, number] }
    : { widths: [1900, 2600] as [number, number], coverage: [0.8, 0.92] as [number, number] };
  const damage =
    condition === 'clean'
      ? { ...CLEAN, width: isCard ? 1300 : 2400, coverage: isCard ? 0.8 : 0.9 }
      : isCard
        ? randomIdCardDamage(photoRng)
        : randomDamage(photoRng, options);
  let truth: DocumentTruth;
  let render: Parameters<typeof phonePhoto>[0];
  if (kind === 'idCard') {
    const fields: IdCardTruth = randomPerson(dataRng);
    truth = { kind: 'id-card', fields };
    render = (scale) => drawIdCardFront(fields, drawRng, scale);
  } else if (kind === 'idCardBack') {
    const fields = randomIdBack(dataRng, randomPerson(dataRng.fork()));
    truth = { kind: 'id-card-back', fields };
    render = (scale) => drawIdCardBack(fields, drawRng, scale);
  } else {
    const fields: LicenceTruth = randomLicence(dataRng, variant ?? dataRng.pick(LICENCE_VARIANTS));
    truth = { kind: 'business-licence', fields };
    render = (scale) => drawLicence(fields, drawRng, scale);
  }
  const photo = await phonePhoto(render, isCard ? ID_CARD_MM : LICENCE_MM, damage, photoRng);
  return { kind, condition, seed, jpeg: photo.jpeg, truth, damage, corners: photo.corners };
}

/** A phone photo of the portrait side of a given person (fixtures such as the reference case's people). */
export async function photographIdCard(
  person: IdCardTruth,
  seed: number,
  overrides: Partial<PhotoDamage> = {},
): Promise<{ jpeg: Buffer; damage: PhotoDamage }> {
  const rng = new Rng(seed);
  const drawRng = rng.fork();
  const photoRng = rng.fork();
  const damage = { ...randomDamage(photoRng, { widths: [1000, 1500], coverage: [0.6, 0.85] }), ...overrides };
  const photo = await phonePhoto(
    (scale) => drawIdCardFront(person, drawRng, scale),
    ID_CARD_MM,
    damage,
    photoRng,
  );
  return { jpeg: photo.jpeg, damage };
}
