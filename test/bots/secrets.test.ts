import { describe, expect, it } from 'vitest';
import { Secrets } from '../../bots/runtime/secrets.ts';

describe('the secrets of a run', () => {
  const secrets = Secrets.of({
    itemId: 'social-insurance',
    values: {
      unitName: '漳州云启软件科技有限公司',
      unitPhone: '13805961234',
      'legalRep.phone': '13805961234',
      'legalRep.idNumber': '350603198506120316',
      'payAccount.accountNo': '1410020309200123456',
      'legalRep.name': '林志远',
    },
    credentials: { username: 'yijian', password: 'Yi jian#2025/密' },
  });

  it('follows the data element, the field name and the value', () => {
    // payAccount.accountNo shows bank.accountNo, a sensitive element.
    expect(secrets.isSensitiveField('payAccount.accountNo')).toBe(true);
    expect(secrets.isSensitiveField('members[3].idNumber')).toBe(true);
    expect(secrets.isSensitiveField('unitPhone')).toBe(false);
    // …but its value is the legal representative's mobile.
    expect(secrets.covers('unitPhone', '13805961234')).toBe(true);
    expect(secrets.covers('unitName', '漳州云启软件科技有限公司')).toBe(false);
    expect(secrets.covers('legalRep.name', '林志远')).toBe(false);
  });

  it('cuts every secret from free text in the spellings a trace uses', () => {
    const text = [
      'fill("Yi jian#2025/密")',
      JSON.stringify({ value: 'Yi jian#2025/密' }),
      `pwd=${encodeURIComponent('Yi jian#2025/密').replace(/%20/g, '+')}`,
      'id 350603198506120316 tel 13805961234 acct 1410020309200123456 name 林志远',
    ].join('\n');
    const out = secrets.redact(text);
    expect(out).not.toMatch(/Yi jian|Yi\+jian|350603198506120316|13805961234|1410020309200123456/);
    expect(out).toContain('林志远');
  });

  it('adds values learnt during the run, but not directives', () => {
    const run = Secrets.of({ itemId: 'seal-engraving', values: {}, credentials: undefined });
    run.add('ask:sms-code');
    run.add(' 482913 ');
    expect(run.list()).toEqual(['482913']);
    expect(run.isSensitiveField('smsCode')).toBe(true);
  });
});
