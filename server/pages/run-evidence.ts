import type { BotRunRow, RunStepRow } from '../../store/bot-runs.repo.ts';
import { formatTime } from '../html/components.ts';
import { cls, html, type SafeHtml } from '../html/html.ts';
import { ERROR_LABELS, fieldName } from './admin/names.ts';

/**
 * One run's evidence as cards — why it failed, its steps with timings and screenshots, and the values read
 * back from the page before submitting — shared by the admin's run page and the clerk's view of an item.
 */
export const RUN_STATUS: Record<BotRunRow['status'], { label: string; tone: string }> = {
  running: { label: '运行中', tone: 'processing' },
  succeeded: { label: '成功', tone: 'completed' },
  adopted: { label: '沿用已有回执', tone: 'completed' },
  failed: { label: '失败', tone: 'returned' },
  interrupted: { label: '中断', tone: 'submitted' },
};

export const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} 秒`);

export function failureCard(run: BotRunRow): SafeHtml | '' {
  const failure = run.failure as {
    code?: string;
    message?: string;
    fields?: { fieldId: string; message: string }[];
  } | null;
  if (!failure) return '';
  return html`<section class="card"><h2 class="card__title">失败原因</h2><p><strong>${ERROR_LABELS[failure.code ?? ''] ?? failure.code ?? ''}</strong> <code class="muted" title="错误代码">${failure.code ?? ''}</code></p><p>${failure.message ?? ''}</p>${(failure.fields ?? []).map((field) => html`<p>「${fieldName(run.itemId, field.fieldId)}」：${field.message}</p>`)}</section>`;
}

/** `shotHref(seq)`: where this person may open a step's screenshot. */
export function stepsCard(steps: readonly RunStepRow[], shotHref: (seq: number) => string): SafeHtml {
  return html`<section class="card"><h2 class="card__title">步骤</h2>
  ${
    steps.length
      ? html`<ol class="steps-list">${steps.map(
          (step) => html`<li class="${cls('run-step', step.status === 'failed' && 'run-step--failed')}">
    <div class="run-step__head"><span class="run-step__name">${String(step.seq)}. ${step.name}</span><span class="muted">${formatTime(step.startedAt)} · ${seconds(step.durationMs)}</span></div>
    ${step.note ? html`<p class="muted">${step.note}</p>` : ''}
    ${step.screenshotPath ? html`<a href="${shotHref(step.seq)}" target="_blank" rel="noopener"><img class="run-step__shot" src="${shotHref(step.seq)}" alt="第 ${String(step.seq)} 步截图" loading="lazy"></a>` : ''}
  </li>`,
        )}</ol>`
      : html`<p class="muted">没有记录步骤。</p>`
  }</section>`;
}

export function comparisonCard(run: BotRunRow): SafeHtml {
  const comparison = (run.comparison ?? []) as {
    fieldId: string;
    intended: string;
    onPage: string;
    matches: boolean;
  }[];
  return html`<section class="card"><h2 class="card__title">填写核对（提交前从页面读回）</h2>
  ${comparison.length ? html`<div class="table-wrap"><table class="table"><thead><tr><th>字段</th><th>应填</th><th>页面上</th><th></th></tr></thead><tbody>${comparison.map((row) => html`<tr><td data-label="字段" title="${row.fieldId}">${fieldName(run.itemId, row.fieldId)}</td><td data-label="应填">${row.intended}</td><td data-label="页面上">${row.onPage}</td><td>${row.matches ? html`<span class="tag tag--ok">一致</span>` : html`<span class="tag tag--required">不一致</span>`}</td></tr>`)}</tbody></table></div>` : html`<p class="muted">没有核对记录。</p>`}</section>`;
}
