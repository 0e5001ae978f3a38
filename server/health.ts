import { pingRedis } from '../queue/redis/connection.ts';
import type { Db } from '../store/db.ts';
import { pendingMigrations } from '../store/migrate.ts';

export interface HealthReport {
  status: 'ok' | 'degraded';
  redis: { ok: boolean; latencyMs?: number; error?: string };
  store: { ok: boolean; kind: Db['kind']; migrated: boolean; pending?: string[]; error?: string };
  uptimeSeconds: number;
}

export interface HealthSources {
  db: Db;
  redisUrl: string;
}

/** What `/healthz` reports: each dependency probed now, not a cached flag. */
export async function checkHealth({ db, redisUrl }: HealthSources): Promise<HealthReport> {
  const [redis, store] = await Promise.all([
    pingRedis(redisUrl).then((result) =>
      result.ok ? { ok: true, latencyMs: result.latencyMs } : { ok: false, error: result.error },
    ),
    pendingMigrations(db).then(
      (pending) => ({ ok: pending.length === 0, kind: db.kind, migrated: pending.length === 0, pending }),
      (error: unknown) => ({ ok: false, kind: db.kind, migrated: false, error: String(error) }),
    ),
  ]);
  return {
    status: redis.ok && store.ok ? 'ok' : 'degraded',
    redis,
    store,
    uptimeSeconds: Math.round(process.uptime()),
  };
}
