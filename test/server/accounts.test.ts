import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createStaffAccount, seedDemoAccounts, setAccountDisabled } from '../../server/accounts.ts';
import { verifyPassword } from '../../server/auth/password.ts';
import { openStore } from '../../store/open-store.ts';
import { SessionsRepo } from '../../store/sessions.repo.ts';
import { UsersRepo } from '../../store/users.repo.ts';
import { YIJIAN_BIN } from '../support/cli.ts';
import { openTestPglite } from '../support/stores.ts';
import { TEST_PASSWORD_COST } from './harness.ts';

/** `yijian users …` with the password on standard input, as a script would pipe it. */
function users(
  args: string[],
  dataDir: string,
  stdin: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [YIJIAN_BIN, 'users', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.stdin.end(stdin);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('yijian users', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-users-'));
  // A migrated store to start from, so the CLI does not pay PGlite's first-open initdb.
  cpSync(inject('pgliteTemplate'), join(dataDir, 'pglite'), { recursive: true });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('adds a clerk with the password from standard input (never from argv) and creates the centre', async () => {
    const added = await users(
      [
        'add',
        '--role',
        'clerk',
        '--username',
        'Zhang.Wei',
        '--name',
        '张伟',
        '--centre',
        'longwen',
        '--centre-name',
        '漳州市龙文区政务服务中心',
      ],
      dataDir,
      'Window-pass-9\n',
    );
    expect(added.output).toContain('已创建窗口人员账号 zhang.wei（张伟，服务中心 longwen）');
    expect(added.code).toBe(0);

    const db = await openStore({ dataDir });
    try {
      const user = await new UsersRepo(db).findByLogin('zhang.wei');
      expect(user).toMatchObject({ role: 'clerk', centreId: 'longwen', demo: false });
      expect(await verifyPassword('Window-pass-9', user?.passwordHash ?? '')).toBe(true);
      const audit = await db.query<{ action: string; actor_name: string }>(
        'SELECT action, actor_name FROM audit_log',
      );
      expect(audit).toEqual([{ action: 'user.create', actor_name: '命令行' }]);
    } finally {
      await db.close();
    }
  }, 90_000);

  it('disables an account from the command line, and says so when there is none', async () => {
    const disabled = await users(['disable', '--username', 'zhang.wei'], dataDir, '');
    expect(disabled.output).toMatch(/已停用.*zhang\.wei/);
    expect(disabled.code).toBe(0);
    const missing = await users(['disable', '--username', 'nobody'], dataDir, '');
    expect(missing.output).toContain('nobody');
    expect(missing.code).not.toBe(0);
    const db = await openStore({ dataDir });
    try {
      expect((await new UsersRepo(db).findByLogin('zhang.wei'))?.disabled).toBe(true);
    } finally {
      await db.close();
    }
  }, 90_000);

  it('ends the sessions of a disabled account and never disables the last admin', async () => {
    const store = await openTestPglite();
    try {
      const repo = new UsersRepo(store.db);
      await repo.upsertCentre({ id: 'hq', name: '总部' });
      const clerk = await createStaffAccount(
        store.db,
        {
          role: 'clerk',
          username: 'qian.clerk',
          displayName: '钱',
          password: 'Window-pass-9',
          centreId: 'hq',
        },
        TEST_PASSWORD_COST,
      );
      await createStaffAccount(
        store.db,
        { role: 'admin', username: 'only.admin', displayName: '管', password: 'Admin-pass-9' },
        TEST_PASSWORD_COST,
      );
      const sessions = new SessionsRepo(store.db);
      const session = {
        idHash: 'a'.repeat(64),
        userId: clerk.id,
        csrfToken: 'token',
        expiresAt: new Date(Date.now() + 60_000),
        ip: null,
        userAgent: null,
      };
      await sessions.create(session);
      await setAccountDisabled(store.db, 'qian.clerk', true);
      expect(await sessions.find(session.idHash)).toBeUndefined();
      expect((await repo.findByLogin('qian.clerk'))?.disabled).toBe(true);
      await expect(setAccountDisabled(store.db, 'only.admin', true)).rejects.toThrow(
        '不能停用最后一个管理员',
      );
      expect((await repo.findByLogin('only.admin'))?.disabled).toBe(false);
      await setAccountDisabled(store.db, 'qian.clerk', false);
      expect((await repo.findByLogin('qian.clerk'))?.disabled).toBe(false);
      const audit = await store.db.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE action LIKE 'user.%able' ORDER BY id",
      );
      expect(audit.map((row) => row.action)).toEqual(['user.disable', 'user.enable']);
    } finally {
      await store.cleanup();
    }
  });

  it('checks roles, centres and duplicate names before creating anything', async () => {
    const store = await openTestPglite();
    try {
      const add = (account: Partial<Parameters<typeof createStaffAccount>[1]>) =>
        createStaffAccount(
          store.db,
          { role: 'clerk', username: 'wang.clerk', displayName: '王', password: 'Window-pass-9', ...account },
          TEST_PASSWORD_COST,
        );
      await expect(add({})).rejects.toThrow('窗口人员必须属于一个服务中心');
      await expect(add({ centreId: 'nowhere' })).rejects.toThrow('服务中心 nowhere 不存在');
      await expect(add({ username: '13800000000', centreId: 'x' })).rejects.toThrow('用户名须以小写字母开头');
      await expect(add({ password: 'wang.clerk-1', centreId: 'hq', centreName: '总部' })).rejects.toThrow(
        '密码不能包含账号本身',
      );
      // The refusal names the rule, never the password tried.
      const short = await add({ password: 'short', centreId: 'hq', centreName: '总部' }).catch(
        (error: Error) => error,
      );
      expect(String(short)).toContain('密码不符合要求：密码至少 8 位');
      expect(String(short)).not.toContain('short');
      await expect(add({ displayName: '\u202E\u200b ', centreId: 'hq', centreName: '总部' })).rejects.toThrow(
        '请提供姓名',
      );
      await add({ displayName: '王\u202E窗口', centreId: 'hq', centreName: '总部' });
      expect((await new UsersRepo(store.db).findByLogin('wang.clerk'))?.displayName).toBe('王窗口');
      await expect(add({ centreId: 'hq' })).rejects.toThrow('该账号已存在');
    } finally {
      await store.cleanup();
    }
  });

  it('seeds one demo account per role with random passwords, kept for the next start', async () => {
    const store = await openTestPglite();
    const demoDir = mkdtempSync(join(tmpdir(), 'yijian-demo-'));
    try {
      const first = await seedDemoAccounts(store.db, demoDir, TEST_PASSWORD_COST);
      expect(first.map((account) => account.role)).toEqual(['applicant', 'clerk', 'admin']);
      const second = await seedDemoAccounts(store.db, demoDir, TEST_PASSWORD_COST);
      expect(second).toEqual(first);
      expect(statSync(join(demoDir, 'demo-accounts.json')).mode & 0o777).toBe(0o600);
      const repo = new UsersRepo(store.db);
      for (const account of first) {
        const user = await repo.findByLogin(account.login);
        expect(user?.demo).toBe(true);
        expect(await verifyPassword(account.password, user?.passwordHash ?? '')).toBe(true);
      }
      // A lost file does not leave accounts whose printed passwords do not work.
      rmSync(join(demoDir, 'demo-accounts.json'));
      const third = await seedDemoAccounts(store.db, demoDir, TEST_PASSWORD_COST);
      expect(third[0]?.password).not.toBe(first[0]?.password);
      const applicant = await repo.findByLogin(third[0]?.login ?? '');
      expect(await verifyPassword(third[0]?.password ?? '', applicant?.passwordHash ?? '')).toBe(true);
      expect(JSON.parse(readFileSync(join(demoDir, 'demo-accounts.json'), 'utf8'))).toEqual(third);
    } finally {
      await store.cleanup();
      rmSync(demoDir, { recursive: true, force: true });
    }
  });
});
