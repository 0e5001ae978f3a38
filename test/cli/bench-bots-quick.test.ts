import { describe, expect, it } from 'vitest';
import { bench, type Json } from '../support/bench-cli.ts';

describe('bench bots as a smoke run', () => {
  it('bench bots --quick runs each phase once, and the speed-up divides by the better baseline', async () => {
    const report: Json = await bench(['bots']);
    expect(report.benchmark).toBe('bots');
    expect(report.settings).toMatchObject({
      quick: true,
      items: 2,
      measuredItems: ['seal-engraving', 'tax-registration'],
      concurrencies: [1],
      repeats: 1,
      // Registration and bank filed once, for the first phase; the others reuse them.
      sharedSetup: true,
    });
    const names = report.phases.map((p: Json) => p.name);
    expect(names).toEqual(['naive', 'parallel-naive-1', 'concurrency-1']);
    expect([...report.order].sort()).toEqual([...names].sort());
    for (const phase of report.phases) {
      expect(phase.samples).toHaveLength(1);
      expect(phase.items).toBe(2);
      expect(phase.perMinute).toBeCloseTo((phase.items * 60_000) / phase.elapsedMs, 1);
      expect(phase.spread.perMinute).toEqual([phase.samples[0].perMinute, phase.samples[0].perMinute]);
      // A browser per job: two jobs, two browsers at least (retries launch more).
      if (phase.kind !== 'measured') expect(phase.browserLaunches).toBeGreaterThanOrEqual(2);
    }
    const perMinute = (name: string) => report.phases.find((p: Json) => p.name === name).perMinute;
    expect(report.naivePerMinute).toBe(perMinute('naive'));
    expect(report.parallelNaivePerMinute).toEqual({ '1': perMinute('parallel-naive-1') });
    expect(report.perMinute).toEqual({ '1': perMinute('concurrency-1') });
    expect(report.baseline.perMinute).toBe(Math.max(perMinute('naive'), perMinute('parallel-naive-1')));
    expect(report.speedupVsNaive).toBeCloseTo(perMinute('concurrency-1') / report.baseline.perMinute, 1);
    expect(report.speedupVsSerialNaive).toBeCloseTo(perMinute('concurrency-1') / perMinute('naive'), 1);
    expect(report.target.met).toBe(report.speedupVsNaive >= report.target.speedupAtLeast);
    expect(report.peakRssMb).toBeGreaterThanOrEqual(Math.max(...report.phases.map((p: Json) => p.peakRssMb)));
  }, 600_000);
});
