import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { YIJIAN_BIN } from '../support/cli.ts';

const GUARD = fileURLToPath(new URL('./support/network-and-write-guard.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/ocr/', import.meta.url));

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', GUARD, YIJIAN_BIN, ...args], {
      cwd,
      // Nothing but PATH and a HOME inside the scratch folder: no proxy, no cache location from the environment.
      env: { PATH: process.env.PATH ?? '', HOME: cwd, LOG_LEVEL: 'warn', OCR_WORKERS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('OCR starts and reads offline, writing nothing', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'yijian-ocr-offline-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reads an ID card with every network call refused and no file written, in every thread', async () => {
    const { code, stdout, stderr } = await run(
      ['ocr', join(FIXTURES, 'reference/person-2.jpg'), '--json'],
      scratch,
    );
    expect(stderr).toContain('OCR-GUARD loaded main');
    // The guard is active in the tesseract worker threads too (two workers).
    expect(stderr.match(/OCR-GUARD loaded worker/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(stderr).not.toMatch(/OCR-GUARD (network|write)/);
    expect(code).toBe(0);
    const truth = JSON.parse(readFileSync(join(FIXTURES, 'reference/truth.json'), 'utf8'))['person-2.jpg'];
    const result = JSON.parse(stdout);
    expect(result.documentType).toBe('idCardFront');
    expect(result.fields.idNumber.value).toBe(truth.truth.fields.idNumber);
    // The default tesseract.js cache would have written chi_sim.traineddata here.
    expect(readdirSync(scratch)).toEqual([]);
  }, 60_000);
});
