import type { Queryable } from './db.ts';

export type HumanTaskStatus = 'open' | 'answered' | 'used' | 'expired' | 'cancelled';

export interface HumanTaskRow {
  id: number;
  applicationId: string;
  itemId: string;
  runId: number | null;
  kind: 'sms-code' | 'captcha';
  prompt: string;
  imagePath: string | null;
  status: HumanTaskStatus;
  createdAt: Date;
  deadline: Date;
  answeredAt: Date | null;
  answeredBy: string | null;
}

const COLUMNS = `id, application_id AS "applicationId", item_id AS "itemId", run_id AS "runId", kind, prompt,
  image_path AS "imagePath", status, created_at AS "createdAt", deadline, answered_at AS "answeredAt",
  answered_by AS "answeredBy"`;

/**
 * Questions a bot puts to a person (an SMS code, a CAPTCHA it could not read). The answer is kept only
 * until the bot has used it, then wiped: an SMS code is a credential.
 */
export const humanTasks = {
  async open(
    db: Queryable,
    task: Pick<
      HumanTaskRow,
      'applicationId' | 'itemId' | 'runId' | 'kind' | 'prompt' | 'imagePath' | 'deadline'
    >,
  ): Promise<HumanTaskRow> {
    // One open question per item at a time: a new one supersedes a forgotten one.
    await db.query(
      `UPDATE human_tasks SET status = 'cancelled', answer = NULL
       WHERE application_id = $1 AND item_id = $2 AND status = 'open'`,
      [task.applicationId, task.itemId],
    );
    const rows = await db.query<HumanTaskRow>(
      `INSERT INTO human_tasks (application_id, item_id, run_id, kind, prompt, image_path, deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [task.applicationId, task.itemId, task.runId, task.kind, task.prompt, task.imagePath, task.deadline],
    );
    const row = rows[0];
    if (!row) throw new Error('human task not created');
    return row;
  },

  async get(db: Queryable, id: number): Promise<HumanTaskRow | undefined> {
    return (await db.query<HumanTaskRow>(`SELECT ${COLUMNS} FROM human_tasks WHERE id = $1`, [id]))[0];
  },

  async listOpen(db: Queryable, applicationIds?: readonly string[]): Promise<HumanTaskRow[]> {
    return applicationIds
      ? db.query<HumanTaskRow>(
          `SELECT ${COLUMNS} FROM human_tasks WHERE status = 'open' AND application_id = ANY($1::text[]) ORDER BY id`,
          [[...applicationIds]],
        )
      : db.query<HumanTaskRow>(`SELECT ${COLUMNS} FROM human_tasks WHERE status = 'open' ORDER BY id`);
  },

  /** Records an answer if the task is still open and in time; false otherwise. */
  async answer(db: Queryable, id: number, answer: string, answeredBy: string): Promise<boolean> {
    const rows = await db.query(
      `UPDATE human_tasks SET status = 'answered', answer = $2, answered_by = $3, answered_at = now()
       WHERE id = $1 AND status = 'open' AND deadline > now() RETURNING id`,
      [id, answer, answeredBy],
    );
    return rows.length === 1;
  },

  /** Takes the answer once (the bot's side) and wipes it from the store. */
  async takeAnswer(db: Queryable, id: number): Promise<string | undefined> {
    const rows = await db.query<{ answer: string }>(
      `UPDATE human_tasks t SET status = 'used', answer = NULL
       FROM (SELECT id, answer FROM human_tasks WHERE id = $1 AND status = 'answered' FOR UPDATE) old
       WHERE t.id = old.id RETURNING old.answer AS answer`,
      [id],
    );
    return rows[0]?.answer;
  },

  async expire(db: Queryable, id: number): Promise<void> {
    await db.query(
      `UPDATE human_tasks SET status = 'expired', answer = NULL WHERE id = $1 AND status = 'open'`,
      [id],
    );
  },
};
