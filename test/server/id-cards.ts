import { ETHNICITIES, ethnicityCodeOf } from '../../forms/codes/index.ts';
import { loadCase } from '../../forms/index.ts';
import { drawIdCardFront, ID_CARD_MM } from '../../ocr/synth/draw-id-card.ts';
import { type PhotoDamage, phonePhoto } from '../../ocr/synth/phone-photo.ts';
import { Rng } from '../../ocr/synth/rng.ts';
import type { IdCardTruth } from '../../ocr/synth/truth.ts';

/**
 * Photos of the three ID cards of forms/' reference case (林志远, 陈晓梅, 黄思琪; synthetic people with valid
 * check characters), drawn by ocr/'s generator as a phone would take them on a desk, with only mild damage.
 */
export interface ReferenceCard {
  person: string;
  truth: IdCardTruth;
  jpeg: Buffer;
}

const MILD: PhotoDamage = {
  rotationDeg: 1.5,
  perspective: 0.02,
  blurSigma: 0.4,
  noise: 2,
  jpegQuality: 90,
  lightFloor: 0.95,
  glare: false,
  lowRes: 1,
  quarterTurns: 0,
  width: 1300,
  coverage: 0.8,
};

function isoDate(printed: string): string {
  const [, y, m, d] = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(printed) ?? [];
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export async function referenceIdCards(): Promise<ReferenceCard[]> {
  const reference = await loadCase('reference');
  const cards: ReferenceCard[] = [];
  for (const [index, document] of reference.documents.filter((doc) => doc.kind === 'idCardFront').entries()) {
    const fields = document.fields ?? {};
    const truth: IdCardTruth = {
      name: fields.name ?? '',
      gender: fields.gender === '女' ? '女' : '男',
      ethnicity: ETHNICITIES.byCode(ethnicityCodeOf(fields.ethnicity ?? '') ?? '01')?.name ?? '汉族',
      birthDate: isoDate(fields.birthDate ?? ''),
      address: fields.address ?? '',
      idNumber: fields.idNumber ?? '',
    };
    const rng = new Rng(4242 + index);
    const photo = await phonePhoto(
      (scale) => drawIdCardFront(truth, rng.fork(), scale),
      ID_CARD_MM,
      MILD,
      rng.fork(),
    );
    cards.push({ person: document.person ?? '', truth, jpeg: photo.jpeg });
  }
  return cards;
}
