import { describe, expect, it } from 'vitest';
import {
  compare,
  type PhaseSample,
  phaseFigures,
  phasePlan,
  shuffledSamples,
} from '../../cli/bench/support/bots-phases.ts';

const memory = (rssMb: number) => ({
  rssMb,
  pssMb: rssMb / 2,
  selfRssMb: 100,
  childrenRssMb: rssMb - 100,
  childrenPssMb: 1,
  processes: 3,
});
const sample = (order: number, perMinute: number, rssMb = 500): PhaseSample => ({
  order,
  elapsedMs: Math.round((5 * 60_000) / perMinute),
  perMinute,
  browserLaunches: 5,
  failedAttempts: 1,
  resubmitted: [],
  memory: memory(rssMb),
});

/** bench bots: which phases run, in what order, and how their samples become the reported figures. */
describe('bench bots phases', () => {
  it('plans a serial baseline, and a browser-per-job baseline beside each measured concurrency', () => {
    const plan = phasePlan([1, 4], (c) => Math.min(8, c * 5));
    expect(plan.map((p) => [p.name, p.kind, p.concurrency, p.pool])).toEqual([
      ['naive', 'naive', 1, { size: 1, recycleAfterRuns: 1, keepsSessions: false }],
      ['parallel-naive-1', 'parallel-naive', 1, { size: 5, recycleAfterRuns: 1, keepsSessions: false }],
      ['concurrency-1', 'measured', 1, { size: 5, recycleAfterRuns: 'default', keepsSessions: true }],
      ['parallel-naive-4', 'parallel-naive', 4, { size: 8, recycleAfterRuns: 1, keepsSessions: false }],
      ['concurrency-4', 'measured', 4, { size: 8, recycleAfterRuns: 'default', keepsSessions: true }],
    ]);
  });

  it('runs every phase the given number of times, in an order that is not always the plan order', () => {
    const plan = phasePlan([2], () => 8);
    const names = (random: () => number) => shuffledSamples(plan, 3, random).map((p) => p.name);
    const counts = (list: string[]) =>
      Object.fromEntries(plan.map((p) => [p.name, list.filter((n) => n === p.name).length]));
    let seed = 7;
    const seeded = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const orders = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const order = names(seeded);
      expect(counts(order)).toEqual({ naive: 3, 'parallel-naive-2': 3, 'concurrency-2': 3 });
      orders.add(order.join());
    }
    expect(orders.size).toBeGreaterThan(10);
    // The first sample is not always the serial naive one (it used to be, always cold).
    expect([...orders].some((order) => !order.startsWith('naive'))).toBe(true);
  });

  it('reports the median of the samples with their spread, and the highest memory', () => {
    const [phase] = phasePlan([2], () => 8).filter((p) => p.kind === 'measured');
    if (!phase) throw new Error('no measured phase');
    const figures = phaseFigures(phase, 5, [sample(2, 12), sample(5, 15, 900), sample(9, 10)]);
    expect(figures.perMinute).toBe(12);
    expect(figures.elapsedMs).toBe(25_000);
    expect(figures.spread).toEqual({ perMinute: [10, 15], relative: 0.42 });
    expect(figures.failedAttempts).toBe(3);
    expect(figures.peakRssMb).toBe(900);
    expect(figures.samples.map((s) => s.order)).toEqual([2, 5, 9]);
    expect(() => phaseFigures(phase, 5, [])).toThrow(/no samples/);
  });

  it('divides the best measured throughput by the better of the two baselines', () => {
    const plan = phasePlan([1, 2], () => 5);
    const perMinute: Record<string, number> = {
      naive: 5,
      'parallel-naive-1': 9,
      'concurrency-1': 14,
      'parallel-naive-2': 11,
      'concurrency-2': 16.5,
    };
    const phases = plan.map((p) => phaseFigures(p, 5, [sample(1, perMinute[p.name] ?? 0)]));
    expect(compare(phases)).toEqual({
      perMinute: { '1': 14, '2': 16.5 },
      naivePerMinute: 5,
      parallelNaivePerMinute: { '1': 9, '2': 11 },
      baseline: { name: 'parallel-naive-2', perMinute: 11 },
      speedupVsNaive: 1.5,
      speedupVsSerialNaive: 3.3,
    });
  });
});
