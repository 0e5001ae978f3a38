import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskPhone } from '../lib/redact.ts';
import { AuditRepo } from '../store/audit.repo.ts';
import type { Db } from '../store/db.ts';
import { SessionsRepo } from '../store/sessions.repo.ts';
import { type Centre, type User, UsersRepo } from '../store/users.repo.ts';
import { hashPassword, passwordProblems } from './auth/password.ts';
import { cleanDisplayText, USERNAME } from './http/validate.ts';
import { DEFAULT_SERVER_OPTIONS } from './options.ts';

/**
 * Accounts made outside the web pages: clerks and admins by `yijian users add`, and the demo accounts
 * `yijian start` seeds. Both go through the same checks and leave an audit entry by the system.
 */
export class AccountError extends Error {
  override readonly name = 'AccountError';
  readonly code = 'ACCOUNT_INVALID';
}

/** Who made an account change, for the audit log (the command line or the signed-in admin). */
export interface AccountActor {
  id: string | null;
  name: string;
  role: 'admin' | 'system';
  ip: string | null;
}

const CENTRE_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;

export interface StaffAccount {
  role: 'clerk' | 'admin';
  username: string;
  displayName: string;
  password: string;
  /** Required for clerks. */
  centreId?: string;
  /** Creates (or renames) the centre when given. */
  centreName?: string;
  demo?: boolean;
}

export async function createStaffAccount(
  db: Db,
  account: StaffAccount,
  passwordCost: number = DEFAULT_SERVER_OPTIONS.passwordCost,
  actor?: AccountActor,
): Promise<User> {
  const users = new UsersRepo(db);
  const username = account.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new AccountError('用户名须以小写字母开头，3–32 位，只含小写字母、数字和 . _ -');
  }
  if (!cleanDisplayText(account.displayName)) throw new AccountError('请提供姓名（--name）');
  const problems = passwordProblems(account.password, username);
  if (problems.length) throw new AccountError(`密码不符合要求：${problems.join('；')}`);
  let centre: Centre | undefined;
  if (account.centreId !== undefined) {
    if (!CENTRE_ID.test(account.centreId))
      throw new AccountError('服务中心编号只能含小写字母、数字和 -，2–40 位');
    centre = account.centreName
      ? await users.upsertCentre({ id: account.centreId, name: account.centreName })
      : await users.findCentre(account.centreId);
    if (!centre) {
      throw new AccountError(
        `服务中心 ${account.centreId} 不存在；第一次使用时请用 --centre-name 给出中心名称`,
      );
    }
  } else if (account.role === 'clerk') {
    throw new AccountError('窗口人员必须属于一个服务中心（--centre）');
  }
  const user = await users.create({
    role: account.role,
    login: username,
    displayName: cleanDisplayText(account.displayName),
    passwordHash: await hashPassword(account.password, passwordCost),
    centreId: centre?.id ?? null,
    demo: account.demo ?? false,
  });
  await new AuditRepo(db).append({
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? (account.demo ? '演示数据' : '命令行'),
    actorRole: actor?.role ?? 'system',
    action: 'user.create',
    subjectType: 'user',
    subjectId: user.id,
    detail: { role: user.role, login: user.login, centre: user.centreId },
    ip: actor?.ip ?? null,
  });
  return user;
}

/**
 * `yijian users disable|enable`: the account's sessions end with it (a web server's open streams notice at
 * their next session check). The last enabled admin cannot be disabled: nobody could enable accounts again.
 */
export async function setAccountDisabled(db: Db, login: string, disabled: boolean): Promise<User> {
  const users = new UsersRepo(db);
  const user = await users.findByLogin(login.trim().toLowerCase());
  if (!user) throw new AccountError(`账号 ${login} 不存在`);
  if (disabled && user.role === 'admin' && !user.disabled && (await users.countActive('admin')) === 1) {
    throw new AccountError('不能停用最后一个管理员账号');
  }
  await users.setDisabled(user.id, disabled);
  if (disabled) await new SessionsRepo(db).deleteForUser(user.id);
  await new AuditRepo(db).append({
    actorId: null,
    actorName: '命令行',
    actorRole: 'system',
    action: disabled ? 'user.disable' : 'user.enable',
    subjectType: 'user',
    subjectId: user.id,
    detail: { login: user.role === 'applicant' ? maskPhone(user.login) : user.login },
    ip: null,
  });
  return { ...user, disabled };
}

export interface DemoAccount {
  role: 'applicant' | 'clerk' | 'admin';
  login: string;
  password: string;
  displayName: string;
}

export const DEMO_CENTRE: Centre = { id: 'longwen', name: '漳州市龙文区政务服务中心' };
const DEMO_FILE = 'demo-accounts.json';

/**
 * Seeds the demo centre and one account per role on first start; the passwords are random per
 * installation, kept in DATA_DIR/demo-accounts.json (readable by the owner only) and printed at every
 * start, so a demo on a shared network does not run with well-known passwords.
 */
export async function seedDemoAccounts(
  db: Db,
  dataDir: string,
  passwordCost?: number,
): Promise<DemoAccount[]> {
  const users = new UsersRepo(db);
  const file = join(dataDir, DEMO_FILE);
  const kept: DemoAccount[] = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[])
    : [];
  const password = () => `Demo-${randomBytes(6).toString('base64url')}1`;
  const wanted: Omit<DemoAccount, 'password'>[] = [
    { role: 'applicant', login: '13900000001', displayName: '张三' },
    { role: 'clerk', login: 'demo.clerk', displayName: '王窗口' },
    { role: 'admin', login: 'demo.admin', displayName: '李管理' },
  ];
  await users.upsertCentre(DEMO_CENTRE);
  const accounts: DemoAccount[] = [];
  for (const account of wanted) {
    const existing = await users.findByLogin(account.login);
    const known = kept.find((candidate) => candidate.login === account.login);
    if (existing && known) {
      accounts.push(known);
      continue;
    }
    const demo = { ...account, password: password() };
    if (existing) {
      // The file was lost: give the account a new password rather than print one that does not work.
      await users.setPassword(
        existing.id,
        await hashPassword(demo.password, passwordCost ?? DEFAULT_SERVER_OPTIONS.passwordCost),
      );
    } else if (account.role === 'applicant') {
      await users.create({
        role: 'applicant',
        login: account.login,
        displayName: account.displayName,
        passwordHash: await hashPassword(demo.password, passwordCost ?? DEFAULT_SERVER_OPTIONS.passwordCost),
        demo: true,
      });
    } else {
      await createStaffAccount(
        db,
        {
          role: account.role,
          username: account.login,
          displayName: account.displayName,
          password: demo.password,
          centreId: DEMO_CENTRE.id,
          demo: true,
        },
        passwordCost,
      );
    }
    accounts.push(demo);
  }
  writeFileSync(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  return accounts;
}
