/**
 * Names in Redis. BullMQ rejects job ids containing ':' or looking like integers, so ids are built from
 * dotted parts with letters in them. Ids are deterministic: adding a job whose id exists is a no-op, which
 * is what makes one-key submission and the coordinator's hand-offs safe to repeat.
 */
export const QUEUE_PREFIX = 'yijian';

/** Hand-offs between items: the parent of every item job (see coordinator.ts). */
export const COORDINATOR_QUEUE = 'coordinator';

/** Drift checks of the portals (docs/drift-check.md): its own queue, one check at a time. */
export const DRIFT_QUEUE = 'drift-check';

/** The admin's nightly schedule of drift checks: one BullMQ job scheduler, upserted when it changes. */
export const DRIFT_SCHEDULER_ID = 'drift-nightly';

/** A drift check of one portal, started by the schedule (at `at`, ms) or by an admin's 立即检查. */
export const driftJobId = (portalId: string, at: number) => `drift.${portalId}.t${at}`;

export const portalQueueName = (portalId: string) => `portal-${portalId}`;

export const itemJobId = (applicationId: string, itemId: string, generation: number) =>
  `item.${applicationId}.${itemId}.g${generation}`;

export const advanceJobId = (applicationId: string, itemId: string, generation: number) =>
  `advance.${applicationId}.${itemId}.g${generation}`;

/** A warm log-in before an item's filing (see comingItems); one per item and generation. */
export const warmJobId = (applicationId: string, itemId: string, generation: number) =>
  `warm.${applicationId}.${itemId}.g${generation}`;

/** Redis pub/sub channel carrying live events from workers to every web server. */
export const EVENTS_CHANNEL = 'yijian:events';
