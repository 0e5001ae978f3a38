import { randomBytes } from 'node:crypto';
import { type AccessScope, scopeCondition } from './access-scope.ts';
import type { Queryable } from './db.ts';

/**
 * 行业综合许可证 as issued: its number, the token its QR code carries, and the facts printed on it. The
 * facts are the documents module's JSON; the store keeps them as they were printed.
 */
export interface LicenceRow {
  applicationId: string;
  token: string;
  number: string;
  facts: unknown;
  issuedAt: Date;
}

const COLUMNS = `l.application_id AS "applicationId", l.token, l.number, l.facts, l.issued_at AS "issuedAt"`;

/** 24 random bytes: 32 URL-safe characters, never derived from anything a person could guess. */
const newToken = () => randomBytes(24).toString('base64url');

export class LicencesRepo {
  constructor(private readonly db: Queryable) {}

  /**
   * Issues the licence of an application with these facts, unless it has one: the first issue wins and is
   * returned ever after, so two downloads at once print the same number and token.
   */
  async issue(
    applicationId: string,
    numberOf: (serial: number, issuedAt: Date) => string,
    facts: unknown,
  ): Promise<LicenceRow> {
    const [{ serial, now } = { serial: 0, now: new Date() }] = await this.db.query<{
      serial: string;
      now: Date;
    }>(`SELECT nextval('licence_serial') AS serial, now() AS now`);
    await this.db.query(
      `INSERT INTO licences (application_id, token, number, facts, issued_at) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (application_id) DO NOTHING`,
      [applicationId, newToken(), numberOf(Number(serial), now), JSON.stringify(facts), now],
    );
    const issued = await this.find({ kind: 'all' }, applicationId);
    if (!issued) throw new Error(`licence of ${applicationId} was not stored`);
    return issued;
  }

  /** The licence of an application the scope may see. */
  async find(scope: AccessScope, applicationId: string): Promise<LicenceRow | undefined> {
    const params: unknown[] = [applicationId];
    const rows = await this.db.query<LicenceRow>(
      `SELECT ${COLUMNS} FROM licences l JOIN applications a ON a.id = l.application_id
       WHERE l.application_id = $1 AND ${scopeCondition(scope, 'a', params)}`,
      params,
    );
    return rows[0];
  }

  /** The public verification page's look-up: by token only. */
  async byToken(token: string): Promise<LicenceRow | undefined> {
    const rows = await this.db.query<LicenceRow>(`SELECT ${COLUMNS} FROM licences l WHERE l.token = $1`, [
      token,
    ]);
    return rows[0];
  }
}
