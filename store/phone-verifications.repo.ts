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

  /**
   * Counts a try before the code is compared, in one statement: requests sent at once cannot each see the
   * same count and so get more than `max` tries. Undefined when there is no registration or no try left.
   */
  async takeTry(sessionIdHash: string, max: number): Promise<PendingRegistration | undefined> {
    const rows = await this.db.query<PendingRegistration>(
      `UPDATE phone_verifications SET attempts = attempts + 1
       WHERE session_id_hash = $1 AND attempts < $2 RETURNING ${COLUMNS}`,
      [sessionIdHash, max],
    );
    return rows[0];
  }

  /** Ends the registration; false when another request already did (a code is used once). */
  async consume(sessionIdHash: string): Promise<boolean> {
    const rows = await this.db.query<{ phone: string }>(
      'DELETE FROM phone_verifications WHERE session_id_hash = $1 RETURNING phone',
      [sessionIdHash],
    );
    return rows.length > 0;
  }

  /** When a code was last sent to this phone for any visitor, to space codes out per phone. */
  async lastSentTo(phone: string): Promise<Date | undefined> {
    const rows = await this.db.query<{ sentAt: Date | null }>(
      'SELECT max(sent_at) AS "sentAt" FROM phone_verifications WHERE phone = $1',
      [phone],
    );
    return rows[0]?.sentAt ?? undefined;
  }

  async remove(sessionIdHash: string): Promise<void> {
    await this.db.query('DELETE FROM phone_verifications WHERE session_id_hash = $1', [sessionIdHash]);
  }
}
