import { describe, expect, it } from 'vitest';
import { bench, type Json } from '../support/bench-cli.ts';

describe('bench e2e as a smoke run', () => {
  it('bench e2e --quick files the reference case once, and its figures agree with each other', async () => {
    const report: Json = await bench(['e2e', '--captcha', 'person']);
    expect(report.benchmark).toBe('e2e');
    expect(report.captcha).toBe('person');
    // The 承诺书 countdown as short as the other end-to-end filings wait it (the portal's own is 8 s).
    expect(report.settings).toMatchObject({ quick: true, runs: 1, captcha: 'person', noticeSeconds: 2 });
    expect(report.runs).toHaveLength(1);
    const [run] = report.runs;
    expect(report.wallMs).toBe(Math.round(run.wallMs));
    expect(report.criticalPathMs).toBe(Math.round(run.criticalPathMs));
    expect(report.oracleWallMs).toBe(Math.round(run.oracleWallMs));
    expect(run.ratio).toBeCloseTo(run.wallMs / run.oracleWallMs, 2);
    expect(run.ratioToOwnRequests).toBeCloseTo(run.wallMs / run.criticalPathMs, 2);
    // Lower bounds: never above the wall time.
    expect(run.criticalPathMs).toBeGreaterThan(0);
    expect(run.criticalPathMs).toBeLessThanOrEqual(run.wallMs);
    expect(run.oracleWallMs).toBeGreaterThan(0);
    expect(run.oracleWallMs).toBeLessThanOrEqual(run.wallMs);
    expect(run.oracle.path.every((id: string) => run.items.some((item: Json) => item.itemId === id))).toBe(
      true,
    );
    expect(report.verified).toEqual({ items: run.items.length, receivedOnce: true, mismatches: 0 });
    // With a person reading every CAPTCHA, each unified login was answered by the simulated clerk.
    expect(run.captchaAnswers.length).toBeGreaterThan(0);
    const ids = run.items.map((item: Json) => item.itemId);
    expect(run.path.every((id: string) => ids.includes(id))).toBe(true);
    for (const item of run.items) {
      expect(item.boundMs).toBeGreaterThanOrEqual(item.serviceMs);
      expect(item.bound.finishMs - item.bound.startMs).toBe(item.boundMs);
      expect(item.bound.finishMs).toBeLessThanOrEqual(run.criticalPathMs);
      expect(item.onCriticalPath).toBe(run.path.includes(item.itemId));
    }
  }, 420_000);
});
