import type { Redis } from 'ioredis';
import { WORKERS_KEY } from '../../queue/heartbeat.ts';

/**
 * Another process, on `host` with pid 4242, that ran bots and stopped beating a minute ago: the heartbeat
 * record it left behind, which the workers page shows as lost.
 */
export async function recordLostWorker(
  redis: Redis,
  host: string,
  worker: { version: string; portals: readonly string[] },
): Promise<void> {
  const old = new Date(Date.now() - 60_000).toISOString();
  await redis.hset(
    WORKERS_KEY,
    `${host}:4242`,
    JSON.stringify({
      id: `${host}:4242`,
      host,
      pid: 4242,
      version: worker.version,
      portals: worker.portals,
      coordinator: false,
      concurrency: 2,
      running: 1,
      startedAt: old,
      beatAt: old,
      intervalMs: 5_000,
    }),
  );
}
