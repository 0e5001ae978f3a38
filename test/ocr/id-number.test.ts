import { describe, expect, it } from 'vitest';
import { generateIdNumber, isValidIdNumber } from '../../forms/codes/index.ts';
import { interpretIdNumber, repairs } from '../../ocr/fields/id-number.ts';
import { reading } from './reading.ts';

const NUMBER = generateIdNumber({ region: '350603', birthDate: '1990-03-07', gender: '2', serial: 61 });
const PRINTED = { birthDate: '1990-03-07', gender: '女' as const };

describe('公民身份号码 repair and cross-checks', () => {
  it('accepts a number that passes its check and agrees with 出生 and 性别', () => {
    const field = interpretIdNumber(reading(NUMBER), PRINTED);
    expect(field).toMatchObject({ value: NUMBER, status: 'confident' });
  });

  it('maps letters that look like digits (O/0, I/1, Z/2, S/5, B/8) and stays confident', () => {
    const lookalike = `${NUMBER.slice(0, 6)}I99O${NUMBER.slice(10)}`;
    const expected = `${NUMBER.slice(0, 6)}1990${NUMBER.slice(10)}`;
    expect(expected).toBe(NUMBER);
    expect(interpretIdNumber(reading(lookalike), PRINTED)).toMatchObject({
      value: NUMBER,
      status: 'confident',
    });
  });

  it('drops an extra character only when one candidate passes and matches the card, and asks to confirm', () => {
    const extra = `${NUMBER.slice(0, 9)}7${NUMBER.slice(9)}`;
    const field = interpretIdNumber(reading(extra), PRINTED);
    expect(field.value).toBe(NUMBER);
    expect(field.status).toBe('needs-confirmation');
    expect(field.notes.join()).toContain('校验位修正');
  });

  it('repairs one wrong digit only with the printed birth date and gender, never confidently', () => {
    const slip = `${NUMBER.slice(0, 15)}${(Number(NUMBER[15]) + 3) % 10}${NUMBER.slice(16)}`;
    expect(isValidIdNumber(slip)).toBe(false);
    const field = interpretIdNumber(reading(slip), PRINTED);
    expect(field.status).toBe('needs-confirmation');
    // Without the printed fields nothing is guessed.
    expect(interpretIdNumber(reading(slip), {}).value).toBe(slip);
    expect(interpretIdNumber(reading(slip), {}).status).toBe('needs-confirmation');
  });

  it('lists every valid one-edit repair so an ambiguous slip is not silently chosen', () => {
    const slip = `${NUMBER.slice(0, 15)}${(Number(NUMBER[15]) + 3) % 10}${NUMBER.slice(16)}`;
    expect(repairs(slip).length).toBeGreaterThan(1);
    expect(repairs(slip)).toContain(NUMBER);
  });

  it('does not trust a valid number that contradicts the printed 出生', () => {
    const field = interpretIdNumber(reading(NUMBER), { birthDate: '1991-03-07', gender: '女' });
    expect(field.status).toBe('needs-confirmation');
    expect(field.notes.join()).toContain('出生日期');
  });

  it('does not trust a valid number that contradicts the printed 性别', () => {
    const field = interpretIdNumber(reading(NUMBER), { birthDate: '1990-03-07', gender: '男' });
    expect(field.status).toBe('needs-confirmation');
    expect(field.notes.join()).toContain('性别');
  });

  it('asks for confirmation when the characters were read with little confidence', () => {
    expect(interpretIdNumber(reading(NUMBER, 30), PRINTED).status).toBe('needs-confirmation');
  });

  it('reports too little text as unreadable', () => {
    expect(interpretIdNumber(reading('3506'), PRINTED)).toMatchObject({ value: null, status: 'unreadable' });
  });

  it('accepts a lowercase x as the check character', () => {
    const candidates = Array.from({ length: 499 }, (_, serial) =>
      generateIdNumber({ region: '350603', birthDate: '1985-11-30', gender: '1', serial }),
    );
    const endsInX = candidates.find((n) => n.endsWith('X')) ?? '';
    expect(endsInX).toMatch(/X$/);
    const field = interpretIdNumber(reading(endsInX.toLowerCase()), {
      birthDate: '1985-11-30',
      gender: '男',
    });
    expect(field).toMatchObject({ value: endsInX, status: 'confident' });
  });
});
