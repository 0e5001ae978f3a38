import { createHmac } from 'node:crypto';
import type { LoginFailuresRepo } from '../../store/login-failures.repo.ts';
import type { ServerOptions } from '../options.ts';

/** Whether a sign-in may be tried now, and if not, for how long it must wait. */
export type LoginWait = { wait: false } | { wait: true; by: 'account' | 'client'; retryAfterMs: number };

/**
 * Failed sign-ins counted in the database (so every server process and a restart see the same counts),
 * per account and per client address over a sliding window.
 *
 * An account is never locked: after `loginFreeFailures` failures each further try must wait a delay that
 * doubles up to `loginDelayMaxMs`, counted from the last failure, so a stranger guessing can slow the owner
 * down but never shut them out; a success forgives the account. The last active admin counts only the
 * failures of the client at hand, so no one elsewhere can delay the one person who can repair accounts.
 * A client address is refused after `loginMaxFailuresPerIp` failures on any accounts (one guesser trying
 * many). The address is the socket's unless `trustProxy` names the proxy in front of us.
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

  async check(login: string, ip: string, account: { lastAdmin: boolean }): Promise<LoginWait> {
    const window = this.options.loginWindowMs;
    const [byAccount, byClient] = await Promise.all([
      this.failures.recent(
        'account',
        this.accountKey(login),
        window,
        account.lastAdmin ? { fromIp: ip } : {},
      ),
      this.failures.recent('ip', ip, window),
    ]);
    const now = Date.now();
    if (byClient.count >= this.options.loginMaxFailuresPerIp) {
      const until = (byClient.oldest?.getTime() ?? now) + window;
      return { wait: true, by: 'client', retryAfterMs: Math.max(1000, until - now) };
    }
    const delay = accountDelayMs(byAccount.count, this.options);
    const until = (byAccount.latest?.getTime() ?? now) + delay;
    if (delay > 0 && until > now) return { wait: true, by: 'account', retryAfterMs: until - now };
    return { wait: false };
  }

  async fail(login: string, ip: string): Promise<void> {
    await this.failures.record(this.accountKey(login), ip);
  }

  async succeed(login: string): Promise<void> {
    await this.failures.clearAccount(this.accountKey(login));
  }
}

/** The wait before the next try after `failures` recent failures: 0, …, 0, base, 2·base, 4·base, … capped. */
export function accountDelayMs(
  failures: number,
  options: Pick<ServerOptions, 'loginFreeFailures' | 'loginDelayBaseMs' | 'loginDelayMaxMs'>,
): number {
  if (failures < options.loginFreeFailures) return 0;
  const doublings = Math.min(failures - options.loginFreeFailures, 30);
  return Math.min(options.loginDelayBaseMs * 2 ** doublings, options.loginDelayMaxMs);
}

export function waitMessage(wait: Extract<LoginWait, { wait: true }>): string {
  const seconds = Math.ceil(wait.retryAfterMs / 1000);
  const shown = seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return wait.by === 'account'
    ? `该账号登录失败次数较多，请 ${shown}后再试`
    : `此网络地址登录失败次数过多，请 ${shown}后再试`;
}
