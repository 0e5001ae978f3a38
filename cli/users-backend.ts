import { maskPhone } from '../lib/redact.ts';
import { type AccountChange, changeAccount } from '../server/account-changes.ts';
import { AccountError, createStaffAccount, type StaffAccount } from '../server/accounts.ts';
import { type AdminApi, readAdminApi } from '../server/auth/admin-token.ts';
import { openStore } from '../store/open-store.ts';
import { type User, UsersRepo } from '../store/users.repo.ts';
import type { Config } from './config.ts';

/** An account as `yijian users` prints it (the shape of the admin API's answer). */
export interface ListedUser {
  login: string;
  displayName: string;
  role: User['role'];
  centreId: string | null;
  disabled: boolean;
  demo: boolean;
}

/**
 * Where `yijian users` makes its changes. With the embedded PGlite store the database can be open in one
 * process only: while the service runs, the command goes through the server's admin API (its address and
 * token in DATA_DIR/admin-api.json); otherwise, and always with DATABASE_URL, it opens the store itself.
 */
export interface UsersBackend {
  /** 'server' when the running service made the change. */
  readonly via: 'server' | 'store';
  list(): Promise<ListedUser[]>;
  add(account: StaffAccount): Promise<ListedUser>;
  change(login: string, change: AccountChange): Promise<ListedUser>;
}

const COMMAND_LINE = { id: null, name: '命令行', role: 'system', ip: null } as const;

const listed = (user: User): ListedUser => ({
  login: /^1\d{10}$/.test(user.login) ? maskPhone(user.login) : user.login,
  displayName: user.displayName,
  role: user.role,
  centreId: user.centreId,
  disabled: user.disabled,
  demo: user.demo,
});

export function usersBackend(config: Config): UsersBackend {
  const api = config.DATABASE_URL ? undefined : readAdminApi(config.DATA_DIR);
  return api ? apiBackend(api) : storeBackend(config);
}

function storeBackend(config: Config): UsersBackend {
  const withStore = async <T>(work: (db: Awaited<ReturnType<typeof openStore>>) => Promise<T>) => {
    const db = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  };
  return {
    via: 'store',
    list: () => withStore(async (db) => (await new UsersRepo(db).list()).map(listed)),
    add: (account) => withStore(async (db) => listed(await createStaffAccount(db, account))),
    change: (login, change) =>
      withStore(async (db) => listed(await changeAccount(db, login, change, COMMAND_LINE))),
  };
}

function apiBackend(api: AdminApi): UsersBackend {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, api.url), {
        method,
        headers: {
          authorization: `Bearer ${api.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new Error(`无法连接正在运行的服务（${api.url}）：${String(error)}`);
    }
    const answer = (await response.json().catch(() => ({}))) as {
      error?: { message?: string; issues?: { field?: string; message?: string }[] };
    };
    if (!response.ok) {
      const issues = (answer.error?.issues ?? []).map((issue) => `${issue.field}：${issue.message}`);
      // The server's own refusals (a bad password, a taken name) are the user's to fix, as on the direct path.
      const message = [answer.error?.message ?? `服务返回 ${response.status}`, ...issues].join('；');
      throw response.status < 500 ? new AccountError(message) : new Error(message);
    }
    return answer;
  };
  return {
    via: 'server',
    list: async () => ((await call('GET', '/api/admin/users')) as { users: ListedUser[] }).users,
    add: async (account) =>
      (
        (await call('POST', '/api/admin/users', {
          role: account.role,
          username: account.username,
          name: account.displayName,
          password: account.password,
          ...(account.centreId ? { centre: account.centreId } : {}),
          ...(account.centreName ? { centreName: account.centreName } : {}),
        })) as { user: ListedUser }
      ).user,
    change: async (login, change) =>
      (
        (await call('POST', '/api/admin/users/change', {
          login,
          ...(change.role !== undefined ? { role: change.role } : {}),
          ...(change.centreId !== undefined ? { centre: change.centreId } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
          ...(change.password !== undefined ? { password: change.password } : {}),
        })) as { user: ListedUser }
      ).user,
  };
}
