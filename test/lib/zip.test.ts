import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, readZip, writeZip } from '../../lib/zip.ts';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('zip', () => {
  const entries = [
    { name: 'trace.trace', data: Buffer.from('{"method":"fill","params":{"value":"张三"}}\n'.repeat(50)) },
    { name: 'resources/空.bin', data: Buffer.alloc(0) },
    { name: 'resources/x.bin', data: Buffer.from([0, 1, 2, 255, 254]) },
  ];

  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('reads back what it writes', () => {
    expect(readZip(writeZip(entries))).toEqual(entries);
  });

  it.skipIf(!hasUnzip)('writes zips that the unzip tool reads and tests', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yijian-zip-'));
    try {
      const file = join(dir, 'a.zip');
      writeFileSync(file, writeZip(entries));
      execFileSync('unzip', ['-tq', file]);
      expect(execFileSync('unzip', ['-p', file, 'trace.trace'])).toEqual(entries[0]?.data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what is not a zip', () => {
    expect(() => readZip(Buffer.from('not a zip at all, just some text'))).toThrow(/not a zip/);
  });
});
