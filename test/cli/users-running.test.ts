import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { freePort } from '../../lib/net.ts';
import { runYijian, YIJIAN_BIN } from '../support/cli.ts';
import { collectOutput } from './child-output.ts';

/** `yijian users …` with the given standard input; resolves with its exit code and output. */
function users(
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [YIJIAN_BIN, 'users', ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out = collectOutput(child);
    child.stdin.end(input);
    child.once('exit', (code) => resolve({ code, out: out() }));
  });
}

/**
 * Issue 19: the embedded store is held by the running service, so `yijian users` goes through the
 * server's admin API (token in DATA_DIR, owner-only) while it runs, and opens the store itself after.
 */
describe('yijian users while the service runs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-users-running-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds, changes, disables and lists accounts through the running server, then directly', async () => {
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), PORTALS_PORT: '0' };
    // Demo mode makes the demo centre (longwen) that the new clerk joins.
    const running = runYijian(['start', '--demo'], env);
    // A failed expectation must not leave the service running after the test.
    onTestFinished(() => {
      if (running.child.exitCode === null) running.child.kill('SIGTERM');
    });
    await running.waitFor(/按 Ctrl\+C 停止/, 90_000);
    const file = join(dataDir, 'admin-api.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const added = await users(
      ['add', '--role', 'clerk', '--username', 'chen.clerk', '--name', '陈窗口', '--centre', 'longwen'],
      env,
      'Chen-pass-1\n',
    );
    expect(added).toEqual({ code: 0, out: expect.stringContaining('已创建窗口人员账号 chen.clerk') });
    // The server's checks answer through the API, with their words and the user's exit code.
    const weak = await users(['reset-password', 'chen.clerk'], env, 'short\n');
    expect(weak.code).toBe(2);
    expect(weak.out).toContain('密码至少 8 位');
    expect((await users(['reset-password', 'chen.clerk'], env, 'Chen-pass-2\n')).code).toBe(0);
    expect((await users(['set', 'chen.clerk', '--role', 'admin', '--centre', 'none'], env)).code).toBe(0);
    expect((await users(['disable', 'chen.clerk'], env)).code).toBe(0);

    // The new password signs in to the running service once the account is enabled again.
    const signIn = async (password: string) => {
      const page = await fetch(`http://127.0.0.1:${port}/login`);
      const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
      const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
      const answer = await fetch(`http://127.0.0.1:${port}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, login: 'chen.clerk', password }).toString(),
      });
      return answer.status;
    };
    expect(await signIn('Chen-pass-2')).toBe(401);
    expect((await users(['enable', 'chen.clerk'], env)).code).toBe(0);
    expect(await signIn('Chen-pass-1')).toBe(401);
    expect(await signIn('Chen-pass-2')).toBe(303);

    const listed = await users(['list'], env);
    expect(listed.out).toMatch(/管理员\tchen\.clerk\t陈窗口\t—/);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(() => statSync(file)).toThrow();
    // Stopped: the command opens the store itself and finds what the server wrote.
    const direct = await users(['list'], env);
    expect(direct.code).toBe(0);
    expect(direct.out).toMatch(/管理员\tchen\.clerk\t陈窗口\t—/);
  }, 300_000);
});
