import { join } from 'node:path';
import type { Logger } from '../lib/logger.ts';
import { resolveSecret } from '../lib/secret.ts';
import type { Shutdown } from '../lib/shutdown.ts';
import { startManagedRedis } from '../queue/redis/managed-redis.ts';
import type { Db } from '../store/db.ts';
import { openStore } from '../store/open-store.ts';
import { sandboxPortalUrls } from './bot-system.ts';
import type { Config } from './config.ts';

export interface Infrastructure {
  db: Db;
  redisUrl: string;
  secret: string;
  /** True when this process started its own redis-server. */
  managedRedis: boolean;
}

export interface InfrastructureOptions {
  logger: Logger;
  shutdown: Shutdown;
  /** `start` runs a private Redis and keeps a generated secret; `server`/`worker` need them configured. */
  singleMachine: boolean;
}

export class RedisNotConfiguredError extends Error {
  override readonly name = 'RedisNotConfiguredError';
  readonly code = 'REDIS_NOT_CONFIGURED';
}

/** Store and Redis, opened in the order that lets shutdown close them last. */
export async function openInfrastructure(
  config: Config,
  options: InfrastructureOptions,
): Promise<Infrastructure> {
  const { logger, shutdown, singleMachine } = options;
  const secret = resolveSecret({
    configured: config.YIJIAN_SECRET,
    dataDir: config.DATA_DIR,
    create: singleMachine,
  });

  let redisUrl = config.REDIS_URL;
  let managedRedis = false;
  if (!redisUrl) {
    if (!singleMachine) {
      throw new RedisNotConfiguredError(
        '未设置 REDIS_URL。单独运行 server / worker 时需要共享的 Redis；在一台机器上运行全部组件请用 yijian start。',
      );
    }
    const redis = await startManagedRedis({ dir: join(config.DATA_DIR, 'redis'), logger });
    shutdown.add('redis', () => redis.stop());
    redisUrl = redis.url;
    managedRedis = true;
  }

  const db = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  shutdown.add('store', () => db.close());
  logger.info({ store: db.kind, redis: managedRedis ? 'managed' : 'configured' }, '存储与队列已就绪');
  return { db, redisUrl, secret, managedRedis };
}

/**
 * What every command's bot system takes from the configuration and the opened infrastructure, the sandbox
 * portals at PORTALS_PORT among it; the command adds the workers it runs, if any.
 */
export function botSystemBasics(ctx: { config: Config; logger: Logger }, infra: Infrastructure) {
  return {
    db: infra.db,
    redisUrl: infra.redisUrl,
    secret: infra.secret,
    dataDir: ctx.config.DATA_DIR,
    logger: ctx.logger,
    chromiumPath: ctx.config.CHROMIUM_PATH,
    tuning: ctx.config.QUEUE_TUNING,
    timeZone: ctx.config.TIME_ZONE,
    sandboxUrls: sandboxPortalUrls(ctx.config.PORTALS_PORT),
  };
}
