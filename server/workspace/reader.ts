import type { Logger } from '../../lib/logger.ts';
import type { OcrResult, OcrService } from '../../ocr/service.ts';
import type { ApplicationsRepo } from '../../store/applications.repo.ts';
import type { ApplicationDocument, DocumentsRepo } from '../../store/documents.repo.ts';
import type { MaterialSlot } from '../catalog.ts';
import { applicationAudience, type EventHub } from '../events/hub.ts';
import { readUpload } from '../uploads/file-store.ts';
import type { StoredOcrResult } from './workspace.ts';

/**
 * Reads uploaded ID cards and licences with OCR, off the request path: the upload answers at once, the
 * reading runs on ocr/'s worker pool, and when it is done the application's merged values are recomputed
 * and everyone watching is told (SSE), so the applicant sees the form fill itself in.
 */
export interface DocumentReaderDeps {
  /** Started on first use and kept (the pool costs memory and a few seconds to start). */
  ocr: () => Promise<OcrService>;
  documents: DocumentsRepo;
  applications: ApplicationsRepo;
  events: EventHub;
  dataDir: string;
  logger: Logger;
  /** Recomputes and stores the application's merged values (after the reading is stored). */
  refresh: (applicationId: string) => Promise<void>;
  /** Reports how long a document waited for its reading, from its upload (for metrics). */
  observe?: (outcome: 'done' | 'failed', seconds: number) => void;
}

export class DocumentReader {
  readonly #running = new Set<Promise<void>>();

  constructor(private readonly deps: DocumentReaderDeps) {}

  /** Starts reading; resolves at once. `settled()` waits for every reading in flight (tests, shutdown). */
  read(document: ApplicationDocument, slot: MaterialSlot): void {
    if (!slot.ocr) return;
    const task = this.#read(document, slot.ocr).finally(() => this.#running.delete(task));
    this.#running.add(task);
  }

  async settled(): Promise<void> {
    while (this.#running.size) await Promise.allSettled([...this.#running]);
  }

  async #read(document: ApplicationDocument, template: NonNullable<MaterialSlot['ocr']>): Promise<void> {
    const { documents, logger } = this.deps;
    try {
      await documents.setOcr(document.id, { status: 'running' });
      await this.#announce(document.applicationId, document.id, 'running');
      const content = await readUpload(this.deps.dataDir, document.storageKey);
      const ocr = await this.deps.ocr();
      const result = await ocr.recognise(content, { type: template });
      await documents.setOcr(document.id, { status: 'done', result: stored(result) });
      this.deps.observe?.('done', (Date.now() - document.uploadedAt.getTime()) / 1000);
      logger.info(
        { document: document.id, documentType: result.documentType, elapsedMs: result.elapsedMs },
        '证照识别完成',
      );
    } catch (error) {
      // ocr/ errors carry Chinese messages that never quote what was read; anything else gets a generic one.
      const coded = error as { code?: unknown; message?: unknown };
      const message =
        typeof coded.code === 'string' && coded.code.startsWith('OCR_') && typeof coded.message === 'string'
          ? coded.message
          : '识别失败，请手工填写或重新上传清晰的照片';
      logger.warn({ err: error, document: document.id }, '证照识别失败');
      await documents.setOcr(document.id, { status: 'failed', error: message }).catch(() => {});
      this.deps.observe?.('failed', (Date.now() - document.uploadedAt.getTime()) / 1000);
    }
    try {
      await this.deps.refresh(document.applicationId);
    } catch (error) {
      logger.error({ err: error, application: document.applicationId }, '识别后重新计算表单失败');
    }
    const after = await documents.find({ kind: 'all' }, document.applicationId, document.id);
    await this.#announce(document.applicationId, document.id, after?.ocrStatus ?? 'failed');
  }

  async #announce(applicationId: string, documentId: string, ocrStatus: string): Promise<void> {
    const application = await this.deps.applications.find({ kind: 'all' }, applicationId);
    if (!application) return;
    this.deps.events.publish(applicationAudience(application), {
      type: 'document',
      data: { applicationId, documentId, ocrStatus },
    });
  }
}

function stored(result: OcrResult): StoredOcrResult {
  return {
    documentType: result.documentType,
    warnings: result.warnings,
    fields: Object.fromEntries(
      // A field the document's format does not print has nothing to prefill or confirm.
      Object.entries(result.fields).flatMap(([name, field]) =>
        field.status === 'absent'
          ? []
          : [
              [
                name,
                {
                  value: field.value,
                  confidence: field.confidence,
                  status: field.status,
                  label: field.label,
                  notes: field.notes,
                  ...(field.box ? { box: field.box } : {}),
                },
              ],
            ],
      ),
    ),
  };
}
