import { randomBytes, randomUUID } from 'node:crypto';
import { type AccessScope, scopeCondition } from './access-scope.ts';
import type { Db, Queryable } from './db.ts';

/**
 * Applications (办件): a bundle chosen by an applicant at a centre, the merged form's values with each
 * field's source, and a status with its history. Status names (English in code, Chinese on screen):
 * draft 草稿 · submitted 待审核 · returned 退回 · accepted 已受理 · processing 办理中 · completed 已办结 · withdrawn 已撤回.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'processing',
  'completed',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Where a field's value came from, shown beside the field. */
export type FieldSourceKind = 'typed' | 'ocr' | 'derived' | 'default' | 'item';
export interface FieldSource {
  source: FieldSourceKind;
  /** For OCR: the uploaded document it was read from, and how sure the reader was. */
  documentId?: string;
  /** The OCR field of that document ('name', 'idNumber'). */
  field?: string;
  confidence?: number;
  needsConfirmation?: boolean;
}

export interface Application {
  id: string;
  reference: string;
  applicantId: string;
  centreId: string;
  bundleId: string;
  options: Record<string, unknown>;
  status: ApplicationStatus;
  title: string | null;
  /** The merged form's values, resolved from `typed` and the documents (what the bots project). */
  values: Record<string, unknown>;
  /** What was entered by a person; the rest of `values` is read, derived or defaulted from it. */
  typed: Record<string, unknown>;
  sources: Record<string, FieldSource>;
  version: number;
  returnReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

export interface StatusChange {
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  actorId: string | null;
  actorRole: string | null;
  reason: string | null;
  at: Date;
}

/** Each field of an Application and the column of `applications` that holds it. */
const COLUMN_OF = {
  id: 'id',
  reference: 'reference',
  applicantId: 'applicant_id',
  centreId: 'centre_id',
  bundleId: 'bundle_id',
  options: 'options',
  status: 'status',
  title: 'title',
  values: 'form_values',
  typed: 'typed_values',
  sources: 'field_sources',
  version: 'version',
  returnReason: 'return_reason',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  submittedAt: 'submitted_at',
} as const satisfies Record<keyof Application, string>;

/** An application as the database returns it: its columns, named as there. */
type ApplicationRow = { [K in keyof Application as (typeof COLUMN_OF)[K]]: Application[K] };

const COLUMNS = Object.values(COLUMN_OF)
  .map((column) => `a.${column}`)
  .join(', ');

const toApplication = (row: ApplicationRow): Application =>
  Object.fromEntries(
    Object.entries(COLUMN_OF).map(([field, column]) => [field, row[column]]),
  ) as unknown as Application;

/** YJ + yyyymmdd (Shanghai) + 6 letters/digits without look-alikes: easy to read out at a counter. */
export function newReference(now = new Date()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now).replaceAll('-', '');
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = [...randomBytes(6)].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `YJ${day}${random}`;
}

/** The version a save was based on is no longer the stored one (edited elsewhere meanwhile). */
export class StaleVersionError extends Error {
  override readonly name = 'StaleVersionError';
  readonly code = 'STALE_VERSION';
}

export interface StatusTransition {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  actorId: string | null;
  actorRole: string | null;
  reason?: string | null;
}

export class ApplicationsRepo {
  constructor(private readonly db: Db) {}

  async create(input: {
    applicantId: string;
    centreId: string;
    bundleId: string;
    options?: Record<string, unknown>;
    typed?: Record<string, unknown>;
  }): Promise<Application> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<ApplicationRow>(
        `INSERT INTO applications AS a (id, reference, applicant_id, centre_id, bundle_id, options, typed_values)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [
          randomUUID(),
          newReference(),
          input.applicantId,
          input.centreId,
          input.bundleId,
          JSON.stringify(input.options ?? {}),
          JSON.stringify(input.typed ?? {}),
        ],
      );
      const row = rows[0];
      if (!row) throw new Error('application insert returned no row');
      await recordStatus(tx, row.id, null, 'draft', input.applicantId, 'applicant', null);
      return toApplication(row);
    });
  }

  /** One application if `scope` may see it; undefined otherwise (callers answer 404 either way). */
  async find(scope: AccessScope, id: string): Promise<Application | undefined> {
    const params: unknown[] = [id];
    const rows = await this.db.query<ApplicationRow>(
      `SELECT ${COLUMNS} FROM applications a WHERE a.id = $1 AND ${scopeCondition(scope, 'a', params)}`,
      params,
    );
    return rows[0] && toApplication(rows[0]);
  }

  async list(
    scope: AccessScope,
    filter: { statuses?: readonly ApplicationStatus[]; limit?: number } = {},
  ): Promise<Application[]> {
    const params: unknown[] = [];
    const where = [scopeCondition(scope, 'a', params)];
    if (filter.statuses?.length) {
      params.push(filter.statuses);
      where.push(`a.status = ANY($${params.length}::text[])`);
    }
    params.push(Math.min(filter.limit ?? 100, 500));
    const rows = await this.db.query<ApplicationRow>(
      `SELECT ${COLUMNS} FROM applications a WHERE ${where.join(' AND ')}
       ORDER BY a.updated_at DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toApplication);
  }

  /**
   * Saves the merged form's values (a draft save). Only while the application is editable by its
   * applicant; `expectedVersion` guards against two tabs overwriting each other.
   */
  async saveValues(
    scope: AccessScope,
    id: string,
    input: {
      values: Record<string, unknown>;
      typed?: Record<string, unknown>;
      sources: Record<string, FieldSource>;
      title?: string | null;
      options?: Record<string, unknown>;
      expectedVersion?: number;
      editableIn?: readonly ApplicationStatus[];
    },
  ): Promise<Application | undefined> {
    const params: unknown[] = [
      id,
      JSON.stringify(input.values),
      JSON.stringify(input.sources),
      input.title ?? null,
      input.options === undefined ? null : JSON.stringify(input.options),
      input.expectedVersion ?? null,
      input.editableIn ?? ['draft', 'returned'],
      input.typed === undefined ? null : JSON.stringify(input.typed),
    ];
    const condition = scopeCondition(scope, 'a', params);
    const rows = await this.db.query<ApplicationRow>(
      `UPDATE applications a SET form_values = $2, field_sources = $3, title = COALESCE($4, a.title),
         options = COALESCE($5::jsonb, a.options), typed_values = COALESCE($8::jsonb, a.typed_values), version = a.version + 1, updated_at = now()
       WHERE a.id = $1 AND a.status = ANY($7::text[]) AND ($6::int IS NULL OR a.version = $6) AND ${condition}
       RETURNING ${COLUMNS}`,
      params,
    );
    if (rows[0]) return toApplication(rows[0]);
    if (input.expectedVersion !== undefined && (await this.find(scope, id))) {
      throw new StaleVersionError('申请已在别处修改，请刷新后再保存');
    }
    return undefined;
  }

  /**
   * Stores a fresh resolution of the merged values (after an OCR reading finished, say). The version is not
   * bumped: it guards what people typed, and a recomputation must not make their open form stale.
   */
  async storeResolution(
    scope: AccessScope,
    id: string,
    resolution: {
      values: Record<string, unknown>;
      sources: Record<string, FieldSource>;
      title?: string | null;
    },
  ): Promise<void> {
    const params: unknown[] = [
      id,
      JSON.stringify(resolution.values),
      JSON.stringify(resolution.sources),
      resolution.title ?? null,
    ];
    await this.db.query(
      `UPDATE applications a SET form_values = $2, field_sources = $3, title = COALESCE($4, a.title), updated_at = now()
       WHERE a.id = $1 AND ${scopeCondition(scope, 'a', params)}`,
      params,
    );
  }

  /**
   * Moves an application from one of `from` to `to`, with a history row, in one transaction. Resolves to
   * undefined when the scope may not see it or it is not in an allowed state.
   */
  async transition(
    scope: AccessScope,
    id: string,
    change: StatusTransition,
  ): Promise<Application | undefined> {
    return this.db.transaction(async (tx) => {
      const selectParams: unknown[] = [id];
      const before = await tx.query<{ status: ApplicationStatus }>(
        `SELECT a.status FROM applications a
         WHERE a.id = $1 AND ${scopeCondition(scope, 'a', selectParams)} FOR UPDATE`,
        selectParams,
      );
      const fromStatus = before[0]?.status;
      if (!fromStatus || !change.from.includes(fromStatus)) return undefined;
      const params: unknown[] = [id, change.from, change.to, change.reason ?? null];
      const condition = scopeCondition(scope, 'a', params);
      const rows = await tx.query<ApplicationRow>(
        `UPDATE applications a SET status = $3, version = a.version + 1, updated_at = now(),
           return_reason = CASE WHEN $3 = 'returned' THEN $4 ELSE NULL END,
           submitted_at = CASE WHEN $3 = 'submitted' THEN now() ELSE a.submitted_at END
         WHERE a.id = $1 AND a.status = ANY($2::text[]) AND ${condition}
         RETURNING ${COLUMNS}`,
        params,
      );
      const row = rows[0];
      if (!row) return undefined;
      await recordStatus(
        tx,
        id,
        fromStatus,
        change.to,
        change.actorId,
        change.actorRole,
        change.reason ?? null,
      );
      return toApplication(row);
    });
  }

  async history(scope: AccessScope, id: string): Promise<StatusChange[]> {
    const params: unknown[] = [id];
    const rows = await this.db.query<{
      from_status: ApplicationStatus | null;
      to_status: ApplicationStatus;
      actor_id: string | null;
      actor_role: string | null;
      reason: string | null;
      at: Date;
    }>(
      `SELECT h.from_status, h.to_status, h.actor_id, h.actor_role, h.reason, h.at
       FROM application_status_history h JOIN applications a ON a.id = h.application_id
       WHERE h.application_id = $1 AND ${scopeCondition(scope, 'a', params)}
       ORDER BY h.at, h.id`,
      params,
    );
    return rows.map((row) => ({
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actorId: row.actor_id,
      actorRole: row.actor_role,
      reason: row.reason,
      at: row.at,
    }));
  }

  /** Counts per status within a scope (dashboards). */
  async countByStatus(scope: AccessScope): Promise<Partial<Record<ApplicationStatus, number>>> {
    const params: unknown[] = [];
    const rows = await this.db.query<{ status: ApplicationStatus; count: number }>(
      `SELECT a.status, count(*)::int AS count FROM applications a
       WHERE ${scopeCondition(scope, 'a', params)} GROUP BY a.status`,
      params,
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  }
}

async function recordStatus(
  tx: Queryable,
  applicationId: string,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  actorId: string | null,
  actorRole: string | null,
  reason: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO application_status_history (application_id, from_status, to_status, actor_id, actor_role, reason)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [applicationId, from, to, actorId, actorRole, reason],
  );
}
