import { type Row, type Slot, slotKey } from '../../forms/index.ts';
import type { ApplicationDocument } from '../../store/documents.repo.ts';
import { display } from './form-controls.ts';
import { valueAt } from './form-view.ts';
import { ocrResultOf, type Workspace } from './workspace.ts';

/**
 * The values OCR prefilled without being sure (请核对) that nobody has confirmed yet. A person confirms one as
 * read (the reading's `confirmed` flag, set by the applicant's 确认无误 or the clerk's 核对识别结果) or types
 * over it; either way it stops being an unconfirmed reading.
 */
export interface OcrCheck {
  /** Slot key ('persons[0].name'), also the form control's name after `v.`. */
  slot: string;
  /** The merged form's element ('persons[].name'): which control edits it. */
  element: string;
  /** 「陈晓梅 · 姓名」: the field, and whose it is for a person's row. */
  label: string;
  /** The value as stored (what is posted back when confirmed unchanged). */
  value: string;
  /** The value as a person reads it (a district's name, not its code). */
  shown: string;
  documentId: string;
  /** The OCR result's field name ('name', 'idNumber'): which crop to show. */
  ocrField: string;
  notes: string[];
}

function personName(workspace: Workspace, path: Slot['path']): string | undefined {
  if (path.length !== 3 || path[0] !== 'persons') return undefined;
  const rows = (workspace.resolved.values.persons ?? []) as readonly Row[];
  const name = rows[path[1]]?.name;
  return typeof name === 'string' && name ? name : `人员 ${path[1] + 1}`;
}

export function ocrChecks(workspace: Workspace, documents: readonly ApplicationDocument[]): OcrCheck[] {
  const checks: OcrCheck[] = [];
  for (const slot of workspace.resolved.slots) {
    const key = slotKey(slot.path);
    const source = workspace.sources[key];
    if (!source?.needsConfirmation || !source.documentId) continue;
    const field = workspace.form.fields.find((candidate) => candidate.key === slot.element);
    const document = documents.find((doc) => doc.id === source.documentId);
    if (!field || !document) continue;
    const fromOcr = field.sources.find(
      (candidate) => candidate.kind === 'ocr' && candidate.document === document.material,
    );
    if (fromOcr?.kind !== 'ocr') continue;
    const value = valueAt(workspace.resolved.values, slot.path);
    const person = personName(workspace, slot.path);
    checks.push({
      slot: key,
      element: slot.element,
      label: person ? `${person} · ${field.label}` : field.label,
      value: typeof value === 'string' ? value : '',
      shown: display(field, value),
      documentId: document.id,
      ocrField: fromOcr.field,
      notes: ocrResultOf(document)?.fields[fromOcr.field]?.notes ?? [],
    });
  }
  return checks;
}
