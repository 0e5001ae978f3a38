import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, OcrInputError, type OcrResult, type OcrService } from '../../ocr/index.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/ocr/', import.meta.url));
const image = (file: string) => readFileSync(`${FIXTURES}${file}`);
interface Entry {
  truth: { kind: string; fields: Record<string, string> } | null;
}
const truthOf = (file: string, index = 'truth.json'): Record<string, string> => {
  const all = JSON.parse(readFileSync(`${FIXTURES}${index}`, 'utf8')) as Record<string, Entry>;
  const entry = all[file.replace(/^reference\//, '')];
  if (!entry?.truth) throw new Error(`no truth for ${file}`);
  const { variant: _variant, ...fields } = entry.truth.fields;
  return fields;
};

/** Fields whose value equals the truth; fails the test on any confident value that is wrong. */
function check(result: OcrResult, truth: Record<string, string>): string[] {
  const exact: string[] = [];
  for (const [key, expected] of Object.entries(truth)) {
    const field = result.fields[key];
    expect(field, key).toBeDefined();
    if (field?.status === 'confident')
      expect(field.value, `${key} is confident, so it must be right`).toBe(expected);
    if (field?.value === expected) exact.push(key);
  }
  return exact;
}

describe('reading the committed documents', () => {
  let ocr: OcrService;
  beforeAll(async () => {
    ocr = await createOcrService({ workers: 2 });
  });
  afterAll(() => ocr.close());

  it('reads the portrait side of a phone-photographed ID card', async () => {
    const result = await ocr.recognise(image('id-card-phone.jpg'));
    expect(result.documentType).toBe('idCardFront');
    const exact = check(result, truthOf('id-card-phone.jpg'));
    expect(exact).toEqual(expect.arrayContaining(['name', 'gender', 'ethnicity', 'birthDate', 'idNumber']));
    expect(result.fields.gender?.code).toMatch(/^[12]$/);
    expect(result.fields.ethnicity?.code).toBe('01');
  });

  it('turns an upside-down photo the right way up', async () => {
    const result = await ocr.recognise(image('id-card-upside-down.jpg'), { type: 'idCard' });
    expect(result.documentType).toBe('idCardFront');
    expect(check(result, truthOf('id-card-upside-down.jpg')).length).toBeGreaterThanOrEqual(5);
  });

  it.each([['person-1.jpg'], ['person-2.jpg'], ['person-3.jpg']])(
    'reads every field of the reference case photo %s',
    async (file) => {
      const result = await ocr.recognise(image(`reference/${file}`));
      const truth = truthOf(file, 'reference/truth.json');
      expect(check(result, truth).sort()).toEqual(Object.keys(truth).sort());
    },
  );

  it.each([
    ['licence-company.jpg', 'company', '法定代表人'],
    ['licence-individual.jpg', 'individual', '经营者'],
    ['licence-sole.jpg', 'sole', '投资人'],
  ])('reads the licence %s with its own labels', async (file, variant, personLabel) => {
    const result = await ocr.recognise(image(file));
    expect(result.documentType).toBe('businessLicence');
    expect(result.licenceVariant).toBe(variant);
    expect(result.fields.legalRepresentative?.label).toBe(personLabel);
    const truth = truthOf(file);
    const exact = check(result, truth);
    // At most one field missed (complex characters such as 曦 are caught, not fixed).
    expect(Object.keys(truth).length - exact.length).toBeLessThanOrEqual(1);
    expect(exact).toContain('creditCode');
  });

  it('recognises the emblem side and says to upload the portrait side', async () => {
    const result = await ocr.recognise(image('id-card-back.jpg'));
    expect(result.documentType).toBe('idCardBack');
    // The emblem side's own fields are read too; the portrait side is what the upload slot wanted.
    expect(Object.keys(result.fields).sort()).toEqual(['issuingAuthority', 'validity']);
    expect(result.fields.validity?.value).toMatch(/^\d{4}-\d{2}-\d{2}至(\d{4}-\d{2}-\d{2}|长期)$/);
    expect(result.warnings.join()).toContain('国徽面');
  });

  it('refuses a document that is neither an ID card nor a licence', async () => {
    const attempt = ocr.recognise(image('lease-contract.jpg'));
    await expect(attempt).rejects.toBeInstanceOf(OcrInputError);
    await expect(attempt).rejects.toThrow(/未找到身份证人像面或营业执照/);
  });

  it('refuses a truncated JPEG and a non-image with a clear error, and keeps serving', async () => {
    for (const file of ['truncated.jpg', 'not-an-image.pdf']) {
      const attempt = ocr.recognise(image(file));
      await expect(attempt).rejects.toMatchObject({ code: 'OCR_INPUT_INVALID' });
      await expect(attempt).rejects.toThrow(/不是图片或图片已损坏/);
    }
    await expect(ocr.recognise(Buffer.alloc(0))).rejects.toThrow(/空的/);
    const after = await ocr.recognise(image('reference/person-2.jpg'));
    expect(after.fields.name?.value).toBe(truthOf('person-2.jpg', 'reference/truth.json').name);
  });
});
