import { describe, expect, it } from 'vitest';
import { isValidRegistrationNumber, registrationNumberCheckDigit } from '../../../forms/codes/index.ts';

describe('注册号 (15 digits, ISO 7064 MOD 11,10)', () => {
  it('accepts numbers printed on real pre-2015 licences', () => {
    for (const number of ['440125000195704', '310228001147825', '420111000230437', '430111000287680'])
      expect(isValidRegistrationNumber(number), number).toBe(true);
  });

  it('computes the check digit and refuses any one digit changed', () => {
    expect(registrationNumberCheckDigit('44012500019570')).toBe('4');
    const number = '440125000195704';
    for (let i = 0; i < 15; i += 1) {
      const digit = Number(number[i]);
      const changed = number.slice(0, i) + String((digit + 3) % 10) + number.slice(i + 1);
      expect(isValidRegistrationNumber(changed), changed).toBe(false);
    }
  });

  it('refuses what is not fifteen digits', () => {
    expect(isValidRegistrationNumber('1258123')).toBe(false);
    expect(isValidRegistrationNumber('44012500019570X')).toBe(false);
    expect(registrationNumberCheckDigit('4401250001957')).toBeUndefined();
  });
});
