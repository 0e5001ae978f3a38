import type { Queryable } from './db.ts';

/** One finding of a drift check as stored (the shape of bots' DriftFinding; the store imports no bots). */
export interface StoredFinding {
  severity: 'will-fail' | 'may-fail' | 'cosmetic';
  kind: string;
  step: string;
  field?: string;
  message: string;
}

export type CheckTrigger = 'schedule' | 'admin';
export type CheckOutcome = 'checked' | 'skipped' | 'error';

export interface PortalCheckRow {
  id: number;
  portalId: string;
  trigger: CheckTrigger;
  outcome: CheckOutcome;
  finishedAt: Date;
  declarationVersion: string | null;
  stepsChecked: string[];
  findings: StoredFinding[];
  note: string | null;
}

export interface DriftScheduleRow {
  enabled: boolean;
  /** HH:MM, daily, in `timeZone`. */
  timeOfDay: string;
  timeZone: string;
  updatedAt: Date;
  updatedBy: string | null;
}

const COLUMNS = `id, portal_id AS "portalId", trigger, outcome, finished_at AS "finishedAt",
  declaration_version AS "declarationVersion", steps_checked AS "stepsChecked", findings, note`;

const SCHEDULE_COLUMNS = `enabled, time_of_day AS "timeOfDay", time_zone AS "timeZone", updated_at AS "updatedAt",
  updated_by AS "updatedBy"`;

/** The drift checks of the portals (docs/drift-check.md) and the admin's schedule for them. */
export const portalChecks = {
  async record(db: Queryable, check: Omit<PortalCheckRow, 'id' | 'finishedAt'>): Promise<PortalCheckRow> {
    const rows = await db.query<PortalCheckRow>(
      `INSERT INTO portal_checks (portal_id, trigger, outcome, declaration_version, steps_checked, findings, note)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7) RETURNING ${COLUMNS}`,
      [
        check.portalId,
        check.trigger,
        check.outcome,
        check.declarationVersion,
        JSON.stringify(check.stepsChecked),
        JSON.stringify(check.findings),
        check.note,
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('portal check not recorded');
    return row;
  },

  /** The newest check of each portal, and the newest that ran (not skipped), by portal id. */
  async latest(db: Queryable): Promise<{ last: PortalCheckRow; lastRun?: PortalCheckRow }[]> {
    const last = await db.query<PortalCheckRow>(
      `SELECT DISTINCT ON (portal_id) ${COLUMNS} FROM portal_checks ORDER BY portal_id, finished_at DESC, id DESC`,
    );
    const ran = await db.query<PortalCheckRow>(
      `SELECT DISTINCT ON (portal_id) ${COLUMNS} FROM portal_checks WHERE outcome <> 'skipped'
       ORDER BY portal_id, finished_at DESC, id DESC`,
    );
    return last.map((row) => {
      const lastRun = ran.find((r) => r.portalId === row.portalId);
      return lastRun ? { last: row, lastRun } : { last: row };
    });
  },

  async schedule(db: Queryable, defaultTimeZone: string): Promise<DriftScheduleRow> {
    await db.query(`INSERT INTO drift_schedule (time_zone) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [
      defaultTimeZone,
    ]);
    const row = (await db.query<DriftScheduleRow>(`SELECT ${SCHEDULE_COLUMNS} FROM drift_schedule`))[0];
    if (!row) throw new Error('drift schedule missing');
    return row;
  },

  async setSchedule(
    db: Queryable,
    change: Pick<DriftScheduleRow, 'enabled' | 'timeOfDay' | 'timeZone'>,
    updatedBy: string,
  ): Promise<DriftScheduleRow> {
    const rows = await db.query<DriftScheduleRow>(
      `INSERT INTO drift_schedule (enabled, time_of_day, time_zone, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET enabled = $1, time_of_day = $2, time_zone = $3, updated_by = $4,
         updated_at = now()
       RETURNING ${SCHEDULE_COLUMNS}`,
      [change.enabled, change.timeOfDay, change.timeZone, updatedBy],
    );
    const row = rows[0];
    if (!row) throw new Error('drift schedule not stored');
    return row;
  },
};
