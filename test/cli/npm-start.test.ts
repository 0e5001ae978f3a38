import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, sleep } from '../../lib/net.ts';
import { collectOutput } from './child-output.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  cmd: string;
}

/** Every process on the machine as /proc shows it now (processes that vanish while read are skipped). */
function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name in parentheses may hold spaces; the fields after the last ')' are fixed.
      const [state = '', ppid = '0'] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      out.push({ pid: Number(name), ppid: Number(ppid), state, cmd });
    } catch {}
  }
  return out;
}

function descendants(root: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const children = all.filter((p) => frontier.includes(p.ppid));
    found.push(...children);
    frontier = children.map((p) => p.pid);
  }
  return found;
}

/**
 * Processes that carry this run's DATA_DIR in their environment: everything `npm start` started, however
 * deep (Redis, the portals, Chromium), inherits it, and a process orphaned to init still shows it.
 */
function carrying(dataDir: string): Proc[] {
  const marker = `DATA_DIR=${dataDir}\0`;
  return processes().filter((p) => {
    if (p.state === 'Z') return false; // exited, waiting to be reaped: it holds nothing
    try {
      return readFileSync(`/proc/${p.pid}/environ`, 'utf8').includes(marker);
    } catch {
      return false;
    }
  });
}

/** Issue 19: a service manager runs `npm start` and stops exactly the PID it started. */
describe('npm start under a service manager', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-npm-start-'));
  afterAll(() => {
    for (const p of carrying(dataDir)) process.kill(p.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves no yijian, Redis, portal or Chromium process after SIGTERM to the npm process', async () => {
    const port = await freePort();
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATA_DIR: dataDir,
        PORT: String(port),
        PORTALS_PORT: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(npm);
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    const until = Date.now() + 90_000;
    while (!output().includes('按 Ctrl+C 停止') && Date.now() < until && npm.exitCode === null)
      await sleep(200);
    expect(output()).toContain('按 Ctrl+C 停止');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const tree = descendants(npm.pid ?? 0);
    // The tree the service manager would stop: the yijian process, its Redis and its portals process.
    expect(tree.map((p) => p.cmd).join('\n')).toMatch(/yijian\.mjs start/);
    expect(tree.map((p) => p.cmd).join('\n')).toMatch(/redis-server/);
    expect(tree.map((p) => p.cmd).join('\n')).toMatch(/yijian\.mjs portals/);
    expect(carrying(dataDir).length).toBeGreaterThanOrEqual(3);

    npm.kill('SIGTERM');
    expect(await exited).not.toBeNull();
    let left = carrying(dataDir);
    const settle = Date.now() + 15_000;
    while (left.length > 0 && Date.now() < settle) {
      await sleep(200);
      left = carrying(dataDir);
    }
    expect(left.map((p) => `${p.pid} ${p.cmd}`)).toEqual([]);
    const alive = tree.filter((p) => processes().some((q) => q.pid === p.pid && q.cmd === p.cmd));
    expect(alive.map((p) => `${p.pid} ${p.cmd}`)).toEqual([]);
    expect(output()).toContain('收到停止信号');
  }, 150_000);
});
