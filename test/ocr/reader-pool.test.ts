import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrBusyError, OcrEngineError, OcrInputError } from '../../ocr/errors.ts';
import { ReaderPool } from '../../ocr/pool/reader-pool.ts';

/**
 * (Generous test timeouts: on the shared 2-core machine at load 30 one card takes a minute and a reader as long
 * to start; the pool's own 30 s job timeout is what the hang test waits out, so it is kept short.)
 * The reader processes behind the web server's OCR: started warm, a process killed under a job, a process
 * that stops answering. Real processes with the real models; the faults are real signals (SIGKILL, SIGSTOP).
 */

const FIXTURES = fileURLToPath(new URL('../fixtures/ocr/', import.meta.url));
const card = readFileSync(`${FIXTURES}id-card-phone.jpg`);
const ID_NUMBER = /^\d{17}[\dX]$/;

/** The pid of the pool's one reader once it is idle (and, if given, not `old`). */
async function idleReader(pool: ReaderPool, old = 0): Promise<number> {
  for (;;) {
    const [reader] = pool.stats().readers;
    if (reader && reader.state === 'idle' && reader.pid > 0 && reader.pid !== old) return reader.pid;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the OCR reader pool', () => {
  let pool: ReaderPool;
  beforeAll(async () => {
    // The job timeout leaves a CI machine time to read a card (≈ 2 s idle, 5–10 s beside the other test file).
    pool = await ReaderPool.started({ workers: 1, jobTimeoutMs: 30_000, queueLimit: 1 });
  }, 300_000);
  afterAll(() => pool?.close());

  it('is warm when it has started: models loaded, the first read needs no load', async () => {
    const [reader] = pool.stats().readers;
    expect(reader?.state).toBe('idle');
    expect(reader?.pid).toBeGreaterThan(0);
    // The PP-OCR sessions and the tesseract model are resident before any upload.
    expect(reader?.rssMb).toBeGreaterThan(150);
    const first = await pool.recognise(card);
    expect(first.documentType).toBe('idCardFront');
    expect(first.fields.idNumber?.value).toMatch(ID_NUMBER);
    const firstCpu = pool.stats().readers[0]?.lastJobCpuMs ?? 0;
    await pool.recognise(card);
    const secondCpu = pool.stats().readers[0]?.lastJobCpuMs ?? 0;
    // CPU time, not wall time, so the machine's load does not decide: the first read costs what any read
    // costs; loading the models on it would add their load (≈ 2.5 s of CPU) to it.
    expect(reader?.loadCpuMs).toBeGreaterThan(0);
    expect(firstCpu).toBeLessThan(1.5 * secondCpu + 300);
    expect(pool.stats().readers[0]?.jobs).toBe(2);
  }, 300_000);

  it('passes a bad upload back as the same clear error, and the reader stays', async () => {
    const { pid } = pool.stats().readers[0] ?? { pid: 0 };
    await expect(pool.recognise(Buffer.from('%PDF-1.4 not a photo'))).rejects.toBeInstanceOf(OcrInputError);
    expect(pool.stats().readers[0]?.pid).toBe(pid);
    expect(pool.stats().replacements).toBe(0);
  }, 60_000);

  it('replaces a reader killed mid-job and retries the job once on the new one', async () => {
    const pid = await idleReader(pool);
    const before = pool.stats();
    const reading = pool.recognise(card);
    expect(pool.stats().readers[0]?.state).toBe('busy');
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(pid, 'SIGKILL');
    const result = await reading;
    expect(result.fields.idNumber?.value).toMatch(ID_NUMBER);
    const after = pool.stats();
    expect(after.replacements).toBe(before.replacements + 1);
    expect(after.readers[0]?.pid).not.toBe(pid);
    const next = await pool.recognise(card);
    expect(next.fields.idNumber?.value).toMatch(ID_NUMBER);
  }, 420_000);

  it('times out a reader that stops answering, replaces it, refuses work beyond the queue', async () => {
    const pid = await idleReader(pool);
    const before = pool.stats();
    process.kill(pid, 'SIGSTOP'); // the process hangs: alive, but never answers
    const hung = pool.recognise(card);
    hung.catch(() => undefined);
    const queued = pool.recognise(card); // waits: the queue holds one
    queued.catch(() => undefined);
    await expect(pool.recognise(card)).rejects.toBeInstanceOf(OcrBusyError);
    await expect(hung).rejects.toThrow(OcrEngineError);
    await expect(hung).rejects.toThrow('识别超时');
    const result = await queued; // read by the replacement
    expect(result.fields.idNumber?.value).toMatch(ID_NUMBER);
    expect(await idleReader(pool, pid)).not.toBe(pid);
    expect(pool.stats().replacements).toBe(before.replacements + 1);
    expect(() => process.kill(pid, 0)).toThrow(); // the hung process is gone
  }, 480_000);
});
