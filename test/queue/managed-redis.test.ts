import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canConnect } from '../../lib/net.ts';
import { createRedis, pingRedis } from '../../queue/redis/connection.ts';
import { RedisServerMissingError, startManagedRedis } from '../../queue/redis/managed-redis.ts';

describe('the managed Redis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yijian-redis-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers once started, keeps data across a restart (AOF), and is gone after stop', async () => {
    const first = await startManagedRedis({ dir });
    expect(await pingRedis(first.url)).toMatchObject({ ok: true });
    const client = createRedis(first.url, 'producer');
    await client.set('yijian:test', 'kept');
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    client.disconnect();
    await first.stop();
    expect(await canConnect('127.0.0.1', first.port)).toBe(false);
    expect(() => process.kill(first.pid, 0)).toThrow();

    const second = await startManagedRedis({ dir });
    const again = createRedis(second.url, 'producer');
    expect(await again.get('yijian:test')).toBe('kept');
    again.disconnect();
    await second.stop();
  });

  it('says how to install Redis when redis-server is missing', async () => {
    const error = await startManagedRedis({
      dir: join(dir, 'none'),
      binary: 'redis-server-that-does-not-exist',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisServerMissingError);
    expect((error as Error).message).toContain('apt-get install -y redis-server');
  });
});
