import type { SealedBox } from '../lib/sealed-box.ts';
import type { Queryable } from './db.ts';

export interface PortalCredentialSummary {
  portalId: string;
  username: string;
  /** Only the last two characters, for a person to recognise which password is stored. */
  passwordHint: string;
  updatedAt: Date;
  updatedBy: string | null;
}

/**
 * The bots' accounts on each department portal. Passwords are sealed (AES-256-GCM, key from YIJIAN_SECRET)
 * before they reach the database and are opened only by a worker about to log in.
 */
export const portalCredentials = {
  async set(db: Queryable, box: SealedBox, portalId: string, username: string, password: string, by: string) {
    await db.query(
      `INSERT INTO portal_credentials (portal_id, username, password_sealed, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (portal_id) DO UPDATE SET username = $2, password_sealed = $3, updated_by = $4, updated_at = now()`,
      [portalId, username, box.seal(password), by],
    );
  },

  async reveal(
    db: Queryable,
    box: SealedBox,
    portalId: string,
  ): Promise<{ username: string; password: string } | undefined> {
    const rows = await db.query<{ username: string; sealed: string }>(
      'SELECT username, password_sealed AS sealed FROM portal_credentials WHERE portal_id = $1',
      [portalId],
    );
    const row = rows[0];
    return row ? { username: row.username, password: box.open(row.sealed) } : undefined;
  },

  async list(db: Queryable, box: SealedBox): Promise<PortalCredentialSummary[]> {
    const rows = await db.query<{
      portalId: string;
      username: string;
      sealed: string;
      updatedAt: Date;
      updatedBy: string | null;
    }>(
      `SELECT portal_id AS "portalId", username, password_sealed AS sealed, updated_at AS "updatedAt",
              updated_by AS "updatedBy" FROM portal_credentials ORDER BY portal_id`,
    );
    return rows.map(({ sealed, ...row }) => {
      const password = box.open(sealed);
      return { ...row, passwordHint: `${'•'.repeat(6)}${password.slice(-2)}` };
    });
  },
};
