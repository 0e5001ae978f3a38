import { median } from './critical-path.ts';
import type { TreeMemory } from './memory.ts';

/**
 * The phases of `bench bots` and how their repeated samples become one figure each.
 *
 * Glossary
 * - phase: one way of running the workload — `naive` (one job at a time, a new Chromium per job, a fresh
 *   login per job), `parallel-naive-<c>` (the same browser-per-job script with as many jobs at once as
 *   `concurrency-<c>`), `concurrency-<c>` (the workers as `yijian worker` composes them).
 * - sample: one timed run of a phase on fresh applications. Every phase runs `repeats` times, in an order
 *   shuffled over all samples, so no phase is always the cold first one.
 * - baseline: a phase a user could write without yijian (the two naive kinds); the better of them is what
 *   `speedupVsNaive` compares with.
 */

export type PhaseKind = 'naive' | 'parallel-naive' | 'measured';

export interface PhasePlan {
  name: string;
  kind: PhaseKind;
  concurrency: number;
  /** Browser contexts at once, runs per Chromium, and whether logged-in sessions serve the next run. */
  pool: { size: number; recycleAfterRuns: number | 'default'; keepsSessions: boolean };
}

/** What one sample of a phase measured. */
export interface PhaseSample {
  /** Position of this sample in the shuffled order of the whole benchmark (1 = first). */
  order: number;
  elapsedMs: number;
  perMinute: number;
  browserLaunches: number;
  failedAttempts: number;
  resubmitted: Resubmitted[];
  memory: TreeMemory;
}

/** An item that failed for good and was handed to the bots again (as a clerk would press 重新提交). */
export interface Resubmitted {
  itemId: string;
  code: string;
  message: string;
}

/** One phase over its samples: medians, with the spread beside them (the fields before `kind` are the old ones). */
export interface PhaseFigures {
  name: string;
  concurrency: number;
  pool: PhasePlan['pool'];
  items: number;
  /** Median over the samples. */
  elapsedMs: number;
  /** Median over the samples. */
  perMinute: number;
  /** Median over the samples. */
  browserLaunches: number;
  /** Bot runs that failed during the phase's samples (retried by the queue, or resubmitted), summed. */
  failedAttempts: number;
  /** Items that failed for good during the samples and were resubmitted (their time is in elapsedMs). */
  resubmitted: Resubmitted[];
  /** The highest over the samples. */
  peakRssMb: number;
  memory: TreeMemory;
  kind: PhaseKind;
  /** Lowest and highest items/min over the samples, and (max − min) / median. */
  spread: { perMinute: [number, number]; relative: number };
  samples: PhaseSample[];
}

/** The serial naive phase, a parallel naive phase per measured concurrency, and the measured phases. */
export function phasePlan(
  concurrencies: readonly number[],
  poolSize: (concurrency: number) => number,
): PhasePlan[] {
  return [
    {
      name: 'naive',
      kind: 'naive',
      concurrency: 1,
      pool: { size: 1, recycleAfterRuns: 1, keepsSessions: false },
    },
    ...concurrencies.flatMap((c): PhasePlan[] => [
      // A script a user would write with a browser per job, as many jobs at once as the workers run.
      {
        name: `parallel-naive-${c}`,
        kind: 'parallel-naive',
        concurrency: c,
        pool: { size: poolSize(c), recycleAfterRuns: 1, keepsSessions: false },
      },
      {
        name: `concurrency-${c}`,
        kind: 'measured',
        concurrency: c,
        pool: { size: poolSize(c), recycleAfterRuns: 'default', keepsSessions: true },
      },
    ]),
  ];
}

/** Every phase `repeats` times, in a random order (Fisher–Yates with `random`, Math.random by default). */
export function shuffledSamples(
  plan: readonly PhasePlan[],
  repeats: number,
  random = Math.random,
): PhasePlan[] {
  const order = plan.flatMap((phase) => Array.from({ length: repeats }, () => phase));
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as PhasePlan, order[i] as PhasePlan];
  }
  return order;
}

const round2 = (n: number) => Number(n.toFixed(2));

export function phaseFigures(phase: PhasePlan, items: number, samples: readonly PhaseSample[]): PhaseFigures {
  if (samples.length === 0) throw new Error(`phase ${phase.name} has no samples`);
  const perMinute = samples.map((s) => s.perMinute);
  const mid = median(perMinute);
  const low = Math.min(...perMinute);
  const high = Math.max(...perMinute);
  const peak = samples.reduce((a, b) => (b.memory.rssMb > a.memory.rssMb ? b : a));
  return {
    name: phase.name,
    concurrency: phase.concurrency,
    pool: phase.pool,
    items,
    elapsedMs: Math.round(median(samples.map((s) => s.elapsedMs))),
    perMinute: round2(mid),
    browserLaunches: median(samples.map((s) => s.browserLaunches)),
    failedAttempts: samples.reduce((sum, s) => sum + s.failedAttempts, 0),
    resubmitted: samples.flatMap((s) => s.resubmitted),
    peakRssMb: peak.memory.rssMb,
    memory: peak.memory,
    kind: phase.kind,
    spread: { perMinute: [low, high], relative: round2((high - low) / mid) },
    samples: [...samples],
  };
}

export interface Comparison {
  /** Measured phases' median items/min, by concurrency. */
  perMinute: Record<string, number>;
  /** The serial naive phase's median items/min (the only baseline before; kept for its readers). */
  naivePerMinute: number;
  /** The parallel naive phases' median items/min, by concurrency. */
  parallelNaivePerMinute: Record<string, number>;
  /** The better of the baselines: the one `speedupVsNaive` divides by. */
  baseline: { name: string; perMinute: number };
  /** Best measured items/min ÷ the better baseline's. */
  speedupVsNaive: number;
  /** Best measured items/min ÷ the serial naive phase's (the figure before the parallel baseline). */
  speedupVsSerialNaive: number;
}

export function compare(phases: readonly PhaseFigures[]): Comparison {
  const of = (kind: PhaseKind) => phases.filter((p) => p.kind === kind);
  const byConcurrency = (list: PhaseFigures[]) =>
    Object.fromEntries(list.map((p) => [String(p.concurrency), p.perMinute]));
  const baselines = [...of('naive'), ...of('parallel-naive')];
  const better = baselines.reduce<PhaseFigures | undefined>(
    (a, b) => (a && a.perMinute >= b.perMinute ? a : b),
    undefined,
  );
  if (!better) throw new Error('no baseline phase');
  const best = Math.max(...of('measured').map((p) => p.perMinute));
  const naivePerMinute = of('naive')[0]?.perMinute ?? Number.NaN;
  return {
    perMinute: byConcurrency(of('measured')),
    naivePerMinute,
    parallelNaivePerMinute: byConcurrency(of('parallel-naive')),
    baseline: { name: better.name, perMinute: better.perMinute },
    speedupVsNaive: round2(best / better.perMinute),
    speedupVsSerialNaive: round2(best / naivePerMinute),
  };
}
