import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canConnect, freePort } from '../../lib/net.ts';
import { createRedis } from '../../queue/redis/connection.ts';
import { Client } from '../server/client.ts';
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

  async function startOnce(args: string[] = []) {
    const port = await freePort();
    // PORTALS_PORT=0: the sandbox portals take free ports, so the test never collides with a running demo.
    const running = runYijian(['start', ...args], {
      DATA_DIR: dataDir,
      PORT: String(port),
      PORTALS_PORT: '0',
    });
    const [, redisUrl = ''] = await running.waitFor(/内置（(redis:\/\/[^）]+)）/, 150_000);
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
    // Issue 18: a production data directory starts with no accounts and says how to make the first admin.
    expect(first.running.output()).toContain('尚无管理员账号');
    expect(first.running.output()).toContain('yijian users add --role admin');
    expect(first.running.output()).not.toContain('demo.admin');
    // No SMS gateway and no demo: online registration is closed, and the start says why, naming the setting.
    expect(first.running.output()).toContain('注册短信：未设置 SMS_WEBHOOK_URL，申请人在线注册已关闭');
    const closed = await (await fetch(`http://127.0.0.1:${first.port}/register`)).text();
    expect(closed).toContain('暂不能在线注册');
    expect(closed).not.toContain('获取短信验证码');
    const client = createRedis(first.redisUrl, 'producer');
    await client.set('yijian:start-test', 'survives');
    client.disconnect();

    first.running.child.kill('SIGTERM');
    expect(await first.running.exited).toBe(0);
    const redisPort = Number(new URL(first.redisUrl).port);
    expect(await canConnect('127.0.0.1', redisPort)).toBe(false);
    expect(await canConnect('127.0.0.1', first.port)).toBe(false);

    const listed = runYijian(['users', 'list'], { DATA_DIR: dataDir });
    expect(await listed.exited).toBe(0);
    expect(listed.output().trim()).toBe('');
    const added = runYijian(
      ['users', 'add', '--role', 'admin', '--username', 'first.admin', '--name', '第一位管理员'],
      { DATA_DIR: dataDir },
      { input: 'First-admin-pass-1\n' },
    );
    expect(await added.exited).toBe(0);

    const second = await startOnce(['--demo']);
    const again = createRedis(second.redisUrl, 'producer');
    expect(await again.get('yijian:start-test')).toBe('survives');
    again.disconnect();
    // Demo mode adds the demo accounts; the admin made on the command line signs in.
    expect(second.running.output()).toMatch(/演示账号[\s\S]*demo\.admin/);
    expect(second.running.output()).not.toContain('尚无管理员账号');
    // Demo mode: the code is shown on the verification page, standing in for the phone.
    expect(second.running.output()).toContain('注册短信：演示模式，验证码显示在注册页');
    expect(await (await fetch(`http://127.0.0.1:${second.port}/register`)).text()).toContain(
      '获取短信验证码',
    );
    const admin = await new Client(`http://127.0.0.1:${second.port}`).login(
      'first.admin',
      'First-admin-pass-1',
    );
    expect(admin.status).toBe(303);
    expect(admin.location).toBe('/admin');
    second.running.child.kill('SIGINT');
    expect(await second.running.exited).toBe(0);

    // Issue 18: everything the run left under DATA_DIR (the PGlite files and WAL, Redis's append-only
    // file, the portals' state, the secret, the accounts) is its owner's alone.
    const entries = listTree(dataDir);
    expect(entries.map((e) => e.path)).toEqual(
      expect.arrayContaining(['pglite', 'redis', 'portals', 'secret', 'demo-accounts.json']),
    );
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.filter((e) => e.mode & 0o077).map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
  }, 400_000);

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
