import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runYijian } from '../support/cli.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/ocr-real/', import.meta.url));

describe('yijian bench ocr --real', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yijian-bench-real-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores each field of a folder of photos against the truth beside them, in consistent JSON', async () => {
    copyFileSync(join(FIXTURES, 'licence-2019-d012.jpg'), join(dir, 'a.jpg'));
    copyFileSync(join(FIXTURES, 'licence-2019-d012.json'), join(dir, 'a.json'));
    // A wrong truth for the same photo: its field must be scored as not exact.
    copyFileSync(join(FIXTURES, 'licence-2019-d012.jpg'), join(dir, 'b.jpg'));
    writeFileSync(
      join(dir, 'b.json'),
      JSON.stringify({ kind: 'licence', fields: { creditCode: '91110000000000000X' } }),
    );
    const running = runYijian(['bench', 'ocr', '--real', dir, '--json'], {});
    let stdout = '';
    running.child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    expect(await running.exited).toBe(0);
    const report = JSON.parse(stdout);
    const licence = report.kinds.licence;
    expect(licence.documents).toBe(2);
    expect(licence.refused).toBe(0);
    expect(licence.perField.creditCode).toEqual({ scored: 2, exact: 1, confident: 2, confidentWrong: 1 });
    expect(licence.fields.scored).toBe(
      Object.values(licence.perField).reduce((n: number, f) => n + (f as { scored: number }).scored, 0),
    );
    expect(licence.fields.exactRate).toBeCloseTo(licence.fields.exact / licence.fields.scored, 3);
    expect(licence.medianMs).toBeGreaterThan(0);
    expect(licence.p95Ms).toBeGreaterThanOrEqual(licence.medianMs);
    expect(report.peakRssMb).toBeGreaterThan(0);
    expect(report.documents.map((d: { name: string }) => d.name)).toEqual(['a', 'b']);
  }, 300_000);
});
