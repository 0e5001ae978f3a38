import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrService, type OcrService } from '../../ocr/index.ts';
import { runOcrBenchmark } from '../../ocr/synth/benchmark.ts';

describe('the OCR benchmark', () => {
  let ocr: OcrService;
  beforeAll(async () => {
    ocr = await createOcrService({ workers: 2 });
  });
  afterAll(() => ocr.close());

  it('reports accuracy and speed per document type and condition in the agreed shape', async () => {
    const report = await runOcrBenchmark({
      service: ocr,
      workers: 2,
      idCards: 1,
      licences: 1,
      emblemSides: 1,
      seed: 7,
    });
    for (const type of ['idCard', 'businessLicence'] as const) {
      for (const condition of ['clean', 'phone'] as const) {
        const r = report[type][condition];
        expect(r.documents).toBe(1);
        for (const share of [r.exact, r.confidentWrong, r.confidentShare, r.unreadableShare]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        expect(r.medianMs).toBeGreaterThan(0);
        expect(r.p95Ms).toBeGreaterThanOrEqual(r.medianMs);
        expect(Object.keys(r.perField)).toContain(type === 'idCard' ? 'idNumber' : 'creditCode');
      }
    }
    // A clean ID card: most fields right, and nothing confidently wrong.
    expect(report.idCard.clean.exact).toBeGreaterThanOrEqual(0.8);
    expect(report.idCard.clean.confidentWrong).toBe(0);
    expect(report.emblemSide).toEqual({ documents: 1, detected: 1 });
  }, 90_000);
});
