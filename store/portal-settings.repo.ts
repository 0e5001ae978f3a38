import type { Queryable } from './db.ts';

export interface PortalSettingsRow {
  portalId: string;
  concurrency: number;
  rateMax: number | null;
  rateDurationMs: number | null;
  paused: boolean;
  baseUrl: string | null;
  /** Hold new filings when a drift check finds something that will fail (docs/drift-check.md). */
  driftAutoPause: boolean;
  /** While set, new filings are held because of drift: what the clerk reads. */
  driftHold: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

const COLUMNS = `portal_id AS "portalId", concurrency, rate_max AS "rateMax", rate_duration_ms AS "rateDurationMs",
  paused, base_url AS "baseUrl", drift_auto_pause AS "driftAutoPause", drift_hold AS "driftHold", updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/** Per-portal queue settings an admin changes at run time; the queue applies them to Redis. */
export const portalSettings = {
  async list(db: Queryable): Promise<PortalSettingsRow[]> {
    return db.query<PortalSettingsRow>(`SELECT ${COLUMNS} FROM portal_settings ORDER BY portal_id`);
  },

  async get(db: Queryable, portalId: string): Promise<PortalSettingsRow | undefined> {
    return (
      await db.query<PortalSettingsRow>(`SELECT ${COLUMNS} FROM portal_settings WHERE portal_id = $1`, [
        portalId,
      ])
    )[0];
  },

  /** Inserts defaults for portals that have none; existing settings are kept. */
  async ensureDefaults(db: Queryable, portalIds: readonly string[], concurrency: number): Promise<void> {
    for (const portalId of portalIds) {
      await db.query(
        `INSERT INTO portal_settings (portal_id, concurrency) VALUES ($1, $2) ON CONFLICT (portal_id) DO NOTHING`,
        [portalId, concurrency],
      );
    }
  },

  async update(
    db: Queryable,
    portalId: string,
    change: Partial<
      Pick<
        PortalSettingsRow,
        'concurrency' | 'rateMax' | 'rateDurationMs' | 'paused' | 'baseUrl' | 'driftAutoPause' | 'driftHold'
      >
    >,
    updatedBy: string,
  ): Promise<PortalSettingsRow> {
    const rows = await db.query<PortalSettingsRow>(
      `UPDATE portal_settings SET
         concurrency = COALESCE($2, concurrency),
         rate_max = CASE WHEN $7 THEN $3 ELSE rate_max END,
         rate_duration_ms = CASE WHEN $7 THEN $4 ELSE rate_duration_ms END,
         paused = COALESCE($5, paused),
         base_url = CASE WHEN $8 THEN $6 ELSE base_url END,
         drift_auto_pause = COALESCE($10, drift_auto_pause),
         drift_hold = CASE WHEN $12 THEN $11 ELSE drift_hold END,
         updated_at = now(), updated_by = $9
       WHERE portal_id = $1 RETURNING ${COLUMNS}`,
      [
        portalId,
        change.concurrency ?? null,
        change.rateMax ?? null,
        change.rateDurationMs ?? null,
        change.paused ?? null,
        change.baseUrl ?? null,
        'rateMax' in change,
        'baseUrl' in change,
        updatedBy,
        change.driftAutoPause ?? null,
        change.driftHold ?? null,
        'driftHold' in change,
      ],
    );
    const row = rows[0];
    if (!row) throw new Error(`Unknown portal ${portalId}`);
    return row;
  },
};
