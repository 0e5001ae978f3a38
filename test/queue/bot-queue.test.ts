import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { silentLogger } from '../../lib/logger.ts';
import { SealedBox } from '../../lib/sealed-box.ts';
import { BotQueue } from '../../queue/bot-queue.ts';
import { QueueClients } from '../../queue/queue-clients.ts';
import { DEFAULT_TUNING } from '../../queue/queue-options.ts';
import { openTestPglite, type TestStore } from '../support/stores.ts';
import { independentItems } from './plan-source.ts';

describe('BotQueue: the admin controls and credentials', () => {
  let store: TestStore;
  let clients: QueueClients;
  let queue: BotQueue;
  const box = new SealedBox('test-secret-test-secret-test-secret-1234', 'portal-credentials');

  beforeAll(async () => {
    store = await openTestPglite();
    // A queue name of its own per run, so the suite's shared Redis holds no state from other tests.
    const portal = `tax-${Date.now().toString(36)}`;
    clients = new QueueClients(inject('redisUrl'), [portal]);
    queue = new BotQueue({
      db: store.db,
      clients,
      source: independentItems([]),
      box,
      logger: silentLogger,
      tuning: DEFAULT_TUNING,
    });
    await queue.init();
  });
  afterAll(async () => {
    await clients.close();
    await store.cleanup();
  });

  it('applies concurrency, rate limit and pause to Redis, where every worker sees them', async () => {
    const [portal = ''] = queue.portalIds;
    const redisQueue = clients.portalQueue(portal);
    expect(await redisQueue.getGlobalConcurrency()).toBe(2);

    const updated = await queue.updateSettings(
      portal,
      { concurrency: 1, rateMax: 10, rateDurationMs: 60_000, paused: true },
      'admin-1',
    );
    expect(updated).toMatchObject({ concurrency: 1, rateMax: 10, paused: true, updatedBy: 'admin-1' });
    expect(await redisQueue.getGlobalConcurrency()).toBe(1);
    expect(await redisQueue.getGlobalRateLimit()).toMatchObject({ max: 10, duration: 60_000 });
    expect(await redisQueue.isPaused()).toBe(true);
    expect((await queue.depth(portal)).paused).toBe(true);

    await queue.updateSettings(portal, { paused: false, rateMax: null, rateDurationMs: null }, 'admin-1');
    expect(await redisQueue.isPaused()).toBe(false);
    expect(await redisQueue.getGlobalRateLimit()).toBeNull();
    expect(await redisQueue.getGlobalConcurrency()).toBe(1);
  });

  it('keeps portal passwords sealed at rest and shows only a hint', async () => {
    await queue.setCredentials('tax', 'yijian-bot', 'Tax#Pass2026', 'admin-1');
    const [row] = await store.db.query<{ password_sealed: string }>(
      'SELECT password_sealed FROM portal_credentials',
    );
    expect(row?.password_sealed).not.toContain('Tax#Pass2026');
    const [summary] = await queue.credentials();
    expect(summary).toMatchObject({ portalId: 'tax', username: 'yijian-bot', passwordHint: '••••••26' });
    expect(JSON.stringify(summary)).not.toContain('Tax#Pass2026');
  });
});
