import type { AccessScope } from './access-scope.ts';
import { scopeCondition } from './access-scope.ts';
import type { Queryable } from './db.ts';

/** 好差评: one rating (1 非常不满意 … 5 非常满意) per finished application, by its applicant. */
export interface Rating {
  applicationId: string;
  score: number;
  comment: string | null;
  createdAt: Date;
}

export class RatingsRepo {
  constructor(private readonly db: Queryable) {}

  /** Records the rating unless one exists; false when the application already has one or is not the applicant's. */
  async add(
    applicantId: string,
    applicationId: string,
    score: number,
    comment: string | null,
  ): Promise<boolean> {
    const rows = await this.db.query<{ application_id: string }>(
      `INSERT INTO application_ratings (application_id, applicant_id, score, comment)
       SELECT a.id, a.applicant_id, $3, $4 FROM applications a
       WHERE a.id = $1 AND a.applicant_id = $2 AND a.status = 'completed'
       ON CONFLICT (application_id) DO NOTHING
       RETURNING application_id`,
      [applicationId, applicantId, score, comment],
    );
    return rows.length > 0;
  }

  async find(scope: AccessScope, applicationId: string): Promise<Rating | undefined> {
    const params: unknown[] = [applicationId];
    const rows = await this.db.query<{
      application_id: string;
      score: number;
      comment: string | null;
      created_at: Date;
    }>(
      `SELECT r.application_id, r.score, r.comment, r.created_at FROM application_ratings r
       JOIN applications a ON a.id = r.application_id
       WHERE r.application_id = $1 AND ${scopeCondition(scope, 'a', params)}`,
      params,
    );
    const row = rows[0];
    return (
      row && {
        applicationId: row.application_id,
        score: row.score,
        comment: row.comment,
        createdAt: row.created_at,
      }
    );
  }
}
