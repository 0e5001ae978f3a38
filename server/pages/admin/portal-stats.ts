import type { BotRunRow } from '../../../store/bot-runs.repo.ts';

/**
 * What the admin's portal overview shows, computed from the bot runs of a window (24 hours by default):
 * success rate, p50/p95 duration, and both per hour for the small charts.
 */
export interface PortalStats {
  finished: number;
  succeeded: number;
  failed: number;
  running: number;
  successRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  /** Per hour, oldest first: share of finished runs that succeeded (null: none finished). */
  hourlySuccess: (number | null)[];
  /** Per hour, oldest first: p95 duration in seconds (null: none finished). */
  hourlyP95: (number | null)[];
}

const OK = new Set<BotRunRow['status']>(['succeeded', 'adopted']);

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? null;
}

export function portalStats(runs: readonly BotRunRow[], now = new Date(), hours = 24): PortalStats {
  const finished = runs.filter((run) => run.status !== 'running' && run.status !== 'interrupted');
  const succeeded = finished.filter((run) => OK.has(run.status)).length;
  const durations = finished
    .flatMap((run) => (run.durationMs === null ? [] : [run.durationMs]))
    .sort((a, b) => a - b);
  const hourlySuccess: (number | null)[] = [];
  const hourlyP95: (number | null)[] = [];
  for (let h = hours - 1; h >= 0; h--) {
    const end = now.getTime() - h * 3_600_000;
    const start = end - 3_600_000;
    const bucket = finished.filter(
      (run) => run.startedAt.getTime() >= start && run.startedAt.getTime() < end,
    );
    hourlySuccess.push(
      bucket.length ? bucket.filter((run) => OK.has(run.status)).length / bucket.length : null,
    );
    const times = bucket
      .flatMap((run) => (run.durationMs === null ? [] : [run.durationMs]))
      .sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    hourlyP95.push(p95 === null ? null : p95 / 1000);
  }
  return {
    finished: finished.length,
    succeeded,
    failed: finished.length - succeeded,
    running: runs.filter((run) => run.status === 'running').length,
    successRate: finished.length ? succeeded / finished.length : null,
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    hourlySuccess,
    hourlyP95,
  };
}
