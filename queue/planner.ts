import type { ItemStatus } from '../store/application-items.repo.ts';

/**
 * The plan of an application: its items as a DAG (an item needs another when it uses a value the other
 * produces — forms/ works that out), shown to people as waves and scheduled item by item, so a slow item
 * (a seal waiting for an SMS code) never holds back an item that does not need it.
 */
export interface PlanItem {
  itemId: string;
  portalId: string;
  /** Items of this application whose outputs this item needs. */
  needs: readonly string[];
}

export class PlanError extends Error {
  override readonly name = 'PlanError';
}

/** Layers of the DAG: wave 0 needs nothing, wave n needs only earlier waves. Throws on a cycle. */
export function planWaves(items: readonly PlanItem[]): string[][] {
  const known = new Set(items.map((item) => item.itemId));
  for (const item of items) {
    for (const need of item.needs) {
      if (!known.has(need))
        throw new PlanError(`Item ${item.itemId} needs ${need}, which is not in the plan`);
    }
  }
  const waves: string[][] = [];
  const placed = new Set<string>();
  while (placed.size < items.length) {
    const wave = items
      .filter((item) => !placed.has(item.itemId) && item.needs.every((need) => placed.has(need)))
      .map((item) => item.itemId);
    if (wave.length === 0) throw new PlanError('The items depend on each other in a cycle');
    for (const id of wave) placed.add(id);
    waves.push(wave);
  }
  return waves;
}

/** Items that can start now: waiting, with every need done. */
export function readyItems(items: readonly PlanItem[], states: ReadonlyMap<string, ItemStatus>): PlanItem[] {
  return items.filter(
    (item) =>
      states.get(item.itemId) === 'waiting' && item.needs.every((need) => states.get(need) === 'done'),
  );
}

/** States of an item that has started on its way to done (a job exists for it and has not failed). */
const UNDER_WAY: ReadonlySet<ItemStatus> = new Set([
  'queued',
  'running',
  'awaiting-person',
  'awaiting-approval',
]);

/**
 * Items still waiting that will run once what is under way finishes: every need done, under way (`starting`
 * are the items just made ready, not yet marked queued) or itself coming — at one key, every item after the
 * first. Their portals can be logged into now, so that once the needs finish the form opens at once, as a
 * clerk opens the department systems while the registration is being approved. An item behind a failed one is
 * not coming.
 */
export function comingItems(
  items: readonly PlanItem[],
  states: ReadonlyMap<string, ItemStatus>,
  starting: ReadonlySet<string> = new Set(),
): PlanItem[] {
  const onTheWay = new Set(starting);
  for (const item of items) {
    const state = states.get(item.itemId);
    if (state === 'done' || (state !== undefined && UNDER_WAY.has(state))) onTheWay.add(item.itemId);
  }
  const coming: PlanItem[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of items) {
      if (onTheWay.has(item.itemId) || states.get(item.itemId) !== 'waiting') continue;
      if (!item.needs.every((need) => onTheWay.has(need))) continue;
      // Ready itself (nothing left to wait for): that is for readyItems.
      if (item.needs.every((need) => states.get(need) === 'done')) continue;
      onTheWay.add(item.itemId);
      coming.push(item);
      grew = true;
    }
  }
  return coming;
}

/** An item that ended without its outputs: failed, or taken from the bots by an admin (取消, 转人工). */
const ENDED_UNDONE: ReadonlySet<ItemStatus | undefined> = new Set(['failed', 'cancelled', 'handed-over']);

/**
 * Items that can never start because something they need (directly or not) failed or was taken from the
 * bots: its outputs will not come from a portal run.
 */
export function blockedItems(items: readonly PlanItem[], states: ReadonlyMap<string, ItemStatus>): string[] {
  const blocked = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (blocked.has(item.itemId) || states.get(item.itemId) !== 'waiting') continue;
      if (item.needs.some((need) => ENDED_UNDONE.has(states.get(need)) || blocked.has(need))) {
        blocked.add(item.itemId);
        grew = true;
      }
    }
  }
  return [...blocked];
}
