import type { Queryable } from './db.ts';

export interface BotRunRow {
  id: number;
  applicationId: string;
  itemId: string;
  portalId: string;
  jobId: string;
  generation: number;
  attempt: number;
  worker: string;
  status: 'running' | 'succeeded' | 'adopted' | 'failed' | 'interrupted';
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  failure: Record<string, unknown> | null;
  receipt: Record<string, string> | null;
  comparison: unknown[] | null;
  tracePath: string | null;
}

export interface RunStepRow {
  seq: number;
  name: string;
  status: 'ok' | 'failed';
  startedAt: Date;
  durationMs: number;
  screenshotPath: string | null;
  note: string | null;
}

const COLUMNS = `id, application_id AS "applicationId", item_id AS "itemId", portal_id AS "portalId", job_id AS "jobId",
  generation, attempt, worker, status, started_at AS "startedAt", finished_at AS "finishedAt",
  duration_ms AS "durationMs", failure, receipt, comparison, trace_path AS "tracePath"`;

export interface RunFilter {
  portalId?: string;
  status?: BotRunRow['status'];
  applicationId?: string;
  since?: Date;
  until?: Date;
  limit?: number;
}

/** Every bot run with its evidence: what the admin pages and the chaos tests read. */
export const botRuns = {
  async start(
    db: Queryable,
    run: Pick<
      BotRunRow,
      'applicationId' | 'itemId' | 'portalId' | 'jobId' | 'generation' | 'attempt' | 'worker'
    >,
  ): Promise<number> {
    // A run left 'running' by a worker that died is closed as interrupted when the next one starts.
    await db.query(
      `UPDATE bot_runs SET status = 'interrupted', finished_at = now()
       WHERE application_id = $1 AND item_id = $2 AND status = 'running'`,
      [run.applicationId, run.itemId],
    );
    const rows = await db.query<{ id: number }>(
      `INSERT INTO bot_runs (application_id, item_id, portal_id, job_id, generation, attempt, worker)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [run.applicationId, run.itemId, run.portalId, run.jobId, run.generation, run.attempt, run.worker],
    );
    return rows[0]?.id ?? 0;
  },

  async addStep(db: Queryable, runId: number, step: Omit<RunStepRow, 'seq'>): Promise<void> {
    await db.query(
      `INSERT INTO bot_run_steps (run_id, seq, name, status, started_at, duration_ms, screenshot_path, note)
       VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM bot_run_steps WHERE run_id = $1), $2, $3, $4, $5, $6, $7)`,
      [runId, step.name, step.status, step.startedAt, step.durationMs, step.screenshotPath, step.note],
    );
  },

  async finish(
    db: Queryable,
    runId: number,
    end: {
      status: Exclude<BotRunRow['status'], 'running'>;
      failure?: object;
      receipt?: Record<string, string>;
      comparison?: unknown[];
      tracePath?: string;
    },
  ): Promise<void> {
    await db.query(
      `UPDATE bot_runs SET status = $2, finished_at = now(),
         duration_ms = (EXTRACT(EPOCH FROM (now() - started_at)) * 1000)::integer,
         failure = $3::jsonb, receipt = $4::jsonb, comparison = $5::jsonb, trace_path = $6
       WHERE id = $1`,
      [
        runId,
        end.status,
        end.failure ? JSON.stringify(end.failure) : null,
        end.receipt ? JSON.stringify(end.receipt) : null,
        end.comparison ? JSON.stringify(end.comparison) : null,
        end.tracePath ?? null,
      ],
    );
  },

  async get(db: Queryable, runId: number): Promise<BotRunRow | undefined> {
    return (await db.query<BotRunRow>(`SELECT ${COLUMNS} FROM bot_runs WHERE id = $1`, [runId]))[0];
  },

  async steps(db: Queryable, runId: number): Promise<RunStepRow[]> {
    return db.query<RunStepRow>(
      `SELECT seq, name, status, started_at AS "startedAt", duration_ms AS "durationMs",
              screenshot_path AS "screenshotPath", note
       FROM bot_run_steps WHERE run_id = $1 ORDER BY seq`,
      [runId],
    );
  },

  async list(db: Queryable, filter: RunFilter = {}): Promise<BotRunRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.portalId) add('portal_id = ?', filter.portalId);
    if (filter.status) add('status = ?', filter.status);
    if (filter.applicationId) add('application_id = ?', filter.applicationId);
    if (filter.since) add('started_at >= ?', filter.since);
    if (filter.until) add('started_at < ?', filter.until);
    params.push(Math.min(filter.limit ?? 100, 1000));
    return db.query<BotRunRow>(
      `SELECT ${COLUMNS} FROM bot_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY started_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  },
};
