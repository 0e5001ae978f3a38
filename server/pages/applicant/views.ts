import type { Application } from '../../../store/applications.repo.ts';
import type { ApplicationDocument } from '../../../store/documents.repo.ts';
import type { BundleInfo, MaterialSlot } from '../../catalog.ts';
import { formatTime, statusBadge } from '../../html/components.ts';
import { cls, html, type SafeHtml } from '../../html/html.ts';
import { ocrResultOf } from '../../workspace/workspace.ts';

/** The applicant's path, shown on top of every page of one application. */
export const STEPS = [
  { key: 'choose', label: '选择事项' },
  { key: 'materials', label: '上传材料' },
  { key: 'form', label: '确认表单' },
  { key: 'submit', label: '提交审核' },
  { key: 'progress', label: '办理进度' },
] as const;
export type StepKey = (typeof STEPS)[number]['key'];

export function stepsBar(current: StepKey, application: Application): SafeHtml {
  const index = STEPS.findIndex((step) => step.key === current);
  const editable = application.status === 'draft' || application.status === 'returned';
  const href: Partial<Record<StepKey, string>> = {
    materials: `/my/applications/${application.id}/materials`,
    form: `/my/applications/${application.id}/form`,
    submit: `/my/applications/${application.id}`,
    progress: `/my/applications/${application.id}`,
  };
  return html`<ol class="steps" aria-label="办理步骤">${STEPS.map((step, i) => {
    const state = i < index ? 'done' : i === index ? 'current' : 'todo';
    const link = editable && i !== index ? href[step.key] : undefined;
    const label = html`<span class="steps__no">${i < index ? '✓' : String(i + 1)}</span><span class="steps__label">${step.label}</span>`;
    return html`<li class="${cls('steps__item', `steps__item--${state}`)}"${state === 'current' ? html` aria-current="step"` : ''}>${link ? html`<a class="steps__cell" href="${link}">${label}</a>` : html`<span class="steps__cell">${label}</span>`}</li>`;
  })}</ol>`;
}

export function applicationHeader(application: Application, bundle: BundleInfo | undefined): SafeHtml {
  return html`<div class="app-head">
  <div><p class="app-head__bundle">${bundle?.name ?? application.bundleId}</p>
  <p class="app-head__title">${application.title ?? '未命名办件'}</p></div>
  <div class="app-head__meta">${statusBadge(application.status)}<span class="muted">办件编号 ${application.reference}</span></div>
</div>`;
}

export function materialProgress(
  slots: MaterialSlot[],
  documents: ApplicationDocument[],
): { done: number; required: number } {
  const required = slots.filter((slot) => slot.required);
  const done = required.filter((slot) => documents.some((doc) => doc.material === slot.id)).length;
  return { done, required: required.length };
}

export function documentLine(
  application: Application,
  document: ApplicationDocument,
  removable: SafeHtml | '',
): SafeHtml {
  const url = `/applications/${application.id}/documents/${document.id}/file`;
  const ocr: Record<string, string> = {
    pending: '等待识别',
    running: '正在识别…',
    done: '已识别',
    failed: '识别失败',
  };
  const result = ocrResultOf(document);
  const unsure = result
    ? Object.values(result.fields).filter((field) => field.status !== 'confident').length
    : 0;
  const notes = [
    ...(result?.warnings ?? []),
    ...(document.ocrStatus === 'failed' && document.ocrError ? [document.ocrError] : []),
    ...(unsure ? [`有 ${unsure} 项识别不确定，请在表单中核对`] : []),
  ];
  return html`<li class="doc" data-document="${document.id}" data-ocr="${document.ocrStatus}">
  ${document.mimeType === 'application/pdf' ? html`<span class="doc__thumb doc__thumb--pdf" aria-hidden="true">PDF</span>` : html`<img class="doc__thumb" src="${url}" alt="" loading="lazy">`}
  <span class="doc__body"><a class="doc__name" href="${url}" target="_blank" rel="noopener">${document.fileName}</a>
  <span class="doc__meta">${formatTime(document.uploadedAt)}${ocr[document.ocrStatus] ? html` · <span class="${cls('doc__ocr', `doc__ocr--${document.ocrStatus}`)}" data-ocr-status>${ocr[document.ocrStatus]}</span>` : ''}</span>
  ${notes.map((note) => html`<span class="doc__note">${note}</span>`)}</span>
  ${removable}
</li>`;
}
