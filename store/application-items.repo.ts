import type { Queryable } from './db.ts';

export type ItemStatus =
  | 'waiting'
  | 'queued'
  | 'running'
  | 'awaiting-person'
  | 'awaiting-approval'
  | 'done'
  | 'failed'
  | 'cancelled'
  | 'handed-over';

/**
 * Taken out of the bots' hands by an admin (see 0202_item_closing.sql): cancelled, or handed over to the
 * clerk. No write of the bots' side (status, result, failure, submit marker) touches such a row again.
 */
export const CLOSED_STATUSES: readonly ItemStatus[] = ['cancelled', 'handed-over'];

/** What an admin may still take from the bots: nothing of it is being filed right now. */
export const CLOSABLE_STATUSES: readonly ItemStatus[] = ['waiting', 'queued', 'failed'];

/**
 * The bots' guard: neither closed now, nor ever closed (a handed-over item the clerk finished by hand is
 * 'done' but keeps its closed_at, and stays the clerk's).
 */
const NOT_CLOSED = `status NOT IN ('cancelled', 'handed-over') AND closed_at IS NULL`;

export interface ApplicationItemRow {
  applicationId: string;
  itemId: string;
  status: ItemStatus;
  generation: number;
  outputs: Record<string, unknown>;
  receipt: Record<string, string> | null;
  failure: Record<string, unknown> | null;
  submitStartedAt: Date | null;
  updatedAt: Date;
  /** Why an admin cancelled the item or handed it to the clerk, by whom (display name) and when. */
  closedReason: string | null;
  closedByName: string | null;
  closedAt: Date | null;
  /** 人工办结 of a handed-over item: what the clerk did, who (display name) and when. */
  handledNote: string | null;
  handledByName: string | null;
  handledAt: Date | null;
}

/** The clerk's 人工办结 of a handed-over item: what was done, and what the department answered. */
export interface DoneByHand {
  note: string;
  byName: string;
  /** 部门办件编号 and other numbers, under the receipt keys bots use (`reference`). */
  receipt: Record<string, string>;
  /** The item's outputs typed by the clerk (its `produces`), as a bot would have stored them. */
  outputs: Record<string, string>;
}

const COLUMNS = `application_id AS "applicationId", item_id AS "itemId", status, generation, outputs, receipt,
  failure, submit_started_at AS "submitStartedAt", updated_at AS "updatedAt", closed_reason AS "closedReason",
  closed_by_name AS "closedByName", closed_at AS "closedAt", handled_note AS "handledNote",
  handled_by_name AS "handledByName", handled_at AS "handledAt"`;

/** One row per item of a submitted application: what the bots did and what came out. */
export const applicationItems = {
  /** Creates the rows of a plan; rows that exist are left as they are (one key pressed twice). */
  async ensure(db: Queryable, applicationId: string, itemIds: readonly string[]): Promise<void> {
    for (const itemId of itemIds) {
      await db.query(
        `INSERT INTO application_items (application_id, item_id) VALUES ($1, $2)
         ON CONFLICT (application_id, item_id) DO NOTHING`,
        [applicationId, itemId],
      );
    }
  },

  async list(db: Queryable, applicationId: string): Promise<ApplicationItemRow[]> {
    return db.query<ApplicationItemRow>(
      `SELECT ${COLUMNS} FROM application_items WHERE application_id = $1 ORDER BY item_id`,
      [applicationId],
    );
  },

  /** Items in the bots' hands (queued, running, waiting for a person) unchanged since `before`: the admin's alerts. */
  async stuck(db: Queryable, before: Date, limit = 50): Promise<ApplicationItemRow[]> {
    return db.query<ApplicationItemRow>(
      `SELECT ${COLUMNS} FROM application_items
       WHERE status IN ('queued', 'running', 'awaiting-person') AND updated_at < $1
       ORDER BY updated_at LIMIT $2`,
      [before, limit],
    );
  },

  async get(db: Queryable, applicationId: string, itemId: string): Promise<ApplicationItemRow | undefined> {
    const rows = await db.query<ApplicationItemRow>(
      `SELECT ${COLUMNS} FROM application_items WHERE application_id = $1 AND item_id = $2`,
      [applicationId, itemId],
    );
    return rows[0];
  },

  async setStatus(db: Queryable, applicationId: string, itemId: string, status: ItemStatus): Promise<void> {
    await db.query(
      `UPDATE application_items SET status = $3, updated_at = now()
       WHERE application_id = $1 AND item_id = $2 AND ${NOT_CLOSED}`,
      [applicationId, itemId, status],
    );
  },

  /**
   * Marks that a submission may exist from now on: any later run must reconcile before submitting. False
   * when an admin closed the item meanwhile: the bot must not press submit (the last check before filing).
   */
  async markSubmitStarted(db: Queryable, applicationId: string, itemId: string): Promise<boolean> {
    const rows = await db.query<{ itemId: string }>(
      `UPDATE application_items SET submit_started_at = COALESCE(submit_started_at, now()), updated_at = now()
       WHERE application_id = $1 AND item_id = $2 AND ${NOT_CLOSED}
       RETURNING item_id AS "itemId"`,
      [applicationId, itemId],
    );
    return rows.length > 0;
  },

  /**
   * An admin's 取消 or 转人工: only an item nothing is being filed for (CLOSABLE_STATUSES). Returns the status it
   * had and its generation (whose job is to be removed), or undefined when it cannot be closed now.
   */
  async close(
    db: Queryable,
    applicationId: string,
    itemId: string,
    change: { to: 'cancelled' | 'handed-over'; reason: string; byName: string },
  ): Promise<{ previous: ItemStatus; generation: number } | undefined> {
    const rows = await db.query<{ previous: ItemStatus; generation: number }>(
      `UPDATE application_items i
       SET status = $3, closed_reason = $4, closed_by_name = $5, closed_at = now(), updated_at = now()
       FROM (SELECT status FROM application_items WHERE application_id = $1 AND item_id = $2 FOR UPDATE) before
       WHERE i.application_id = $1 AND i.item_id = $2 AND i.status = ANY($6::text[])
       RETURNING before.status AS previous, i.generation`,
      [applicationId, itemId, change.to, change.reason, change.byName, [...CLOSABLE_STATUSES]],
    );
    return rows[0];
  },

  /**
   * 人工办结: a handed-over item becomes done with what the clerk typed. False when the item is not (or no
   * longer) handed over — finished already, or never the clerk's.
   */
  async finishByHand(
    db: Queryable,
    applicationId: string,
    itemId: string,
    done: DoneByHand,
  ): Promise<boolean> {
    const rows = await db.query<{ itemId: string }>(
      `UPDATE application_items
       SET status = 'done', handled_note = $3, handled_by_name = $4, handled_at = now(),
           receipt = COALESCE(receipt, '{}'::jsonb) || $5::jsonb, outputs = outputs || $6::jsonb,
           failure = NULL, updated_at = now()
       WHERE application_id = $1 AND item_id = $2 AND status = 'handed-over'
       RETURNING item_id AS "itemId"`,
      [
        applicationId,
        itemId,
        done.note,
        done.byName,
        JSON.stringify(done.receipt),
        JSON.stringify(done.outputs),
      ],
    );
    return rows.length > 0;
  },

  /** Items of these applications handed over to the clerk, for the desk's list. */
  async handedOver(db: Queryable, applicationIds: readonly string[]): Promise<ApplicationItemRow[]> {
    if (applicationIds.length === 0) return [];
    return db.query<ApplicationItemRow>(
      `SELECT ${COLUMNS} FROM application_items
       WHERE application_id = ANY($1::text[]) AND status = 'handed-over' ORDER BY closed_at`,
      [[...applicationIds]],
    );
  },

  async recordResult(
    db: Queryable,
    row: {
      applicationId: string;
      itemId: string;
      status: ItemStatus;
      receipt: Record<string, string>;
      outputs: Record<string, unknown>;
    },
  ): Promise<void> {
    await db.query(
      `UPDATE application_items
       SET status = $3, receipt = COALESCE(receipt, '{}'::jsonb) || $4::jsonb, outputs = outputs || $5::jsonb,
           failure = NULL, updated_at = now()
       WHERE application_id = $1 AND item_id = $2 AND ${NOT_CLOSED}`,
      [row.applicationId, row.itemId, row.status, JSON.stringify(row.receipt), JSON.stringify(row.outputs)],
    );
  },

  async recordFailure(db: Queryable, applicationId: string, itemId: string, failure: object): Promise<void> {
    await db.query(
      `UPDATE application_items SET status = 'failed', failure = $3::jsonb, updated_at = now()
       WHERE application_id = $1 AND item_id = $2 AND ${NOT_CLOSED}`,
      [applicationId, itemId, JSON.stringify(failure)],
    );
  },

  /** A new generation for a resubmission: only failed items, which keep their submit marker. */
  async restartFailed(db: Queryable, applicationId: string, itemIds: readonly string[]): Promise<string[]> {
    const rows = await db.query<{ itemId: string }>(
      `UPDATE application_items SET status = 'waiting', generation = generation + 1, failure = NULL, updated_at = now()
       WHERE application_id = $1 AND item_id = ANY($2::text[]) AND status = 'failed'
       RETURNING item_id AS "itemId"`,
      [applicationId, [...itemIds]],
    );
    return rows.map((r) => r.itemId);
  },
};
