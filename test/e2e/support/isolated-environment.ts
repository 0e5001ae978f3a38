import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type E2eEnvironment, startE2eEnvironment } from '../../../cli/e2e/environment.ts';
import { type Logger, silentLogger } from '../../../lib/logger.ts';
import type { QueueTuningOverrides } from '../../../queue/queue-options.ts';
import { startManagedRedis } from '../../../queue/redis/managed-redis.ts';
import type { FaultPatch } from '../../../sandbox/kit/faults.ts';
import { openTestPglite, type TestStore } from '../../support/stores.ts';

/** Retries and polls quick enough for a test to wait them out: a retry within seconds, answers polled often. */
export const QUICK_RETRIES = {
  retryDelayMs: 500,
  retryDelayMaxMs: 4_000,
  followUpDelayMs: 300,
  personPollMs: 100,
} satisfies QueueTuningOverrides;

/**
 * The housing fund's 承诺书 counts down this long before it may be accepted (the portal's default is 8 s): the
 * bots still wait for the countdown, the filings just do not spend 8 s each on it.
 */
export const TEST_NOTICE_SECONDS = 2;

export interface IsolatedEnvironment {
  store: TestStore;
  env: E2eEnvironment;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * One machine's installation for an end-to-end file: its own PGlite, its own Redis (the queues have fixed
 * names, and other end-to-end files run at the same time), the sandbox portals and in-process workers.
 */
export async function openIsolatedEnvironment(options: {
  faults: FaultPatch;
  tuning: QueueTuningOverrides;
  /** Where the bot system logs (default: nowhere); a test that reads the log lines passes its own. */
  logger?: Logger;
}): Promise<IsolatedEnvironment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-e2e-'));
  const store = await openTestPglite();
  const redis = await startManagedRedis({ dir: join(dataDir, 'redis') });
  const env = await startE2eEnvironment({
    db: store.db,
    dataDir,
    redisUrl: redis.url,
    logger: options.logger ?? silentLogger,
    faults: options.faults,
    tuning: options.tuning,
  });
  await env.sandbox.control('housing-fund', '/notice', {
    method: 'PUT',
    body: { seconds: TEST_NOTICE_SECONDS },
  });
  return {
    store,
    env,
    dataDir,
    async close() {
      await env.close();
      await redis.stop();
      await store.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an isolated environment before the file's tests and closes it after them; each test reads it
 * through the returned function (it is there once the tests run).
 */
export function isolatedEnvironmentForFile(
  options: Parameters<typeof openIsolatedEnvironment>[0],
): () => IsolatedEnvironment {
  let opened: IsolatedEnvironment | undefined;
  beforeAll(async () => {
    opened = await openIsolatedEnvironment(options);
  }, 120_000);
  afterAll(() => opened?.close());
  return () => {
    if (!opened) throw new Error('the isolated environment is not open');
    return opened;
  };
}
