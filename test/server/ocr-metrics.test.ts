import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { ReaderPoolStats } from '../../ocr/pool/reader-pool.ts';
import { registerOcrMetrics } from '../../server/ocr-metrics.ts';

describe('OCR reader metrics', () => {
  it('reports each reader’s memory and state as the pool reports them, and nothing before it starts', async () => {
    const registry = new Registry();
    let stats: ReaderPoolStats | undefined;
    registerOcrMetrics(registry, () => stats);
    expect(await registry.metrics()).not.toContain('yijian_ocr_reader_resident_memory_bytes{');
    stats = {
      readers: [
        { pid: 11, state: 'busy', jobs: 3, loadMs: 4000, loadCpuMs: 5000, lastJobCpuMs: 900, rssMb: 350 },
        { pid: 12, state: 'starting', jobs: 0, loadMs: 0, loadCpuMs: 0, lastJobCpuMs: 0, rssMb: 0 },
      ],
      waiting: 2,
      replacements: 1,
      rssMb: 350,
    };
    const text = await registry.metrics();
    expect(text).toContain(`yijian_ocr_reader_resident_memory_bytes{reader="0"} ${350 * 2 ** 20}`);
    expect(text).toContain('yijian_ocr_readers{state="busy"} 1');
    expect(text).toContain('yijian_ocr_readers{state="starting"} 1');
    expect(text).toContain('yijian_ocr_readers{state="idle"} 0');
    expect(text).toContain('yijian_ocr_jobs_waiting 2');
    expect(text).toContain('yijian_ocr_reader_replacements 1');
  });
});
