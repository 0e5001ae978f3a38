/**
 * The oracle bound of `bench e2e`: the earliest a perfect client could have the last receipt, from the
 * portals' declared minimal work (support/oracle-work.ts) and the sandbox's configured latency and waits.
 * It reads nothing our bots did, so it cannot move with their requests. Pure, so its arithmetic is tested
 * apart from browsers and portals (test/cli/bench-oracle.test.ts).
 *
 * Model: an item is a chain of rounds, each one request (or several sent together) that the portal forces
 * on any client, in order. A round is sent once the previous answer arrived and once every fact it needs is
 * known; the portal answers it no earlier than `latencyMs` after it was sent (the sandbox's injected
 * latency comes before every handler, kit/app.ts) and no earlier than the times the portal enforces (an
 * approval, a sync lag, a countdown). Handler and transfer time count as zero, so the result stays a lower
 * bound. A fact (the credit code, a bank account number, an SMS sent) is known when the answer that gives it
 * arrives: dependencies are per output, so an item starts at once and waits only where it needs a fact.
 */

/** A fact plus a delay: "`lagMs` after `fact` was known". */
export interface FactAfter {
  fact: string;
  lagMs: number;
}

export interface OracleRound {
  /** The forced request, method and path on the item's portal: 'POST /open/2', 'GET /receipt/:reference'. */
  request: string;
  /** Another portal that answers it (market regulation logs in through the unified login). */
  portalId?: string;
  /** Facts the client must know before sending (their values go into the request), each after a delay. */
  needs?: readonly FactAfter[];
  /** Times the portal enforces: it does not accept this round before `fact` + `lagMs`. */
  servedNotBefore?: readonly FactAfter[];
  /** Facts known once this round's answer arrives. */
  gives?: readonly string[];
}

export interface OracleItem {
  itemId: string;
  /** The sandbox portal that files it. */
  portalId: string;
  rounds: readonly OracleRound[];
}

export interface OracleRoundTiming {
  request: string;
  startMs: number;
  endMs: number;
  /** What held this round back beyond the previous answer and the latency (`null`: nothing). */
  heldBy: { fact: string; lagMs: number; kind: 'needs' | 'served-not-before' } | null;
}

export interface OracleResult {
  oracleWallMs: number;
  /** Items on the chain that ends last, first to last. */
  path: string[];
  items: Record<string, { startMs: number; finishMs: number; rounds: OracleRoundTiming[] }>;
}

/** Earliest answer of every round; throws on a fact nobody gives or facts that wait on each other. */
export function oracleBound(items: readonly OracleItem[], latencyMs: number): OracleResult {
  const givers = new Map<string, { item: number; round: number }>();
  items.forEach((item, i) => {
    item.rounds.forEach((round, r) => {
      for (const fact of round.gives ?? []) if (!givers.has(fact)) givers.set(fact, { item: i, round: r });
    });
  });
  const timing = new Map<string, OracleRoundTiming>();
  const visiting = new Set<string>();
  const key = (i: number, r: number) => `${i}/${r}`;

  const factTime = (fact: string): number => {
    const giver = givers.get(fact);
    if (!giver) throw new Error(`no round gives the fact ${fact}`);
    return visit(giver.item, giver.round).endMs;
  };
  const latest = (constraints: readonly FactAfter[] | undefined, kind: 'needs' | 'served-not-before') => {
    let best: { at: number; held: OracleRoundTiming['heldBy'] } = { at: 0, held: null };
    for (const { fact, lagMs } of constraints ?? []) {
      const at = factTime(fact) + lagMs;
      if (at > best.at) best = { at, held: { fact, lagMs, kind } };
    }
    return best;
  };
  function visit(i: number, r: number): OracleRoundTiming {
    const known = timing.get(key(i, r));
    if (known) return known;
    const item = items[i];
    const round = item?.rounds[r];
    if (!item || !round) throw new Error(`no round ${r} in item ${i}`);
    if (visiting.has(key(i, r)))
      throw new Error(`the facts wait on each other in a cycle (${item.itemId}: ${round.request})`);
    visiting.add(key(i, r));
    const previous = r > 0 ? visit(i, r - 1).endMs : 0;
    const needs = latest(round.needs, 'needs');
    const startMs = Math.max(previous, needs.at);
    const served = latest(round.servedNotBefore, 'served-not-before');
    const endMs = Math.max(startMs + latencyMs, served.at);
    const heldBy = served.at > startMs + latencyMs ? served.held : needs.at > previous ? needs.held : null;
    visiting.delete(key(i, r));
    const result = { request: round.request, startMs, endMs, heldBy };
    timing.set(key(i, r), result);
    return result;
  }

  const byItem: OracleResult['items'] = {};
  let last: { item: number; endMs: number } | undefined;
  items.forEach((item, i) => {
    const rounds = item.rounds.map((_, r) => visit(i, r));
    const finishMs = rounds.at(-1)?.endMs ?? 0;
    byItem[item.itemId] = { startMs: rounds[0]?.startMs ?? 0, finishMs, rounds };
    if (!last || finishMs > last.endMs) last = { item: i, endMs: finishMs };
  });
  return {
    oracleWallMs: last?.endMs ?? 0,
    path: last ? chainTo(items, givers, timing, last.item) : [],
    items: byItem,
  };
}

/** The items whose facts held up the item that ends last, first to last. */
function chainTo(
  items: readonly OracleItem[],
  givers: ReadonlyMap<string, { item: number; round: number }>,
  timing: ReadonlyMap<string, OracleRoundTiming>,
  lastItem: number,
): string[] {
  const path: string[] = [];
  let at: { item: number; round: number } | undefined = {
    item: lastItem,
    round: (items[lastItem]?.rounds.length ?? 1) - 1,
  };
  while (at) {
    const id = items[at.item]?.itemId ?? '';
    if (path[0] !== id) path.unshift(id);
    const held: OracleRoundTiming['heldBy'] | undefined = timing.get(`${at.item}/${at.round}`)?.heldBy;
    const giver: { item: number; round: number } | undefined = held ? givers.get(held.fact) : undefined;
    if (giver) at = giver;
    else at = at.round > 0 ? { item: at.item, round: at.round - 1 } : undefined;
  }
  return path;
}
