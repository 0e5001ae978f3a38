import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type ManagedRedis, startManagedRedis } from '../../queue/redis/managed-redis.ts';
import { migrate } from '../../store/migrate.ts';
import { openPglite } from '../../store/pglite-db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    pgliteTemplate: string;
  }
}

/**
 * Once per test run: a Redis for the suite (our own managed one unless TEST_REDIS_URL names a server, so
 * the suite passes with or without a Redis already running) and a migrated PGlite cluster that tests copy
 * instead of paying initdb (≈ 4 s) each time.
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'yijian-test-'));
  let redis: ManagedRedis | undefined;
  const configured = process.env.TEST_REDIS_URL;
  if (configured) project.provide('redisUrl', configured);
  else {
    redis = await startManagedRedis({ dir: join(root, 'redis') });
    project.provide('redisUrl', redis.url);
  }

  const template = join(root, 'pglite-template');
  const db = await openPglite(template);
  await migrate(db);
  await db.close();
  project.provide('pgliteTemplate', template);

  return async () => {
    await redis?.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
