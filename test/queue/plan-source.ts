import type { PlanSource } from '../../queue/plan-source.ts';

/** A queue's plan of independent items, `[itemId, portalId]` each, that a bot runs with no values. */
export function independentItems(items: readonly (readonly [string, string])[]): PlanSource {
  return {
    plan: async () => items.map(([itemId, portalId]) => ({ itemId, portalId, needs: [] })),
    itemInput: async () => ({ applicationRef: '', values: {}, documents: {} }),
  };
}
