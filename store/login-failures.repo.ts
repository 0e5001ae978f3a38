import type { Queryable } from './db.ts';

/** Failed sign-ins, counted per account key (an HMAC of the login name) and per IP over a sliding window. */
export class LoginFailuresRepo {
  constructor(private readonly db: Queryable) {}

  async record(accountKey: string, ip: string): Promise<void> {
    await this.db.query('INSERT INTO login_failures (account_key, ip) VALUES ($1, $2)', [accountKey, ip]);
  }

  /**
   * Failures within the window, with the times of the oldest (a refused address is let in again a window
   * after it) and the latest (an account's delay runs from it). `fromIp` narrows an account's failures to
   * one client.
   */
  async recent(
    by: 'account' | 'ip',
    key: string,
    windowMs: number,
    narrow: { fromIp?: string } = {},
  ): Promise<{ count: number; oldest: Date | null; latest: Date | null }> {
    const column = by === 'account' ? 'account_key' : 'ip';
    const rows = await this.db.query<{ count: number; oldest: Date | null; latest: Date | null }>(
      `SELECT count(*)::int AS count, min(at) AS oldest, max(at) AS latest FROM login_failures
       WHERE ${column} = $1 AND at > now() - make_interval(secs => $2)
         AND ($3::text IS NULL OR ip = $3)`,
      [key, windowMs / 1000, narrow.fromIp ?? null],
    );
    const row = rows[0];
    return { count: row?.count ?? 0, oldest: row?.oldest ?? null, latest: row?.latest ?? null };
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
