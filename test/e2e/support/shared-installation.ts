import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type E2eEnvironment, startE2eEnvironment } from '../../../cli/e2e/environment.ts';
import { silentLogger } from '../../../lib/logger.ts';
import type { QueueTuningOverrides } from '../../../queue/queue-options.ts';
import { type ManagedRedis, startManagedRedis } from '../../../queue/redis/managed-redis.ts';
import type { FaultPatch } from '../../../sandbox/kit/faults.ts';
import type { Db } from '../../../store/db.ts';
import { migrate } from '../../../store/migrate.ts';
import { portalSettings } from '../../../store/portal-settings.repo.ts';
import { openPostgres } from '../../../store/postgres-db.ts';
import { createScratchDatabase, findTestPostgres } from '../../support/stores.ts';
import { TEST_NOTICE_SECONDS } from './isolated-environment.ts';

/**
 * One installation spread over several processes, as in a service centre with separate machines: a
 * PostgreSQL database of its own, a Redis of its own, the sandbox portals, and the environment every
 * `yijian worker`/`yijian server` child needs to join it. The test process keeps a producer-side bot
 * system (no workers) to submit and watch.
 */
export interface SharedInstallation {
  db: Db;
  env: E2eEnvironment;
  dataDir: string;
  /** Variables for `yijian worker` / `yijian server` children. */
  childEnv: Record<string, string>;
  close(): Promise<void>;
}

/**
 * PostgreSQL is needed (PGlite is one process's); resolves to the reason to skip without one, and rejects
 * instead under CI.
 */
export async function sharedDatabase(): Promise<{ url: string; drop(): Promise<void> } | { skip: string }> {
  const server = await findTestPostgres();
  if ('skip' in server) return server;
  return createScratchDatabase(server.url);
}

export async function openSharedInstallation(options: {
  databaseUrl: string;
  faults: FaultPatch;
  tuning: QueueTuningOverrides;
}): Promise<SharedInstallation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-shared-'));
  let redis: ManagedRedis | undefined;
  let db: Db | undefined;
  try {
    redis = await startManagedRedis({ dir: join(dataDir, 'redis') });
    db = await openPostgres({ url: options.databaseUrl, maxConnections: 6 });
    await migrate(db);
    const secret = randomBytes(32).toString('base64url');
    const env = await startE2eEnvironment({
      db,
      dataDir,
      redisUrl: redis.url,
      logger: silentLogger,
      faults: options.faults,
      tuning: options.tuning,
      workers: false,
      secret,
    });
    await env.sandbox.control('housing-fund', '/notice', {
      method: 'PUT',
      body: { seconds: TEST_NOTICE_SECONDS },
    });
    // The children find the sandbox portals (on free ports) as an admin points bots at a real system.
    for (const [portalId, url] of Object.entries(env.portals.urls)) {
      if ((await portalSettings.get(db, portalId)) !== undefined)
        await portalSettings.update(db, portalId, { baseUrl: url }, 'test');
    }
    const openedDb = db;
    const openedRedis = redis;
    return {
      db,
      env,
      dataDir,
      childEnv: {
        DATA_DIR: dataDir,
        REDIS_URL: redis.url,
        DATABASE_URL: options.databaseUrl,
        YIJIAN_SECRET: secret,
        QUEUE_TUNING: JSON.stringify(options.tuning),
        LOG_LEVEL: 'warn',
        ...(process.env.CHROMIUM_PATH ? { CHROMIUM_PATH: process.env.CHROMIUM_PATH } : {}),
      },
      async close() {
        await env.close();
        await openedDb.close();
        await openedRedis.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db?.close();
    await redis?.stop();
    throw error;
  }
}
