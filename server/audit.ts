import type { Request } from 'express';
import { type AuditEntry, AuditRepo } from '../store/audit.repo.ts';
import type { Queryable } from '../store/db.ts';

/** Records a state change made by the current request's person (or a visitor) with their IP address. */
export type Audit = (
  req: Request,
  action: string,
  subject?: { type: string; id: string } | null,
  detail?: Record<string, unknown>,
) => Promise<void>;

/**
 * The audit entry of a state change by the current request's person, for a caller that writes it itself in the
 * same transaction as the change (so neither is stored without the other).
 */
export function auditEntry(
  req: Request,
  action: string,
  subject?: { type: string; id: string } | null,
  detail?: Record<string, unknown>,
): AuditEntry {
  const user = req.yj?.user ?? null;
  return {
    actorId: user?.id ?? null,
    actorName: user?.displayName ?? null,
    actorRole: user?.role ?? null,
    action,
    subjectType: subject?.type ?? null,
    subjectId: subject?.id ?? null,
    detail: detail ?? {},
    ip: req.yj?.ip ?? null,
  };
}

/** Writes the entry within the caller's transaction `tx` (see auditEntry). */
export const auditInTransaction =
  (...entry: Parameters<typeof auditEntry>) =>
  (tx: Queryable): Promise<void> =>
    new AuditRepo(tx).append(auditEntry(...entry));

export function createAudit(repo: AuditRepo): Audit {
  return (req, action, subject, detail) => repo.append(auditEntry(req, action, subject, detail));
}
