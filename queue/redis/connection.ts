import { Redis, type RedisOptions } from 'ioredis';

/**
 * Redis connections the way BullMQ wants them. A Worker blocks on Redis and must never give up on a
 * command (`maxRetriesPerRequest: null`); a Queue used by the web server should fail fast instead so a
 * request does not hang while Redis is down. Never set an ioredis `keyPrefix`: BullMQ has its own `prefix`.
 */
export type RedisRole = 'worker' | 'producer' | 'probe';

export function createRedis(url: string, role: RedisRole, extra: RedisOptions = {}): Redis {
  const byRole: Record<RedisRole, RedisOptions> = {
    worker: { maxRetriesPerRequest: null, enableReadyCheck: true },
    producer: { maxRetriesPerRequest: 3, enableOfflineQueue: true },
    probe: { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null, connectTimeout: 1500 },
  };
  return new Redis(url, { ...byRole[role], ...extra });
}

/** Round-trip time of a PING, or the reason it failed. */
export async function pingRedis(
  url: string,
): Promise<{ ok: true; latencyMs: number } | { ok: false; error: string }> {
  const client = createRedis(url, 'probe');
  let socketError: Error | undefined;
  client.on('error', (error: Error) => {
    socketError = error;
  });
  const started = performance.now();
  try {
    await client.connect();
    await client.ping();
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    const reason = socketError ?? error;
    return { ok: false, error: reason instanceof Error ? reason.message : String(reason) };
  } finally {
    client.disconnect();
  }
}
