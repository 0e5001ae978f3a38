import type { Request } from 'express';
import {
  BundleChoiceError,
  bundleChoiceOf,
  bundleDef,
  type FormValues,
  mergedFormOf,
  reviewApplication,
  selectItems,
} from '../../forms/index.ts';
import type { Application, ApplicationStatus } from '../../store/applications.repo.ts';
import { StaleVersionError } from '../../store/applications.repo.ts';
import { type ApplicationDocument, DocumentsRepo } from '../../store/documents.repo.ts';
import type { MaterialSlot } from '../catalog.ts';
import { applicationAudience } from '../events/hub.ts';
import { signedIn } from '../http/context.ts';
import { conflict, HttpError, invalid, notFound } from '../http/errors.ts';
import type { Services } from '../services.ts';
import { decodesAs } from '../uploads/decode.ts';
import { storeUpload } from '../uploads/file-store.ts';
import { detectKind, KIND_LABELS, MIME_OF } from '../uploads/magic.ts';
import type { ReceivedFile } from '../uploads/receive.ts';
import { addPerson, personIds, startingRows } from '../workspace/persons.ts';
import { buildWorkspace, ocrResultOf, refreshResolution, validateWorkspace } from '../workspace/workspace.ts';
import { scopeOf } from './scope.ts';

/**
 * What people do to applications, shared by the pages and the JSON API so both follow the same rules:
 * the scope of the person doing it, the allowed status transitions, an audit entry for every change, the
 * merged values recomputed after every change, and a live event to everyone who watches the application.
 */
export const EDITABLE: readonly ApplicationStatus[] = ['draft', 'returned'];
/** A clerk corrects values during review, and before resubmitting items a portal refused. */
export const CLERK_EDITABLE: readonly ApplicationStatus[] = ['submitted', 'processing'];

export class ApplicationActions {
  constructor(private readonly services: Services) {}

  async get(req: Request, id: string): Promise<Application> {
    const application = await this.services.applications.find(scopeOf(signedIn(req)), id);
    if (!application) throw notFound('办件');
    return application;
  }

  /** The application with its documents and the merged form they resolve to, as the signed-in user may see it. */
  async withWorkspace(req: Request, id: string) {
    const application = await this.get(req, id);
    const documents = await this.services.documents.list(scopeOf(signedIn(req)), id);
    return { application, documents, workspace: buildWorkspace(application, documents) };
  }

  async create(
    req: Request,
    input: { bundleId: string; centreId: string; options: Record<string, unknown> },
  ) {
    const user = signedIn(req);
    const bundle = this.services.catalog.bundle(input.bundleId);
    if (!bundle) throw invalid([{ path: ['bundleId'], message: '请选择要办理的一件事' }]);
    const choice = bundleChoiceOf(input.options);
    try {
      selectItems(bundleDef(bundle.id), choice);
    } catch (error) {
      if (error instanceof BundleChoiceError) throw invalid([{ path: ['options'], message: error.message }]);
      throw error;
    }
    const centre = await this.services.users.findCentre(input.centreId);
    if (!centre) throw invalid([{ path: ['centreId'], message: '请选择办理的服务中心' }]);
    const application = await this.services.applications.create({
      applicantId: user.id,
      centreId: centre.id,
      bundleId: bundle.id,
      options: { ...choice },
      // Lists the applicant builds (the business scope) start with one empty row to fill in.
      typed: startingRows(mergedFormOf(bundle.id, { ...choice })),
    });
    await this.#audit(req, 'application.create', application.id, { bundle: bundle.id, centre: centre.id });
    await this.refresh(application.id);
    this.#publish(application);
    return application;
  }

  /** Recomputes the merged values from what was typed and the documents, and stores them. */
  refresh(id: string): Promise<void> {
    return refreshResolution(this.services, id);
  }

  /** Saves what the person entered (a draft save). Sources are computed here, never taken from the client. */
  async saveTyped(
    req: Request,
    id: string,
    input: { typed: FormValues; version?: number },
  ): Promise<Application> {
    const user = signedIn(req);
    let saved: Application | undefined;
    try {
      saved = await this.services.applications.saveValues(scopeOf(user), id, {
        values: {},
        sources: {},
        typed: input.typed as Record<string, unknown>,
        ...(input.version === undefined ? {} : { expectedVersion: input.version }),
        editableIn: user.role === 'applicant' ? EDITABLE : CLERK_EDITABLE,
      });
    } catch (error) {
      if (error instanceof StaleVersionError) throw conflict(error.message);
      throw error;
    }
    if (!saved) {
      await this.get(req, id);
      throw conflict('该办件已提交，不能再修改');
    }
    await this.refresh(id);
    // Counts only: the values hold ID numbers and phones.
    await this.#audit(req, 'application.save', id, {
      typed: Object.keys(input.typed).length,
      version: saved.version,
    });
    this.#publish(saved);
    return (await this.services.applications.find({ kind: 'all' }, id)) ?? saved;
  }

  /**
   * Saves a page's post at the version the page was built from (its hidden `version` field), so that a page
   * gone stale cannot overwrite a newer save. That conflict (409) is returned as the message to show the
   * person; anything else is thrown.
   */
  async savePosted(
    req: Request,
    id: string,
    typed: FormValues,
    postedVersion: unknown,
  ): Promise<{ conflict?: string }> {
    const version = Number(postedVersion);
    try {
      await this.saveTyped(req, id, {
        typed,
        ...(Number.isInteger(version) && version > 0 ? { version } : {}),
      });
      return {};
    } catch (error) {
      if (error instanceof HttpError && error.status === 409) return { conflict: error.message };
      throw error;
    }
  }

  materialsOf(application: Application): MaterialSlot[] {
    return this.services.catalog.materials(application.bundleId, application.options);
  }

  async upload(
    req: Request,
    id: string,
    input: { material: string; subject?: string | null; file: ReceivedFile | undefined },
  ): Promise<ApplicationDocument> {
    const user = signedIn(req);
    let application = await this.get(req, id);
    if (!EDITABLE.includes(application.status)) throw conflict('该办件已提交，不能再上传材料');
    const slot = this.materialsOf(application).find((candidate) => candidate.id === input.material);
    if (!slot) throw invalid([{ path: ['material'], message: '请选择要上传的材料' }]);
    if (!input.file || input.file.content.length === 0) {
      throw invalid([{ path: ['file'], message: `请选择「${slot.label}」的文件` }]);
    }
    const kind = detectKind(input.file.content);
    if (!kind || !slot.accepts.includes(kind) || !(await decodesAs(kind, input.file.content))) {
      const accepted = slot.accepts.map((k) => KIND_LABELS[k]).join('/');
      throw new HttpError(415, 'UNSUPPORTED_FILE', `「${slot.label}」文件内容不是 ${accepted}`, [
        { path: ['file'], message: `文件内容不是 ${accepted}，请重新选择` },
      ]);
    }
    let subject: string | null = null;
    if (slot.perPerson) {
      if (input.subject && personIds(application.values).includes(input.subject)) subject = input.subject;
      else if (slot.id === 'idCardFront' && !input.subject) {
        // A new ID card is a new person: the row is created now and filled in by OCR.
        const added = addPerson(application.typed as FormValues);
        subject = added.id;
        application = await this.saveTyped(req, id, { typed: added.typed });
      } else throw invalid([{ path: ['subject'], message: `请选择「${slot.label}」是哪位人员的` }]);
    }
    const documentId = DocumentsRepo.newId();
    const { storageKey, sha256 } = await storeUpload(
      this.services.dataDir,
      application.id,
      documentId,
      input.file.content,
      kind,
    );
    const document = await this.services.documents.add(scopeOf(user), {
      id: documentId,
      applicationId: application.id,
      material: slot.id,
      subject,
      fileName: input.file.originalName,
      mimeType: MIME_OF[kind],
      sizeBytes: input.file.content.length,
      sha256,
      storageKey,
      uploadedBy: user.id,
      ocrStatus: slot.ocr && this.services.reader ? 'pending' : 'none',
    });
    if (!document) throw notFound('办件');
    await this.#audit(req, 'document.upload', application.id, {
      document: document.id,
      material: slot.id,
      bytes: document.sizeBytes,
      sha256,
    });
    await this.refresh(application.id);
    this.services.events.publish(applicationAudience(application), {
      type: 'document',
      data: { applicationId: application.id, documentId: document.id, ocrStatus: document.ocrStatus },
    });
    this.services.reader?.read(document, slot);
    return document;
  }

  /** The applicant looked at a value OCR was unsure of and confirms it as read: it is no longer 请核对. */
  async confirmReading(req: Request, id: string, documentId: string, field: string): Promise<void> {
    const user = signedIn(req);
    const application = await this.get(req, id);
    if (!EDITABLE.includes(application.status)) throw conflict('该办件已提交，不能再修改');
    const document = await this.services.documents.find(scopeOf(user), id, documentId);
    const result = document && ocrResultOf(document);
    const read = result?.fields[field];
    if (!document || !result || !read || read.value === null) throw notFound('识别结果');
    await this.markReadingsConfirmed([document], [{ documentId, field }]);
    await this.#audit(req, 'document.confirm', id, { document: documentId, field });
    await this.refresh(id);
    this.services.events.publish(applicationAudience(application), {
      type: 'document',
      data: { applicationId: id, documentId, ocrStatus: 'done' },
    });
  }

  /**
   * Marks OCR readings as looked at and right, whoever did (the applicant's 确认无误, the clerk's 核对识别结果):
   * the one stored flag, `confirmed` on the reading, that ends 请核对 on the upload, in the review and for the
   * one key alike. `documents` are the application's, already in the person's scope. Returns how many it marked.
   */
  async markReadingsConfirmed(
    documents: readonly ApplicationDocument[],
    readings: readonly { documentId: string; field: string }[],
  ): Promise<number> {
    let marked = 0;
    for (const document of documents) {
      const result = ocrResultOf(document);
      if (!result) continue;
      const fields = readings
        .filter((reading) => reading.documentId === document.id)
        .map((reading) => reading.field)
        .filter((field) => result.fields[field] && result.fields[field].value !== null);
      if (fields.length === 0) continue;
      const confirmed = fields.map((field) => [field, { ...result.fields[field], confirmed: true }] as const);
      await this.services.documents.setOcr(document.id, {
        status: 'done',
        result: { ...result, fields: { ...result.fields, ...Object.fromEntries(confirmed) } },
      });
      marked += fields.length;
    }
    return marked;
  }

  async removeDocument(req: Request, id: string, documentId: string): Promise<void> {
    const user = signedIn(req);
    const application = await this.get(req, id);
    if (!EDITABLE.includes(application.status)) throw conflict('该办件已提交，不能再删除材料');
    const removed = await this.services.documents.remove(scopeOf(user), id, documentId);
    if (!removed) throw notFound('材料');
    await this.#audit(req, 'document.remove', id, { document: documentId });
    await this.refresh(id);
    this.services.events.publish(applicationAudience(application), {
      type: 'document',
      data: { applicationId: id, documentId, removed: true },
    });
  }

  /**
   * Submits for review when forms/ finds nothing to fix; otherwise a 422 whose issues name each field.
   * The automatic review's findings are stored for the clerk.
   */
  async submit(req: Request, id: string): Promise<Application> {
    const user = signedIn(req);
    const { application, workspace } = await this.withWorkspace(req, id);
    if (!EDITABLE.includes(application.status)) throw conflict('该办件已提交');
    const issues = validateWorkspace(workspace, application.typed);
    if (issues.length) {
      throw invalid(
        issues.map((issue) => ({ path: [...issue.path], message: issue.message })),
        `还有 ${issues.length} 处需要填写或修改，请按提示处理后再提交`,
      );
    }
    const findings = reviewApplication({
      form: workspace.form,
      resolved: workspace.resolved,
      documents: workspace.readings,
      today: workspace.today,
    });
    await this.services.documents.replaceFindings(
      { kind: 'all' },
      id,
      findings.map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        field: finding.path ? finding.path.join('.') : null,
        message: finding.message,
      })),
    );
    const submitted = await this.services.applications.transition(scopeOf(user), id, {
      from: EDITABLE,
      to: 'submitted',
      actorId: user.id,
      actorRole: user.role,
    });
    if (!submitted) throw conflict('该办件已提交');
    await this.#audit(req, 'application.submit', id, { findings: findings.length });
    this.#publish(submitted);
    return submitted;
  }

  /** A clerk sends an application back to its applicant with the reason to fix. */
  async sendBack(req: Request, id: string, reason: string): Promise<Application> {
    const user = signedIn(req);
    const changed = await this.services.applications.transition(scopeOf(user), id, {
      from: ['submitted'],
      to: 'returned',
      actorId: user.id,
      actorRole: user.role,
      reason,
    });
    if (!changed) {
      await this.get(req, id);
      throw conflict('只有待审核的办件可以退回');
    }
    await this.#audit(req, 'application.return', id, { reason });
    this.#publish(changed);
    return changed;
  }

  /** The audit entry of a change to one application, with that application as its subject. */
  #audit(
    req: Request,
    action: string,
    applicationId: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.services.audit(req, action, { type: 'application', id: applicationId }, detail);
  }

  #publish(application: Application): void {
    this.services.events.publish(applicationAudience(application), {
      type: 'application',
      data: { applicationId: application.id, status: application.status, version: application.version },
    });
  }
}
