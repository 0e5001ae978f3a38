import { Gauge, type Registry } from 'prom-client';
import type { ReaderPoolStats } from '../ocr/pool/reader-pool.ts';

/**
 * The OCR reader processes on /metrics: each one's memory (the models make them the largest processes of
 * the service), how many are busy or starting, jobs waiting, and replacements since start. Read from the
 * pool when scraped; nothing while the pool has not started.
 */
export function registerOcrMetrics(registry: Registry, stats: () => ReaderPoolStats | undefined): void {
  new Gauge({
    name: 'yijian_ocr_reader_resident_memory_bytes',
    help: 'Resident memory of each OCR reader process, as it last reported it',
    labelNames: ['reader'] as const,
    registers: [registry],
    collect() {
      this.reset();
      stats()?.readers.forEach((reader, index) => {
        this.set({ reader: String(index) }, reader.rssMb * 2 ** 20);
      });
    },
  });
  new Gauge({
    name: 'yijian_ocr_readers',
    help: 'OCR reader processes by state (idle, busy, starting)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const state of ['idle', 'busy', 'starting'] as const)
        this.set({ state }, stats()?.readers.filter((reader) => reader.state === state).length ?? 0);
    },
  });
  new Gauge({
    name: 'yijian_ocr_jobs_waiting',
    help: 'Uploads waiting for a free OCR reader',
    registers: [registry],
    collect() {
      this.set(stats()?.waiting ?? 0);
    },
  });
  new Gauge({
    name: 'yijian_ocr_reader_replacements',
    help: 'OCR reader processes that crashed or hung and were replaced since start',
    registers: [registry],
    collect() {
      this.set(stats()?.replacements ?? 0);
    },
  });
}
