import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  generateCreditCode,
  generateIdNumber,
  idNumberCheckChar,
  isValidCreditCode,
  isValidIdNumber,
  orgCodeCheckChar,
  parseIdNumber,
  validateCreditCode,
  validateIdNumber,
} from '../../../forms/codes/index.ts';

const region = fc.constantFrom('350603', '350102', '110105', '310112', '350681');
const creditSerial = fc.integer({ min: 0, max: 31 ** 6 - 1 });
const birthDate = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Every string that differs from `code` in exactly one position, over `alphabet`. */
function singleChanges(code: string, alphabet: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (const c of alphabet) if (c !== code[i]) out.push(code.slice(0, i) + c + code.slice(i + 1));
  }
  return out;
}

describe('GB 32100 统一社会信用代码', () => {
  it('accepts the published examples and computes their check characters', () => {
    for (const code of ['91110108700338416R', '91310112MA1GBKRE47']) {
      expect(validateCreditCode(code)).toMatchObject({ valid: true, value: code });
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
    expect(validateCreditCode('91110108700338416r')).toMatchObject({ valid: true, orgCode: '700338416' });
  });

  it('checks the embedded 组织机构代码 (GB 11714)', () => {
    expect(orgCodeCheckChar('70033841')).toBe('6');
    expect(orgCodeCheckChar('MA1GBKRE')).toBe('4');
    // Position 17 wrong but the 18th recomputed to match: only the GB 11714 check can catch it.
    const first17 = '91110108700338417';
    expect(validateCreditCode(first17 + creditCodeCheckChar(first17))).toMatchObject({
      valid: false,
      problem: 'orgCheck',
    });
  });

  it('names the problem', () => {
    expect(validateCreditCode('9111010870033841')).toMatchObject({ valid: false, problem: 'length' });
    expect(validateCreditCode('91110108700338416I')).toMatchObject({ valid: false, problem: 'charset' });
    expect(validateCreditCode('91110108700338416A')).toMatchObject({ valid: false, problem: 'checkChar' });
  });

  it('generated codes are valid, carry the region and differ by serial', () => {
    fc.assert(
      fc.property(region, creditSerial, (r, serial) => {
        const code = generateCreditCode({ region: r, serial });
        const result = validateCreditCode(code);
        expect(result).toMatchObject({ valid: true, region: r });
        expect(code.slice(0, 2)).toBe('91');
        expect(code.slice(8, 10)).toBe('MA');
      }),
    );
    expect(generateCreditCode({ region: '350603', serial: 1 })).not.toBe(
      generateCreditCode({ region: '350603', serial: 2 }),
    );
  });

  it('any single-character change of a valid code fails', () => {
    fc.assert(
      fc.property(region, creditSerial, (r, serial) => {
        const code = generateCreditCode({ region: r, serial });
        for (const changed of singleChanges(code, CREDIT_CODE_CHARSET))
          expect(isValidCreditCode(changed)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});

describe('GB 11643 公民身份号码', () => {
  it('accepts the example from the standard, also with a lowercase x', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({
      valid: true,
      value: '11010519491231002X',
      region: '110105',
      birthDate: '1949-12-31',
      gender: '2',
    });
    expect(validateIdNumber(' 11010519491231002x ')).toMatchObject({
      valid: true,
      value: '11010519491231002X',
    });
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('names the problem', () => {
    expect(validateIdNumber('1101051949123100')).toMatchObject({ valid: false, problem: 'format' });
    expect(validateIdNumber('110105194902301234')).toMatchObject({ valid: false, problem: 'birthDate' });
    expect(validateIdNumber('110105194912310021')).toMatchObject({ valid: false, problem: 'checkChar' });
    expect(parseIdNumber('110105194912310021')).toBeUndefined();
  });

  it('generated numbers are valid and carry region, birth date and gender', () => {
    fc.assert(
      fc.property(
        region,
        birthDate,
        fc.constantFrom('1' as const, '2' as const),
        fc.integer({ min: 0, max: 498 }),
        (r, birth, gender, serial) => {
          const id = generateIdNumber({ region: r, birthDate: birth, gender, serial });
          expect(parseIdNumber(id)).toEqual({ value: id, region: r, birthDate: birth, gender });
        },
      ),
    );
  });

  it('any single-character change of a valid number fails', () => {
    fc.assert(
      fc.property(region, birthDate, fc.integer({ min: 0, max: 498 }), (r, birth, serial) => {
        const id = generateIdNumber({ region: r, birthDate: birth, gender: '1', serial });
        for (const changed of singleChanges(id, '0123456789X')) expect(isValidIdNumber(changed)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});
