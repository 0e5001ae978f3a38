import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, type OcrService } from '../../ocr/index.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/ocr-real/licence-2019-d012.jpg', import.meta.url));
const TRUTH = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../fixtures/ocr-real/licence-2019-d012.json', import.meta.url)),
    'utf8',
  ),
) as { fields: Record<string, string> };
const printed = (text: string | undefined) => text?.normalize('NFKC').replace(/\s+/g, '');

// One reader for both licences: starting it (loading the models) costs more than a read.
let ocr: OcrService;
beforeAll(async () => {
  ocr = await createOcrService({ workers: 1 });
}, 60_000);
afterAll(() => ocr?.close());

describe('a real photographed licence (2019 副本 with a 复印无效 overprint)', () => {
  it('reads it by its labels, proving the credit code, and says which fields the format does not print', async () => {
    const result = await ocr.recognise(readFileSync(FIXTURE));
    expect(result.documentType).toBe('businessLicence');
    expect(result.licenceFormat).toBe('2019-landscape');
    expect(result.fields.creditCode).toMatchObject({ value: TRUTH.fields.creditCode, status: 'confident' });
    for (const key of ['type', 'establishedDate', 'businessTerm', 'registeredCapital'])
      expect(printed(result.fields[key]?.printed), key).toBe(printed(TRUTH.fields[key]));
    expect(result.fields.registrationNumber?.status).toBe('absent');
    // Free text has nothing to prove it: it is shown for confirmation, never filed as confident.
    expect(result.fields.name?.status).not.toBe('confident');
  });

  it.each([90, 180, 270])('reads it turned by %i°, with or without EXIF', async (degrees) => {
    const turned = await sharp(readFileSync(FIXTURE)).rotate(degrees).jpeg({ quality: 90 }).toBuffer();
    const result = await ocr.recognise(turned);
    expect(result.fields.creditCode?.value).toBe(TRUTH.fields.creditCode);
    expect(result.turned).toBe((360 - degrees) % 360);
  });
});

describe('a real 2016 portrait 副本 whose legal representative the detector does not box', () => {
  it('reads the space after the label again as one line', async () => {
    const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ocr-real/${name}`, import.meta.url));
    const truth = JSON.parse(readFileSync(fixture('licence-2016-d035.json'), 'utf8')) as {
      fields: Record<string, string>;
    };
    const result = await ocr.recognise(readFileSync(fixture('licence-2016-d035.jpg')));
    expect(result.fields.legalRepresentative?.printed).toBe(truth.fields.legalRepresentative);
    // Read from the page alone, with no line of its own for the second engine: it waits for confirmation.
    expect(result.fields.legalRepresentative?.status).not.toBe('confident');
  }, 90_000);
});
