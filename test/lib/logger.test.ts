import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../lib/logger.ts';
import { maskIdNumber, maskPhone, redactText } from '../../lib/redact.ts';

const ID = '11010519491231002X';
const PHONE = '13812345678';
const PASSWORD = 'Portal#Pass2026';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { logger: createLogger({ level: 'debug', destination: stream }), text: () => text };
}

describe('logs never carry ID numbers, phones or passwords', () => {
  it('masks by key, by shape in strings, in nested objects, in messages and in errors', () => {
    const { logger, text } = capture();
    logger.info({ person: { name: '张三', idNumber: ID, phone: PHONE } }, 'saved');
    logger.info({ portal: 'tax', credentials: { username: 'agent01', password: PASSWORD } }, 'login');
    logger.warn(`portal said: 证件号码 ${ID} 与手机 ${PHONE} 不匹配`);
    logger.error({ err: new Error(`rejected ${ID}`) }, 'submit failed');
    logger.info({ rows: [{ note: `call ${PHONE}` }] }, 'nested');
    const out = text();
    expect(out).not.toContain(ID);
    expect(out).not.toContain(PHONE);
    expect(out).not.toContain(PASSWORD);
    expect(out).toContain('张三');
    expect(out).toContain('agent01');
    expect(out).toContain('138****5678');
  });

  it('masks in a way a person can still tell two values apart', () => {
    expect(maskIdNumber(ID)).toBe('1101************2X');
    expect(maskPhone(PHONE)).toBe('138****5678');
    expect(redactText('receipt 2026112200001 ok')).toBe('receipt 2026112200001 ok');
  });
});
