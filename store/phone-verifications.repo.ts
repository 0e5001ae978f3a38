import type { Queryable } from './db.ts';

/** A registration waiting for its SMS code (see 0105_phone_verifications.sql). */
export interface PendingRegistration {
  phone: string;
  displayName: string;
  passwordHash: string;
  codeHmac: string;
  attempts: number;
  sentAt: Date;
  expiresAt: Date;
}

const COLUMNS = `phone, display_name AS "displayName", password_hash AS "passwordHash", code_hmac AS "codeHmac",
  attempts, sent_at AS "sentAt", expires_at AS "expiresAt"`;

export class PhoneVerificationsRepo {
  constructor(private readonly db: Queryable) {}

  /** A new code for the session's registration (a new registration or 重新获取), tries counted afresh. */
  async put(sessionIdHash: string, pending: Omit<PendingRegistration, 'attempts' | 'sentAt'>): Promise<void> {
    await this.db.query(
      `INSERT INTO phone_verifications (session_id_hash, phone, display_name, password_hash, code_hmac, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (session_id_hash) DO UPDATE SET phone = $2, display_name = $3, password_hash = $4,
         code_hmac = $5, expires_at = $6, attempts = 0, sent_at = now()`,
      [
        sessionIdHash,
        pending.phone,
        pending.displayName,
        pending.passwordHash,
        pending.codeHmac,
        pending.expiresAt,
      ],
    );
  }

  async get(sessionIdHash: string): Promise<PendingRegistration | undefined> {
    const rows = await this.db.query<PendingRegistration>(
      `SELECT ${COLUMNS} FROM phone_verifications WHERE session_id_hash = $1`,
      [sessionIdHash],
    );
    return rows[0];
  }

  /** Counts a wrong code; returns the tries made so far. */
  async countAttempt(sessionIdHash: string): Promise<number> {
    const rows = await this.db.query<{ attempts: number }>(
      `UPDATE phone_verifications SET attempts = attempts + 1 WHERE session_id_hash = $1 RETURNING attempts`,
      [sessionIdHash],
    );
    return rows[0]?.attempts ?? 0;
  }

  async remove(sessionIdHash: string): Promise<void> {
    await this.db.query('DELETE FROM phone_verifications WHERE session_id_hash = $1', [sessionIdHash]);
  }
}
