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

  /**
   * Ratings in `scope`, newest first, with what a reader needs to find the application. `score` narrows to one
   * level; `centreId` to one centre (an admin's filter: a clerk's scope already is their centre); `acceptedBy`
   * to applications that person accepted (一键提交), which is what a clerk calls their own.
   */
  async list(scope: AccessScope, filter: RatingFilter = {}): Promise<RatingRow[]> {
    const params: unknown[] = [];
    const where = [scopeCondition(scope, 'a', params), ...filterConditions(filter, params)];
    params.push(filter.limit ?? 200, filter.offset ?? 0);
    const rows = await this.db.query<{
      application_id: string;
      reference: string;
      title: string | null;
      centre_id: string;
      centre_name: string;
      score: number;
      comment: string | null;
      created_at: Date;
    }>(
      `SELECT r.application_id, a.reference, a.title, a.centre_id, c.name AS centre_name, r.score, r.comment, r.created_at
       FROM application_ratings r JOIN applications a ON a.id = r.application_id
       JOIN service_centres c ON c.id = a.centre_id
       WHERE ${where.join(' AND ')}
       ORDER BY r.created_at DESC, r.application_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      reference: row.reference,
      title: row.title,
      centreId: row.centre_id,
      centreName: row.centre_name,
      score: row.score,
      comment: row.comment,
      createdAt: row.created_at,
    }));
  }

  /** How many ratings each centre got at each level (1–5), over the same filter as `list` but every row. */
  async counts(
    scope: AccessScope,
    filter: Omit<RatingFilter, 'score' | 'below' | 'limit' | 'offset'> = {},
  ): Promise<CentreCounts[]> {
    const params: unknown[] = [];
    const where = [scopeCondition(scope, 'a', params), ...filterConditions(filter, params)];
    const rows = await this.db.query<{ centre_id: string; centre_name: string; score: number; n: string }>(
      `SELECT a.centre_id, c.name AS centre_name, r.score, count(*) AS n
       FROM application_ratings r JOIN applications a ON a.id = r.application_id
       JOIN service_centres c ON c.id = a.centre_id
       WHERE ${where.join(' AND ')}
       GROUP BY a.centre_id, c.name, r.score ORDER BY c.name, r.score`,
      params,
    );
    const byCentre = new Map<string, CentreCounts>();
    for (const row of rows) {
      const centre = byCentre.get(row.centre_id) ?? {
        centreId: row.centre_id,
        centreName: row.centre_name,
        byScore: [0, 0, 0, 0, 0],
        total: 0,
      };
      centre.byScore[row.score - 1] = Number(row.n);
      centre.total += Number(row.n);
      byCentre.set(row.centre_id, centre);
    }
    return [...byCentre.values()];
  }
}

export interface RatingFilter {
  centreId?: string;
  score?: number;
  /** Only the ratings below 满意 (1–3), the ones with a reason. */
  below?: boolean;
  acceptedBy?: string;
  limit?: number;
  /** Rows skipped, newest first (a page of the list). */
  offset?: number;
}

/** A rating as the ratings pages list it. */
export interface RatingRow extends Rating {
  reference: string;
  title: string | null;
  centreId: string;
  centreName: string;
}

export interface CentreCounts {
  centreId: string;
  centreName: string;
  /** Index 0 is 非常不满意 (score 1) … index 4 is 非常满意 (score 5). */
  byScore: [number, number, number, number, number];
  total: number;
}

function filterConditions(filter: RatingFilter, params: unknown[]): string[] {
  const conditions: string[] = [];
  if (filter.centreId) {
    params.push(filter.centreId);
    conditions.push(`a.centre_id = $${params.length}`);
  }
  if (filter.score) {
    params.push(filter.score);
    conditions.push(`r.score = $${params.length}`);
  }
  if (filter.below) conditions.push('r.score < 4');
  if (filter.acceptedBy) {
    // Accepted = moved from 待审核 to 办理中 by one key: the clerk who did it answers for the application.
    params.push(filter.acceptedBy);
    conditions.push(`EXISTS (SELECT 1 FROM application_status_history h WHERE h.application_id = a.id
      AND h.to_status = 'processing' AND h.actor_id = $${params.length})`);
  }
  return conditions;
}
