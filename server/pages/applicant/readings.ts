import { type Row, slotKey } from '../../../forms/index.ts';
import type { ApplicationDocument } from '../../../store/documents.repo.ts';
import { csrfField } from '../../html/components.ts';
import { cls, html, type SafeHtml } from '../../html/html.ts';
import { ocrResultOf, type StoredOcrField, type Workspace } from '../../workspace/workspace.ts';

/**
 * What OCR read from one uploaded document, each value beside its crop from the photo, so the applicant checks
 * it where it is printed: 请核对 values can be confirmed as read (确认无误) or corrected in the form (更正).
 * While the document is being read, the list says so (the page swaps in the values when they land).
 */
export interface ReadingsView {
  document: ApplicationDocument;
  workspace: Workspace;
  base: string;
  csrf: string;
  editable: boolean;
}

export function readingsOf(view: ReadingsView): SafeHtml | '' {
  const { document } = view;
  if (document.ocrStatus === 'pending' || document.ocrStatus === 'running') {
    return html`<p class="readings readings--busy" role="status" data-reading-busy><span class="spinner" aria-hidden="true"></span>正在识别…（通常 2 秒内完成）</p>`;
  }
  const result = ocrResultOf(document);
  if (document.ocrStatus !== 'done' || !result) return '';
  const entries = Object.entries(result.fields);
  if (!entries.length) return '';
  const crop = (name: string) =>
    `/applications/${document.applicationId}/documents/${document.id}/crops/${encodeURIComponent(name)}`;
  return html`<div class="readings" data-readings="${document.id}">
  <p class="readings__title">识别结果：请对照照片核对</p>
  <ul class="readings__list">${entries.map(([name, field]) => {
    const key = slotOf(view.workspace, document, name);
    const source = key ? view.workspace.sources[key] : undefined;
    const typedOver = source?.source === 'typed';
    const state = stateOf(field, typedOver);
    const formLink = `${view.base}/form${key ? `#slot-${key.replace(/[^A-Za-z0-9_-]/g, '-')}` : ''}`;
    return html`<li class="${cls('reading', `reading--${state.kind}`)}" data-reading="${name}">
    <span class="reading__label">${field.label ?? name}</span>
    <span class="reading__value">${field.value ?? '未能识别'}</span>
    ${field.box ? html`<img class="reading__crop" src="${crop(name)}" alt="证件上的「${field.label ?? name}」" loading="lazy">` : ''}
    <span class="${cls('src', `src--${state.kind}`)}">${state.text}</span>
    ${
      view.editable && state.kind === 'confirm'
        ? html`<span class="reading__actions"><form method="post" action="${view.base}/documents/${document.id}/confirm" class="reading__confirm" data-inline-form>${csrfField(view.csrf)}<input type="hidden" name="field" value="${name}"><button class="button button--small" type="submit">确认无误</button></form><a class="link-button" href="${formLink}">更正</a></span>`
        : ''
    }
  </li>`;
  })}</ul></div>`;
}

function stateOf(field: StoredOcrField, typedOver: boolean): { kind: string; text: string } {
  if (typedOver) return { kind: 'typed', text: '已按您填写的为准' };
  if (field.value === null) return { kind: 'missing', text: '请在表单中填写' };
  // Confirmed by the applicant or, after submission, by the clerk: the same flag.
  if (field.confirmed) return { kind: 'typed', text: '已确认无误' };
  if (field.status === 'confident') return { kind: 'ocr', text: '识别可靠' };
  return { kind: 'confirm', text: '请核对' };
}

/** The merged form's slot this document's field fills (for a person's card: that person's row). */
export function slotOf(
  workspace: Workspace,
  document: ApplicationDocument,
  name: string,
): string | undefined {
  const persons = (workspace.resolved.values.persons ?? []) as readonly Row[];
  for (const slot of workspace.resolved.slots) {
    const field = workspace.form.fields.find((candidate) => candidate.key === slot.element);
    const reads = field?.sources.some(
      (source) => source.kind === 'ocr' && source.document === document.material && source.field === name,
    );
    if (!reads) continue;
    if (
      slot.path.length === 3 &&
      slot.path[0] === 'persons' &&
      persons[slot.path[1]]?.id !== document.subject
    )
      continue;
    return slotKey(slot.path);
  }
  return undefined;
}
