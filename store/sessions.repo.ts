import type { Queryable } from './db.ts';

/**
 * Sessions as rows. The cookie holds a random token; the table holds only its sha256 (`idHash`), so the
 * table cannot be replayed. Callers hash; this file never sees a token.
 */
export interface SessionRecord {
  idHash: string;
  userId: string | null;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

interface SessionRow {
  id_hash: string;
  user_id: string | null;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

const toSession = (row: SessionRow): SessionRecord => ({
  idHash: row.id_hash,
  userId: row.user_id,
  csrfToken: row.csrf_token,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
});

export interface NewSession {
  idHash: string;
  userId: string | null;
  csrfToken: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export class SessionsRepo {
  constructor(private readonly db: Queryable) {}

  async create(session: NewSession): Promise<SessionRecord> {
    const rows = await this.db.query<SessionRow>(
      `INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at`,
      [session.idHash, session.userId, session.csrfToken, session.expiresAt, session.ip, session.userAgent],
    );
    const row = rows[0];
    if (!row) throw new Error('session insert returned no row');
    return toSession(row);
  }

  async find(idHash: string): Promise<SessionRecord | undefined> {
    const rows = await this.db.query<SessionRow>(
      'SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE id_hash = $1',
      [idHash],
    );
    return rows[0] && toSession(rows[0]);
  }

  async touch(idHash: string): Promise<void> {
    await this.db.query('UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1', [idHash]);
  }

  async delete(idHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  /** Signs a user out everywhere (password changed, account disabled). */
  async deleteForUser(userId: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  /** Drops sessions past their absolute expiry or idle for longer than `idleMs`. */
  async purgeExpired(idleMs: number, anonymousIdleMs: number): Promise<number> {
    const rows = await this.db.query<{ id_hash: string }>(
      `DELETE FROM sessions
       WHERE expires_at < now()
          OR (user_id IS NOT NULL AND last_seen_at < now() - make_interval(secs => $1))
          OR (user_id IS NULL AND last_seen_at < now() - make_interval(secs => $2))
       RETURNING id_hash`,
      [idleMs / 1000, anonymousIdleMs / 1000],
    );
    return rows.length;
  }
}
