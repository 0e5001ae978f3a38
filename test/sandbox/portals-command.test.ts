import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canConnect } from '../../lib/net.ts';
import { PORTAL_IDS } from '../../sandbox/kit/portal.ts';
import { runYijian } from '../support/cli.ts';

/** A base port with the index and every portal port after it free (the portals take base … base+8). */
async function freePortRange(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    // Below the ephemeral range (32768+ on Linux), where outgoing connections would take ports unseen.
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const ports = Array.from({ length: PORTAL_IDS.length + 1 }, (_, i) => base + i);
    const busy = await Promise.all(ports.map((port) => canConnect('127.0.0.1', port, 200)));
    if (!busy.some(Boolean)) return base;
  }
  throw new Error('no free port range');
}

describe('yijian portals / yijian start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-portals-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the portals in their own process, prints their addresses and the token file, stops on SIGTERM', async () => {
    const base = await freePortRange();
    const running = runYijian(['portals'], { DATA_DIR: dataDir, PORTALS_PORT: String(base) });
    await running.waitFor(/控制令牌：(\S+)（/, 60_000);
    expect(running.output()).toContain(`模拟部门门户已启动：http://127.0.0.1:${base}`);
    expect(running.output()).toContain(`market-regulation  http://127.0.0.1:${base + 2}`);
    const tokenFile = join(dataDir, 'portals', 'control-token');
    const token = readFileSync(tokenFile, 'utf8').trim();
    expect(running.output()).not.toContain(token);
    const index = await fetch(`http://127.0.0.1:${base}/`);
    expect(await index.text()).toContain('企业设立登记');
    const refused = await fetch(`http://127.0.0.1:${base + 2}/__sandbox/submissions`);
    expect(refused.status).toBe(401);
    const allowed = await fetch(`http://127.0.0.1:${base + 2}/__sandbox/submissions`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await allowed.json()).toEqual({ submissions: [] });
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(await canConnect('127.0.0.1', base + 2)).toBe(false);
  }, 90_000);

  it('is started by yijian start as a child process and stopped with it', async () => {
    const base = await freePortRange();
    const running = runYijian(['start'], {
      DATA_DIR: dataDir,
      PORT: String(base + 20),
      PORTALS_PORT: String(base),
    });
    const [, index = ''] = await running.waitFor(/模拟部门门户：(http:\/\/\S+)（独立进程 (\d+)）/, 90_000);
    const pid = Number(/独立进程 (\d+)/.exec(running.output())?.[1]);
    expect(index).toBe(`http://127.0.0.1:${base}`);
    expect(pid).not.toBe(running.child.pid);
    expect((await fetch(`${index}/`)).status).toBe(200);
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(await canConnect('127.0.0.1', base)).toBe(false);
    expect(existsSync(`/proc/${pid}`)).toBe(false);
  }, 120_000);
});
