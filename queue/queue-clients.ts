import { FlowProducer, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { PortalSettingsRow } from '../store/portal-settings.repo.ts';
import { COORDINATOR_QUEUE, DRIFT_QUEUE, portalQueueName, QUEUE_PREFIX } from './names.ts';
import { createRedis } from './redis/connection.ts';

/**
 * The producer side of the queues, used by the web server (one key, admin controls) and by workers (the
 * coordinator adds the next items). One connection is shared by all queues; events get their own.
 */
export class QueueClients {
  readonly connection: Redis;
  readonly publisher: Redis;
  readonly flows: FlowProducer;
  readonly coordinator: Queue;
  /** Drift checks: apart from the portal queues, so a check never takes a filing's place. */
  readonly drift: Queue;
  readonly #portalQueues = new Map<string, Queue>();

  constructor(
    readonly redisUrl: string,
    readonly portalIds: readonly string[],
  ) {
    this.connection = createRedis(redisUrl, 'producer');
    this.publisher = createRedis(redisUrl, 'producer');
    this.flows = new FlowProducer({ connection: this.connection, prefix: QUEUE_PREFIX });
    this.coordinator = new Queue(COORDINATOR_QUEUE, { connection: this.connection, prefix: QUEUE_PREFIX });
    this.drift = new Queue(DRIFT_QUEUE, { connection: this.connection, prefix: QUEUE_PREFIX });
    for (const portalId of portalIds) {
      this.#portalQueues.set(
        portalId,
        new Queue(portalQueueName(portalId), { connection: this.connection, prefix: QUEUE_PREFIX }),
      );
    }
  }

  portalQueue(portalId: string): Queue {
    const queue = this.#portalQueues.get(portalId);
    if (!queue) throw new Error(`No queue for portal ${portalId}`);
    return queue;
  }

  get allQueues(): Queue[] {
    return [this.coordinator, this.drift, ...this.#portalQueues.values()];
  }

  /**
   * Applies an admin's settings to Redis, where they bind every worker on every machine at once:
   * global concurrency, global rate limit, paused or not. A portal whose filings are held because of a
   * drift finding is paused too: new filings wait in its queue instead of failing.
   */
  async applySettings(settings: PortalSettingsRow): Promise<void> {
    const queue = this.portalQueue(settings.portalId);
    await queue.setGlobalConcurrency(settings.concurrency);
    if (settings.rateMax && settings.rateDurationMs)
      await queue.setGlobalRateLimit(settings.rateMax, settings.rateDurationMs);
    else await queue.removeGlobalRateLimit();
    if (settings.paused || settings.driftHold) await queue.pause();
    else await queue.resume();
  }

  async depth(
    portalId: string,
  ): Promise<{ waiting: number; active: number; delayed: number; failed: number; paused: boolean }> {
    const queue = this.portalQueue(portalId);
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      paused: await queue.isPaused(),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.allQueues.map((queue) => queue.close()));
    await this.flows.close();
    this.publisher.disconnect();
    this.connection.disconnect();
  }
}
