/**
 * The lower bound of `bench e2e`: the longest path through the item graph when every item took only the
 * time its portal itself spent answering it plus the waits nobody can shorten. Pure functions, so the
 * method can be checked (test/cli/bench.test.ts) apart from browsers and portals.
 */

export interface PathItem {
  itemId: string;
  /** Items whose outputs this one needs (the plan's `needs`): it cannot start before they finish. */
  needs: readonly string[];
  /** The item's own length: its portal's service time combined with the waits nobody can shorten. */
  durationMs: number;
}

/** "`to` cannot start before `ms` after `from` finished": a department learning of a company late (sync lag). */
export interface LagEdge {
  from: string;
  to: string;
  ms: number;
}

export interface PathResult {
  criticalPathMs: number;
  /** Items on the longest path, first to last. */
  path: string[];
  items: Record<string, { startMs: number; finishMs: number }>;
}

/** Earliest start and finish of every item (topological order; throws on a cycle or an unknown need). */
export function longestPath(items: readonly PathItem[], lags: readonly LagEdge[] = []): PathResult {
  const byId = new Map(items.map((item) => [item.itemId, item]));
  const timing = new Map<string, { startMs: number; finishMs: number; via: string | undefined }>();
  const visiting = new Set<string>();
  const visit = (itemId: string): { startMs: number; finishMs: number } => {
    const known = timing.get(itemId);
    if (known) return known;
    const item = byId.get(itemId);
    if (!item) throw new Error(`unknown item ${itemId}`);
    if (visiting.has(itemId)) throw new Error(`the items depend on each other in a cycle (${itemId})`);
    visiting.add(itemId);
    let startMs = 0;
    let via: string | undefined;
    const before = [
      ...item.needs.map((from) => ({ from, ms: 0 })),
      ...lags.filter((lag) => lag.to === itemId && byId.has(lag.from)),
    ];
    for (const { from, ms } of before) {
      const ready = visit(from).finishMs + ms;
      if (ready > startMs) [startMs, via] = [ready, from];
    }
    visiting.delete(itemId);
    const result = { startMs, finishMs: startMs + item.durationMs, via };
    timing.set(itemId, result);
    return result;
  };
  for (const item of items) visit(item.itemId);
  let last: string | undefined;
  for (const [itemId, t] of timing)
    if (!last || t.finishMs > (timing.get(last)?.finishMs ?? 0)) last = itemId;
  const path: string[] = [];
  for (let at = last; at; at = timing.get(at)?.via) path.unshift(at);
  return {
    criticalPathMs: last ? (timing.get(last)?.finishMs ?? 0) : 0,
    path,
    items: Object.fromEntries(
      [...timing].map(([id, t]) => [id, { startMs: t.startMs, finishMs: t.finishMs }]),
    ),
  };
}

/** Total length of the union of intervals `[start, end]`, each clipped to `[from, to]`. */
export function unionMs(
  intervals: readonly (readonly [number, number])[],
  from = -Infinity,
  to = Infinity,
): number {
  const clipped = intervals
    .map(([start, end]) => [Math.max(start, from), Math.min(end, to)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | undefined;
  for (const [start, end] of clipped) {
    if (current && start <= current[1]) current[1] = Math.max(current[1], end);
    else {
      if (current) total += current[1] - current[0];
      current = [start, end];
    }
  }
  if (current) total += current[1] - current[0];
  return total;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
