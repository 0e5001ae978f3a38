import { districtOfIdNumber, interpretAddress } from '../fields/address.ts';
import { consensus } from '../fields/agreement.ts';
import { parseChineseDate } from '../fields/dates.ts';
import { interpretIdNumber } from '../fields/id-number.ts';
import { crossCheckPerson, interpretEthnicity, interpretName, readGender } from '../fields/person.ts';
import type { OcrField, RawReading } from '../fields/result.ts';
import type { TesseractPool } from '../pool/tesseract-pool.ts';
import { ID_CARD_FIELDS } from '../templates/id-card.template.ts';
import { readField } from './read-field.ts';
import type { DocumentView } from './view.ts';

/** Type of 3.5 mm at 9 px/mm is ≈ 30 px high, where chi_sim reads best. */
const PX_PER_MM = 9;
/**
 * Free text (names, addresses) has no table to check it against, so it is read twice more at other
 * resolutions: the engine's misreadings change with the scale (蓝 read as 赣 at 9 px/mm, right at 7.5 and 10.5),
 * the readings are voted on, and any disagreement means the value needs confirmation.
 */
const EXTRA_PX_PER_MM = [7.5, 10.5];
const READ_AGAIN = new Set(['name', 'address']);

export type IdCardFields = Record<
  'name' | 'gender' | 'ethnicity' | 'birthDate' | 'address' | 'idNumber',
  OcrField
>;

/** Reads the portrait side: every field in parallel, then the cross-checks between them. */
export async function readIdCard(view: DocumentView, pool: TesseractPool): Promise<IdCardFields> {
  const readings = Object.fromEntries(
    await Promise.all(
      ID_CARD_FIELDS.map(
        async (layout) =>
          [
            layout.key,
            await readField(view, { ...layout, pxPerMm: PX_PER_MM, channel: 'red' }, pool),
          ] as const,
      ),
    ),
  ) as Record<string, RawReading>;
  const extra = Object.fromEntries(
    await Promise.all(
      ID_CARD_FIELDS.filter((layout) => READ_AGAIN.has(layout.key)).map(
        async (layout) =>
          [
            layout.key,
            await Promise.all(
              EXTRA_PX_PER_MM.map((pxPerMm) => readField(view, { ...layout, pxPerMm, channel: 'red' }, pool)),
            ),
          ] as const,
      ),
    ),
  ) as Record<string, RawReading[]>;
  return interpretIdCard(readings, extra);
}

/**
 * The text-level half of reading an ID card (unit-tested without images). `extra` holds further readings of
 * the free-text fields; a field whose readings disagree needs confirmation.
 */
export function interpretIdCard(
  readings: Record<string, RawReading>,
  extra: Record<string, RawReading[]> = {},
): IdCardFields {
  const empty: RawReading = { text: '', symbols: [] };
  const get = (key: string) => readings[key] ?? empty;
  const printedGender = readGender(get('gender'));
  const printedBirth = parseChineseDate(get('birthDate').text)?.value;
  const idNumber = interpretIdNumber(get('idNumber'), { birthDate: printedBirth, gender: printedGender });
  const { gender, birthDate } = crossCheckPerson(idNumber, printedGender, get('gender'), get('birthDate'));
  const twice = (key: string, interpret: (reading: RawReading) => OcrField) =>
    consensus([get(key), ...(extra[key] ?? [])].map(interpret));
  return {
    name: twice('name', (r) => interpretName(r)),
    gender,
    ethnicity: twice('ethnicity', interpretEthnicity),
    birthDate,
    address: twice('address', (r) => interpretAddress(r, '住址', districtOfIdNumber(idNumber.value))),
    idNumber,
  };
}
