import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canConnect, freePort } from '../../lib/net.ts';
import { createRedis } from '../../queue/redis/connection.ts';
import { runYijian } from '../support/cli.ts';

/** Every file and folder under `root` (symbolic links not followed), with its permission bits. */
function listTree(root: string): { path: string; mode: number }[] {
  const out: { path: string; mode: number }[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (path !== root) out.push({ path: relative(root, path), mode: stat.mode & 0o777 });
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return out;
}

/** `yijian start` as a newcomer runs it: a fresh DATA_DIR, no REDIS_URL, no DATABASE_URL. */
describe('yijian start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function startOnce() {
    const port = await freePort();
    // PORTALS_PORT=0: the sandbox portals take free ports, so the test never collides with a running demo.
    const running = runYijian(['start'], { DATA_DIR: dataDir, PORT: String(port), PORTALS_PORT: '0' });
    const [, redisUrl = ''] = await running.waitFor(/内置（(redis:\/\/[^）]+)）/, 60_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { running, port, redisUrl, health: { status: health.status, body: await health.json() } };
  }

  it('serves /healthz with Redis and the store healthy, keeps Redis data across restarts, stops Redis on SIGTERM', async () => {
    const first = await startOnce();
    expect(first.health.status).toBe(200);
    expect(first.health.body).toMatchObject({
      status: 'ok',
      redis: { ok: true },
      store: { ok: true, kind: 'pglite', migrated: true },
    });
    const client = createRedis(first.redisUrl, 'producer');
    await client.set('yijian:start-test', 'survives');
    client.disconnect();

    first.running.child.kill('SIGTERM');
    expect(await first.running.exited).toBe(0);
    const redisPort = Number(new URL(first.redisUrl).port);
    expect(await canConnect('127.0.0.1', redisPort)).toBe(false);
    expect(await canConnect('127.0.0.1', first.port)).toBe(false);

    const second = await startOnce();
    const again = createRedis(second.redisUrl, 'producer');
    expect(await again.get('yijian:start-test')).toBe('survives');
    again.disconnect();
    second.running.child.kill('SIGINT');
    expect(await second.running.exited).toBe(0);

    // Issue 18: everything the run left under DATA_DIR (the PGlite files and WAL, Redis's append-only
    // file, the portals' state, the secret, the accounts) is its owner's alone.
    const entries = listTree(dataDir);
    expect(entries.map((e) => e.path)).toEqual(
      expect.arrayContaining(['pglite', 'redis', 'portals', 'secret']),
    );
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.filter((e) => e.mode & 0o077).map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
  }, 120_000);

  it('stops at once with a message naming the variable when the configuration is bad', async () => {
    const running = runYijian(['start'], { DATA_DIR: dataDir, PORT: 'eighty' });
    expect(await running.exited).toBe(2);
    expect(running.output()).toContain('PORT');
    expect(running.output()).toContain('端口号');
  });

  it('server without REDIS_URL explains that start is the one-machine command', async () => {
    const running = runYijian(['server'], { DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain('REDIS_URL');
    expect(running.output()).toContain('yijian start');
  });
});
