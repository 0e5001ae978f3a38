import {
  type DocumentReading,
  documentReadings,
  type FormValues,
  type MergedForm,
  mergedFormOf,
  type Resolved,
  resolveForm,
  shanghaiDay,
  slotKey,
  type ValidationIssue,
  validateApplication,
} from '../../forms/index.ts';
import type { Application, ApplicationsRepo, FieldSource } from '../../store/applications.repo.ts';
import type { ApplicationDocument, DocumentsRepo } from '../../store/documents.repo.ts';

/**
 * An application as forms/ sees it: the merged form for its bundle and choice, the documents as readings,
 * and the values resolved from what was typed. Everything here is recomputed from the stored typed values
 * and documents; the stored `values`/`sources` are a snapshot of it for lists, clerks and bots.
 */
export interface Workspace {
  form: MergedForm;
  readings: DocumentReading[];
  resolved: Resolved;
  /** Slot key ('company.name', 'persons[0].mobile') → where its value came from. */
  sources: Record<string, FieldSource>;
  today: string;
}

/** One OCR field as stored with the document (ocr/'s OcrField, kept as JSON). */
export interface StoredOcrField {
  value: string | null;
  confidence: number;
  status: 'confident' | 'needs-confirmation' | 'unreadable';
  label?: string;
  notes?: string[];
  /** Where the value is printed on the upright photo (pixels, in OCR's working frame), to show its crop. */
  box?: OcrBox;
  /**
   * Someone looked at the crop and confirmed the value as read (the applicant's 确认无误 or the clerk's
   * 核对识别结果): the one flag that ends 请核对 everywhere.
   */
  confirmed?: boolean;
}

export interface OcrBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface StoredOcrResult {
  documentType: string;
  /** Clockwise degrees the photo was turned to read it upright (boxes are in that frame). */
  turned?: number;
  fields: Record<string, StoredOcrField>;
  warnings: string[];
}

export function ocrResultOf(document: ApplicationDocument): StoredOcrResult | undefined {
  const result = document.ocrResult as StoredOcrResult | null | undefined;
  return result && typeof result === 'object' && result.fields ? result : undefined;
}

/** Which document an OCR-sourced slot was read from, and how sure the reader was. */
function ocrSource(
  form: MergedForm,
  element: string,
  person: string | undefined,
  documents: readonly ApplicationDocument[],
): FieldSource {
  const field = form.fields.find((candidate) => candidate.key === element);
  for (const source of field?.sources ?? []) {
    if (source.kind !== 'ocr') continue;
    const document = documents.find(
      (doc) => doc.material === source.document && (person === undefined || doc.subject === person),
    );
    const read = document && ocrResultOf(document)?.fields[source.field];
    if (document && read?.value) {
      return {
        source: 'ocr',
        documentId: document.id,
        field: source.field,
        confidence: read.confidence,
        needsConfirmation: read.status !== 'confident' && read.confirmed !== true,
      };
    }
  }
  return { source: 'ocr' };
}

export function buildWorkspace(
  application: Application,
  documents: readonly ApplicationDocument[],
): Workspace {
  const form = mergedFormOf(application.bundleId, application.options);
  const readings = documentReadings(documents);
  const today = shanghaiDay(application.createdAt);
  const resolved = resolveForm(form, { typed: application.typed as FormValues, documents: readings, today });
  const sources: Record<string, FieldSource> = {};
  for (const slot of resolved.slots) {
    const key = slotKey(slot.path);
    const person =
      slot.path.length === 3 && slot.path[0] === 'persons'
        ? (resolved.values.persons as readonly Record<string, unknown>[] | undefined)?.[slot.path[1]]?.id
        : undefined;
    switch (slot.category) {
      case 'applicant':
        if (slot.filled) sources[key] = { source: 'typed' };
        break;
      case 'ocr':
        sources[key] = ocrSource(
          form,
          slot.element,
          typeof person === 'string' ? person : undefined,
          documents,
        );
        break;
      case 'derived':
      case 'default':
      case 'item':
        sources[key] = { source: slot.category };
        break;
      default:
        break;
    }
  }
  return { form, readings, resolved, sources, today };
}

export function validateWorkspace(
  workspace: Workspace,
  typed: Record<string, unknown>,
): readonly ValidationIssue[] {
  return validateApplication(workspace.form, workspace.resolved.values, {
    today: workspace.today,
    typed: typed as FormValues,
  }).issues;
}

/** The name an application is listed by: the company's name once known. */
export function titleOf(values: FormValues): string | null {
  const name = values['company.name'];
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

/** Recomputes an application's merged values from what was typed and its documents, and stores them. */
export async function refreshResolution(
  repos: { applications: ApplicationsRepo; documents: DocumentsRepo },
  id: string,
): Promise<void> {
  const application = await repos.applications.find({ kind: 'all' }, id);
  if (!application) return;
  const documents = await repos.documents.list({ kind: 'all' }, id);
  const workspace = buildWorkspace(application, documents);
  await repos.applications.storeResolution({ kind: 'all' }, id, {
    values: workspace.resolved.values as Record<string, unknown>,
    sources: workspace.sources,
    title: titleOf(workspace.resolved.values),
  });
}
