import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type ManagedRedis, startManagedRedis } from '../../queue/redis/managed-redis.ts';
import { migrate } from '../../store/migrate.ts';
import { openPglite } from '../../store/pglite-db.ts';
import { type ManagedPostgres, startManagedPostgres } from './managed-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    pgliteTemplate: string;
    /** The PostgreSQL server for the tests that need one, or why there is none. */
    postgres: { url: string } | { unavailable: string };
  }
}

/**
 * Once per test run: a Redis for the suite (our own managed one unless TEST_REDIS_URL names a server, so
 * the suite passes with or without a Redis already running), a migrated PGlite cluster that tests copy
 * instead of paying initdb (≈ 4 s) each time, and a PostgreSQL server (TEST_DATABASE_URL or DATABASE_URL
 * when set, else a private one of our own, ≈ 1 s; never whatever happens to listen on 5432).
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

  const configuredPostgres = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const postgres: Promise<ManagedPostgres | { unavailable: string } | undefined> = configuredPostgres
    ? Promise.resolve(undefined)
    : startManagedPostgres().catch((error: Error) => ({ unavailable: error.message }));

  const template = join(root, 'pglite-template');
  const db = await openPglite(template);
  await migrate(db);
  await db.close();
  project.provide('pgliteTemplate', template);

  const managed = await postgres;
  if (configuredPostgres) project.provide('postgres', { url: configuredPostgres });
  else if (managed && 'stop' in managed) project.provide('postgres', { url: managed.url });
  else {
    const unavailable = managed?.unavailable ?? 'no PostgreSQL server';
    process.stdout.write(`[postgres] cannot start a private PostgreSQL server: ${unavailable}\n`);
    project.provide('postgres', { unavailable });
  }

  return async () => {
    await redis?.stop();
    if (managed && 'stop' in managed) await managed.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
