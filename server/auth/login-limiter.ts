import { createHmac } from 'node:crypto';
import type { LoginFailuresRepo } from '../../store/login-failures.repo.ts';
import type { ServerOptions } from '../options.ts';

export type LoginLock = { locked: false } | { locked: true; by: 'account' | 'ip'; retryAfterMs: number };

/**
 * Failed sign-ins counted in the database (so every server process and a restart see the same counts),
 * per account and per IP over a sliding window. An account locks after `loginMaxFailuresPerAccount`
 * failures; an address after `loginMaxFailuresPerIp` (someone trying many accounts).
 */
export class LoginLimiter {
  constructor(
    private readonly failures: LoginFailuresRepo,
    private readonly options: ServerOptions,
    private readonly secret: string,
  ) {}

  accountKey(login: string): string {
    return createHmac('sha256', this.secret).update(`login:${login.trim().toLowerCase()}`).digest('hex');
  }

  async check(login: string, ip: string): Promise<LoginLock> {
    const window = this.options.loginWindowMs;
    const [account, address] = await Promise.all([
      this.failures.recent('account', this.accountKey(login), window),
      this.failures.recent('ip', ip, window),
    ]);
    const lockedFor = (oldest: Date | null) =>
      Math.max(1000, (oldest?.getTime() ?? Date.now()) + window - Date.now());
    if (account.count >= this.options.loginMaxFailuresPerAccount) {
      return { locked: true, by: 'account', retryAfterMs: lockedFor(account.oldest) };
    }
    if (address.count >= this.options.loginMaxFailuresPerIp) {
      return { locked: true, by: 'ip', retryAfterMs: lockedFor(address.oldest) };
    }
    return { locked: false };
  }

  async fail(login: string, ip: string): Promise<void> {
    await this.failures.record(this.accountKey(login), ip);
  }

  async succeed(login: string): Promise<void> {
    await this.failures.clearAccount(this.accountKey(login));
  }
}

export function lockMessage(lock: Extract<LoginLock, { locked: true }>): string {
  const minutes = Math.ceil(lock.retryAfterMs / 60_000);
  return lock.by === 'account'
    ? `登录失败次数过多，该账号已临时锁定，请 ${minutes} 分钟后再试`
    : `此网络地址登录失败次数过多，请 ${minutes} 分钟后再试`;
}
