import type { Request } from 'express';
import type { AuditRepo } from '../store/audit.repo.ts';

/** Records a state change made by the current request's person (or a visitor) with their IP address. */
export type Audit = (
  req: Request,
  action: string,
  subject?: { type: string; id: string } | null,
  detail?: Record<string, unknown>,
) => Promise<void>;

export function createAudit(repo: AuditRepo): Audit {
  return (req, action, subject, detail) => {
    const user = req.yj?.user ?? null;
    return repo.append({
      actorId: user?.id ?? null,
      actorName: user?.displayName ?? null,
      actorRole: user?.role ?? null,
      action,
      subjectType: subject?.type ?? null,
      subjectId: subject?.id ?? null,
      detail: detail ?? {},
      ip: req.yj?.ip ?? null,
    });
  };
}
