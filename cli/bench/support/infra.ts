import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, LOG_LEVELS, type Logger, type LogLevel } from '../../../lib/logger.ts';
import { type ManagedRedis, startManagedRedis } from '../../../queue/redis/managed-redis.ts';
import type { Db } from '../../../store/db.ts';
import { migrate } from '../../../store/migrate.ts';
import { openPglite } from '../../../store/pglite-db.ts';

export interface BenchInfra {
  db: Db;
  redisUrl: string;
  /** Temporary DATA_DIR of the run: portal state, uploads, screenshots and traces. Removed by close(). */
  dataDir: string;
  logger: Logger;
  /** Whether the Redis is this process's own (a shared REDIS_URL may hold other jobs). */
  managedRedis: boolean;
  close(): Promise<void>;
}

/**
 * What a benchmark runs on, all of it its own and all of it removed afterwards: an in-memory PGlite
 * (migrated), a temporary data folder, and a private redis-server unless REDIS_URL names one. Logs go to
 * stderr (level LOG_LEVEL, default warn) so that `--json` output on stdout stays clean.
 */
export async function openBenchInfra(
  config: { REDIS_URL?: string | undefined; keepData?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Promise<BenchInfra> {
  const level: LogLevel = LOG_LEVELS.includes(env.LOG_LEVEL as LogLevel)
    ? (env.LOG_LEVEL as LogLevel)
    : 'warn';
  const logger = createLogger({ level, destination: process.stderr });
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-bench-'));
  const cleanups: (() => Promise<void>)[] = [
    async () => {
      if (!config.keepData) rmSync(dataDir, { recursive: true, force: true });
      else process.stderr.write(`数据目录（截图、追踪、门户记录）保留在 ${dataDir}\n`);
    },
  ];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  };
  try {
    let redisUrl = config.REDIS_URL;
    let redis: ManagedRedis | undefined;
    if (redisUrl)
      logger.warn('使用 REDIS_URL 指向的 Redis：同一 Redis 上的其他 yijian 工作进程可能取走基准测试的任务');
    else {
      redis = await startManagedRedis({ dir: join(dataDir, 'redis'), logger });
      const started = redis;
      cleanups.push(() => started.stop());
      redisUrl = redis.url;
    }
    const db = await openPglite(undefined);
    cleanups.push(() => db.close());
    await migrate(db);
    return { db, redisUrl, dataDir, logger, managedRedis: redis !== undefined, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** What an end-to-end environment started on a benchmark's infrastructure is given, whatever it measures. */
export function environmentOn(infra: BenchInfra, chromiumPath: string | undefined) {
  return {
    db: infra.db,
    dataDir: infra.dataDir,
    redisUrl: infra.redisUrl,
    logger: infra.logger,
    chromiumPath,
  };
}
