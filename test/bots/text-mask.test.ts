import { describe, expect, it } from 'vitest';
import { Secrets } from '../../bots/runtime/secrets.ts';
import { searchSpelling, sensitiveTexts } from '../../bots/runtime/text-mask.ts';

/** What the screenshots' search looks for (the browser side is test/bots/text-masking.test.ts). */
describe('the texts a run’s screenshots must not show', () => {
  const values = {
    unitName: '漳州云启软件科技有限公司',
    unitPhone: '138 0596 1234',
    'legalRep.phone': '138 0596 1234',
    'legalRep.idNumber': '35060319850612031x',
    'legalRep.name': '林志远',
    'payAccount.accountNo': '1410020309200123456',
    members: [
      { name: '陈思', idNumber: '350603199001011234', role: '监事' },
      { name: '王', idNumber: '350603199202021238' },
    ],
    smsCode: 'ask:sms-code',
    industry: 'auto:first',
  };
  const texts = sensitiveTexts(values, Secrets.of({ itemId: 'social-insurance', values }));

  it('holds the secrets and every person’s name, ID number and phone, group rows included', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        '35060319850612031X',
        '13805961234',
        '1410020309200123456',
        '林志远',
        '陈思',
        '350603199001011234',
        '350603199202021238',
      ]),
    );
  });

  it('leaves out what is not personal, directives and one-character values, longest first', () => {
    expect(texts).not.toContain(searchSpelling(values.unitName));
    expect(texts.some((t) => t.startsWith('ASK:') || t.startsWith('AUTO:'))).toBe(false);
    expect(texts).not.toContain('王');
    expect(texts).not.toContain('监事');
    expect([...texts].sort((a, b) => b.length - a.length)).toEqual(texts);
  });

  it('spells values as the page search compares them: no separators, upper case', () => {
    expect(searchSpelling('350603 19850612 031x')).toBe('35060319850612031X');
    expect(searchSpelling('138-0596\u00a01234')).toBe('13805961234');
    expect(searchSpelling('0596－1234')).toBe('05961234');
  });
});
