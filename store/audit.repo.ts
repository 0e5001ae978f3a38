import { redactDeep } from '../lib/redact.ts';
import type { Queryable } from './db.ts';

/**
 * The append-only audit log (table from migration 0001; the database refuses UPDATE and DELETE). Every
 * state change records who (id, name, role), what (action), on what (subject), when, from where (IP), and
 * a detail object that is redacted here, once, so a caller cannot forget.
 */
export interface AuditEntry {
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  /** Dotted verb such as `auth.login` or `application.submit`. */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
  ip: string | null;
}

export interface AuditRecord extends Required<AuditEntry> {
  id: number;
  at: Date;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  ip?: string;
  from?: Date;
  to?: Date;
  /** Rows older than this id (keyset paging, newest first). */
  beforeId?: number;
  limit?: number;
}

interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

export class AuditRepo {
  constructor(private readonly db: Queryable) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, actor_name, actor_role, action, subject_type, subject_id, detail, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.actorId,
        entry.actorName,
        entry.actorRole,
        entry.action,
        entry.subjectType ?? null,
        entry.subjectId ?? null,
        JSON.stringify(redactDeep(entry.detail ?? {})),
        entry.ip,
      ],
    );
  }

  /** Newest first. `actor` matches the actor's id or (part of) their name. */
  async list(filter: AuditFilter = {}): Promise<AuditRecord[]> {
    const rows = await this.db.query<AuditRow>(
      `SELECT id, at, actor_id, actor_name, actor_role, action, subject_type, subject_id, detail, ip
       FROM audit_log
       WHERE ($1::text IS NULL OR actor_id = $1 OR actor_name ILIKE '%' || $1 || '%')
         AND ($2::text IS NULL OR action LIKE $2 || '%')
         AND ($3::text IS NULL OR subject_type = $3)
         AND ($4::text IS NULL OR subject_id = $4)
         AND ($5::text IS NULL OR ip = $5)
         AND ($6::timestamptz IS NULL OR at >= $6)
         AND ($7::timestamptz IS NULL OR at < $7)
         AND ($8::bigint IS NULL OR id < $8)
       ORDER BY id DESC
       LIMIT $9`,
      [
        filter.actor ?? null,
        filter.action ?? null,
        filter.subjectType ?? null,
        filter.subjectId ?? null,
        filter.ip ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.beforeId ?? null,
        Math.min(filter.limit ?? 50, 500),
      ],
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      actorName: row.actor_name,
      actorRole: row.actor_role,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      detail: row.detail,
      ip: row.ip,
    }));
  }

  /** The distinct actions seen, for the filter's drop-down. */
  async actions(): Promise<string[]> {
    const rows = await this.db.query<{ action: string }>(
      'SELECT DISTINCT action FROM audit_log ORDER BY action',
    );
    return rows.map((row) => row.action);
  }
}
