import { describe, expect, it } from 'vitest';
import { bench, type Json } from '../support/bench-cli.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The OCR benchmark's accuracy on a clean ID card is asserted here, on the command's own report, not by a
 * second in-process run of the same documents.
 */
describe('bench ocr as a smoke run', () => {
  it('bench ocr --quick reads a few generated documents of each kind and condition', async () => {
    const report: Json = await bench(['ocr', '--seed', '7']);
    expect(report.quick).toBe(true);
    expect(report.emblemSide).toEqual({ documents: 1, detected: 1 });
    for (const [type, documents] of [
      ['idCard', 1],
      ['businessLicence', 1],
    ] as const) {
      for (const condition of ['clean', 'phone'] as const) {
        const r = report[type][condition];
        expect(r.documents).toBe(documents);
        for (const share of [r.exact, r.confidentWrong, r.confidentShare, r.unreadableShare]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        expect(r.confidentShare + r.unreadableShare).toBeLessThanOrEqual(1 + 1e-9);
        expect(r.medianMs).toBeGreaterThan(0);
        expect(r.p95Ms).toBeGreaterThanOrEqual(r.medianMs);
        expect(Object.keys(r.perField)).toContain(type === 'idCard' ? 'idNumber' : 'creditCode');
        expect(sum(Object.values(r.perField).map((f: Json) => f.exact))).toBeGreaterThanOrEqual(0);
      }
    }
    // A clean ID card (seed 7): most fields right, and nothing confidently wrong.
    expect(report.idCard.clean.exact).toBeGreaterThanOrEqual(0.8);
    expect(report.idCard.clean.confidentWrong).toBe(0);
  }, 300_000);
});
