import { describe, expect, it } from 'vitest';
import { Secrets } from '../../bots/runtime/secrets.ts';
import { redactEntry } from '../../bots/runtime/trace.ts';

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

  it('overwrites ASCII secrets in entries that are not UTF-8 (a page in GBK) byte for byte', () => {
    const gbk = Buffer.concat([
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x20]), // 张三 in GBK: not UTF-8
      Buffer.from('350603198506120316 13805961234', 'latin1'),
    ]);
    const out = redactEntry(gbk, secrets);
    expect(out.length).toBe(gbk.length);
    expect(out.subarray(0, 5)).toEqual(gbk.subarray(0, 5));
    expect(out.toString('latin1')).not.toMatch(/350603198506120316|13805961234/);
    expect(out.subarray(5).toString('latin1')).toBe(`${'*'.repeat(18)} ${'*'.repeat(11)}`);
    // Text entries are searched as text.
    expect(redactEntry(Buffer.from('{"value":"13805961234"}'), secrets).toString()).toBe(
      '{"value":"******"}',
    );
  });
});
