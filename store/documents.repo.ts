import { randomUUID } from 'node:crypto';
import { type AccessScope, scopeCondition } from './access-scope.ts';
import type { Queryable } from './db.ts';

/**
 * Uploaded materials of an application and what OCR read from them. Every query joins the application
 * and applies the caller's scope, so a document is reachable only through an application one may see.
 */
export type OcrStatus = 'none' | 'pending' | 'running' | 'done' | 'failed';
export type StoredMimeType = 'image/jpeg' | 'image/png' | 'application/pdf';

export interface ApplicationDocument {
  id: string;
  applicationId: string;
  material: string;
  subject: string | null;
  fileName: string;
  mimeType: StoredMimeType;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
  uploadedAt: Date;
  ocrStatus: OcrStatus;
  ocrResult: unknown;
  ocrError: string | null;
  ocrAt: Date | null;
}

interface DocumentRow {
  id: string;
  application_id: string;
  material: string;
  subject: string | null;
  file_name: string;
  mime_type: StoredMimeType;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Date;
  ocr_status: OcrStatus;
  ocr_result: unknown;
  ocr_error: string | null;
  ocr_at: Date | null;
}

const COLUMNS = `d.id, d.application_id, d.material, d.subject, d.file_name, d.mime_type, d.size_bytes, d.sha256,
  d.storage_key, d.uploaded_by, d.uploaded_at, d.ocr_status, d.ocr_result, d.ocr_error, d.ocr_at`;

const toDocument = (row: DocumentRow): ApplicationDocument => ({
  id: row.id,
  applicationId: row.application_id,
  material: row.material,
  subject: row.subject,
  fileName: row.file_name,
  mimeType: row.mime_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  storageKey: row.storage_key,
  uploadedBy: row.uploaded_by,
  uploadedAt: row.uploaded_at,
  ocrStatus: row.ocr_status,
  ocrResult: row.ocr_result,
  ocrError: row.ocr_error,
  ocrAt: row.ocr_at,
});

/** A stored document as it is first recorded: no reading yet, its id, subject and OCR status optional. */
export type NewDocument = Pick<
  ApplicationDocument,
  | 'applicationId'
  | 'material'
  | 'fileName'
  | 'mimeType'
  | 'sizeBytes'
  | 'sha256'
  | 'storageKey'
  | 'uploadedBy'
> &
  Partial<Pick<ApplicationDocument, 'id' | 'subject' | 'ocrStatus'>>;

export interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  field: string | null;
  message: string;
}

export class DocumentsRepo {
  constructor(private readonly db: Queryable) {}

  /** A fresh id for a document about to be stored (the file is written under it before the row exists). */
  static newId(): string {
    return randomUUID();
  }

  /** Adds the row if `scope` may see the application; undefined otherwise. */
  async add(scope: AccessScope, doc: NewDocument): Promise<ApplicationDocument | undefined> {
    const params: unknown[] = [
      doc.id ?? randomUUID(),
      doc.applicationId,
      doc.material,
      doc.subject ?? null,
      doc.fileName,
      doc.mimeType,
      doc.sizeBytes,
      doc.sha256,
      doc.storageKey,
      doc.uploadedBy,
      doc.ocrStatus ?? 'none',
    ];
    const condition = scopeCondition(scope, 'a', params);
    const rows = await this.db.query<DocumentRow>(
      `WITH inserted AS (
         INSERT INTO application_documents AS d (id, application_id, material, subject, file_name, mime_type,
           size_bytes, sha256, storage_key, uploaded_by, ocr_status)
         SELECT $1, a.id, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM applications a
         WHERE a.id = $2 AND ${condition}
         RETURNING *
       )
       SELECT ${COLUMNS} FROM inserted d`,
      params,
    );
    return rows[0] && toDocument(rows[0]);
  }

  async list(scope: AccessScope, applicationId: string): Promise<ApplicationDocument[]> {
    const params: unknown[] = [applicationId];
    const rows = await this.db.query<DocumentRow>(
      `SELECT ${COLUMNS} FROM application_documents d JOIN applications a ON a.id = d.application_id
       WHERE d.application_id = $1 AND d.removed_at IS NULL AND ${scopeCondition(scope, 'a', params)}
       ORDER BY d.uploaded_at, d.id`,
      params,
    );
    return rows.map(toDocument);
  }

  async find(
    scope: AccessScope,
    applicationId: string,
    id: string,
  ): Promise<ApplicationDocument | undefined> {
    const params: unknown[] = [applicationId, id];
    const rows = await this.db.query<DocumentRow>(
      `SELECT ${COLUMNS} FROM application_documents d JOIN applications a ON a.id = d.application_id
       WHERE d.application_id = $1 AND d.id = $2 AND d.removed_at IS NULL
         AND ${scopeCondition(scope, 'a', params)}`,
      params,
    );
    return rows[0] && toDocument(rows[0]);
  }

  /** Marks a document removed (the row stays for the audit trail). True when something was removed. */
  async remove(scope: AccessScope, applicationId: string, id: string): Promise<boolean> {
    const params: unknown[] = [applicationId, id];
    const rows = await this.db.query<{ id: string }>(
      `UPDATE application_documents d SET removed_at = now() FROM applications a
       WHERE a.id = d.application_id AND d.application_id = $1 AND d.id = $2 AND d.removed_at IS NULL
         AND ${scopeCondition(scope, 'a', params)}
       RETURNING d.id`,
      params,
    );
    return rows.length > 0;
  }

  /** OCR progress, written by whoever runs the recognition (a system actor, hence no scope). */
  async setOcr(
    id: string,
    update: { status: OcrStatus; result?: unknown; error?: string | null },
  ): Promise<void> {
    await this.db.query(
      `UPDATE application_documents SET ocr_status = $2, ocr_result = COALESCE($3::jsonb, ocr_result),
         ocr_error = $4, ocr_at = CASE WHEN $2 IN ('done', 'failed') THEN now() ELSE ocr_at END
       WHERE id = $1`,
      [
        id,
        update.status,
        update.result === undefined ? null : JSON.stringify(update.result),
        update.error ?? null,
      ],
    );
  }

  /** Replaces the open findings of an application with a new review (at submission, after a fix). */
  async replaceFindings(
    scope: AccessScope,
    applicationId: string,
    findings: readonly Finding[],
  ): Promise<void> {
    const params: unknown[] = [applicationId];
    const visible = await this.db.query<{ id: string }>(
      `SELECT a.id FROM applications a WHERE a.id = $1 AND ${scopeCondition(scope, 'a', params)}`,
      params,
    );
    if (!visible[0]) return;
    await this.db.query('DELETE FROM review_findings WHERE application_id = $1 AND resolved_at IS NULL', [
      applicationId,
    ]);
    for (const finding of findings) {
      await this.db.query(
        `INSERT INTO review_findings (application_id, rule, severity, field, message)
         VALUES ($1, $2, $3, $4, $5)`,
        [applicationId, finding.rule, finding.severity, finding.field, finding.message],
      );
    }
  }

  async findings(scope: AccessScope, applicationId: string): Promise<(Finding & { createdAt: Date })[]> {
    const params: unknown[] = [applicationId];
    const rows = await this.db.query<Finding & { created_at: Date }>(
      `SELECT f.rule, f.severity, f.field, f.message, f.created_at FROM review_findings f
       JOIN applications a ON a.id = f.application_id
       WHERE f.application_id = $1 AND f.resolved_at IS NULL AND ${scopeCondition(scope, 'a', params)}
       ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.id`,
      params,
    );
    return rows.map(({ created_at, ...finding }) => ({ ...finding, createdAt: created_at }));
  }
}
