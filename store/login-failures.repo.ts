import type { Queryable } from './db.ts';

/** Failed sign-ins, counted per account key (an HMAC of the login name) and per IP over a sliding window. */
export class LoginFailuresRepo {
  constructor(private readonly db: Queryable) {}

  async record(accountKey: string, ip: string): Promise<void> {
    await this.db.query('INSERT INTO login_failures (account_key, ip) VALUES ($1, $2)', [accountKey, ip]);
  }

  /** Failures within the window and the time of the oldest of them (the lock lifts a window after it). */
  async recent(
    by: 'account' | 'ip',
    key: string,
    windowMs: number,
  ): Promise<{ count: number; oldest: Date | null }> {
    const column = by === 'account' ? 'account_key' : 'ip';
    const rows = await this.db.query<{ count: number; oldest: Date | null }>(
      `SELECT count(*)::int AS count, min(at) AS oldest FROM login_failures
       WHERE ${column} = $1 AND at > now() - make_interval(secs => $2)`,
      [key, windowMs / 1000],
    );
    return { count: rows[0]?.count ?? 0, oldest: rows[0]?.oldest ?? null };
  }

  /** A successful sign-in forgives the account's earlier failures (not the IP's). */
  async clearAccount(accountKey: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE account_key = $1', [accountKey]);
  }

  async purgeOlderThan(windowMs: number): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE at < now() - make_interval(secs => $1)', [
      windowMs / 1000,
    ]);
  }
}
