import { itemDef } from '../../forms/index.ts';
import { redactText } from '../../lib/redact.ts';
import {
  type ApplicationItemRow,
  CLOSABLE_STATUSES,
  CLOSED_STATUSES,
  type ItemStatus,
} from '../../store/application-items.repo.ts';
import type { Application } from '../../store/applications.repo.ts';
import type { HumanTaskRow } from '../../store/human-tasks.repo.ts';
import { countdown, itemDeadline, itemTimeLimitDays, timeLimitText } from '../applications/deadlines.ts';
import type { ItemInfo } from '../catalog.ts';
import { type ReceiptWords, receiptWords } from '../documents/receipt-words.ts';
import { csrfField, formatTime } from '../html/components.ts';
import { cls, html, type SafeHtml } from '../html/html.ts';
import { type ByHandState, byHandForm } from './by-hand-form.ts';

/**
 * Per-item progress of a submitted application, as the applicant and the clerk see it: the items in waves
 * (registration → seal and bank → tax, insurance, fund), each with its state, receipt and outputs, what
 * went wrong in words, and the bots' open questions answered in place.
 */
export interface ProgressView {
  application: Application;
  /** Items of the bundle as chosen (names, departments). */
  items: ItemInfo[];
  /** Bot state per item once one key was pressed. */
  rows: ApplicationItemRow[];
  /** The automated items in waves; items outside them are handled by a person at the counter. */
  waves: string[][];
  tasks: HumanTaskRow[];
  /** Items whose portal holds new filings after a drift check, with the finding (docs/drift-check.md). */
  holds?: Record<string, string>;
  audience: 'applicant' | 'clerk';
  csrf: string;
  /** Where task answers are posted: `${base}/tasks/:taskId`. */
  base: string;
  /** Each item's latest bot run, when known: its last step and how long it has taken. */
  runs?: Record<string, ItemRun>;
  /** Where a run's evidence is shown to this person (none: no link). */
  evidenceHref?: (runId: number) => string;
  /** An admin's per-item controls (取消, 转人工), posted to `${base}/items/:itemId/…`; none for others. */
  manage?: { base: string; reason?: { itemId: string; error: string } };
  /** The clerk's 人工办结 of handed-over items, posted to `${base}/items/:itemId/done-by-hand`; none for others. */
  byHand?: { base: string; state?: ByHandState };
}

/** An item's latest run, as its progress line shows it. */
export interface ItemRun {
  runId: number;
  status: 'running' | 'succeeded' | 'adopted' | 'failed' | 'interrupted';
  startedAt: Date;
  durationMs: number | null;
  /** The last step the run finished (steps are recorded as they end). */
  lastStep?: { seq: number; name: string; status: 'ok' | 'failed' };
}

/** 「1 分 05 秒」: how long something has taken, as app.js's live counter writes it too. */
export function elapsedText(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes ? `${minutes} 分 ${String(seconds).padStart(2, '0')} 秒` : `${seconds} 秒`;
}

/** Items a person is waiting on: their elapsed time keeps counting on the page. */
const UNDERWAY = new Set(['queued', 'running', 'awaiting-person', 'awaiting-approval']);

function runLine(view: ProgressView, itemId: string, row: ApplicationItemRow | undefined): SafeHtml {
  const run = view.runs?.[itemId];
  if (!row) return html``;
  const underway = UNDERWAY.has(row.status);
  const since = run && row.status !== 'queued' ? run.startedAt : row.updatedAt;
  const step =
    row.status === 'running' && run?.status === 'running'
      ? run.lastStep
        ? `第 ${run.lastStep.seq} 步「${run.lastStep.name}」${run.lastStep.status === 'ok' ? '已完成，继续办理' : '未成功'}`
        : '正在打开部门系统'
      : '';
  const timing = underway
    ? html`<span class="item__elapsed">${row.status === 'queued' ? '已排队' : '已用时'} <span data-since="${since.toISOString()}">${elapsedText(Date.now() - since.getTime())}</span></span>`
    : run?.durationMs != null
      ? html`<span class="item__elapsed">机器人用时 ${elapsedText(run.durationMs)}</span>`
      : '';
  const evidence =
    run && view.evidenceHref
      ? html`<a class="item__evidence" href="${view.evidenceHref(run.runId)}">办理过程（步骤、截图与核对）</a>`
      : '';
  const deadline = itemDeadline(itemId, view.application.submittedAt);
  const days = itemTimeLimitDays(itemId);
  const due = deadline && !['done', 'cancelled'].includes(row.status) ? countdown(deadline) : undefined;
  return html`${step ? html`<p class="item__step" data-step>${step}</p>` : ''}
  ${days !== undefined && deadline ? html`<p class="${cls('item__deadline', due?.overdue && 'item__deadline--overdue')}">办理时限 ${timeLimitText(days)}，${formatTime(deadline)} 前${due ? html`（${due.text}）` : ''}</p>` : ''}
  <p class="item__time">${timing}<span class="muted">更新于 ${formatTime(row.updatedAt)}</span>${evidence}</p>`;
}

export const ITEM_STATUS: Record<ItemStatus | 'pending' | 'manual', { label: string; tone: string }> = {
  pending: { label: '待报送', tone: 'draft' },
  manual: { label: '窗口人工办理', tone: 'draft' },
  waiting: { label: '等待前序事项', tone: 'draft' },
  queued: { label: '排队中', tone: 'submitted' },
  running: { label: '办理中', tone: 'processing' },
  'awaiting-person': { label: '等待验证码', tone: 'returned' },
  'awaiting-approval': { label: '已受理，等待部门审核', tone: 'processing' },
  done: { label: '已办结', tone: 'completed' },
  failed: { label: '办理失败', tone: 'returned' },
  cancelled: { label: '已取消', tone: 'draft' },
  'handed-over': { label: '已转人工办理', tone: 'returned' },
};

const RECEIPT_LABELS: Record<string, string> = { reference: '部门办件编号' };

export function labelOf(itemId: string, key: string): string {
  const item = safeItem(itemId);
  return RECEIPT_LABELS[key] ?? item?.produces.find((output) => output.id === key)?.label ?? key;
}

function safeItem(itemId: string) {
  try {
    return itemDef(itemId);
  } catch {
    return undefined;
  }
}

interface RefusedField {
  fieldId: string;
  message: string;
  label?: string;
  mergedLabels?: string[];
}

/**
 * A portal's complaint about a field, named as the department's form names it and, where the queue
 * traced it back to a differently named field of the merged form, by that name too: 单位名称（合并表单：企业名称）.
 */
function fieldLabel(itemId: string, field: RefusedField): string {
  const onForm = field.label ?? departmentLabel(itemId, field.fieldId);
  // Named again only where the merged form calls it differently (住所 vs 注册地址).
  const mergedNames = (field.mergedLabels ?? []).filter((name) => name !== onForm);
  const merged = mergedNames.length ? `（合并表单：${mergedNames.join('、')}）` : '';
  return `${onForm}${merged}`;
}

function departmentLabel(itemId: string, fieldId: string): string {
  const base = fieldId.replace(/\[\d+\]/g, '');
  const fields = safeItem(itemId)?.fields ?? [];
  for (const field of fields) {
    if (field.kind === 'group') {
      const inner = field.fields.find((f) => `${field.id}.${f.id}` === base);
      if (inner) return `${field.label} ${inner.label}`;
    } else if (field.id === base) return field.label;
  }
  return fieldId;
}

/** A failed item's reasons in words: the portal's message, then each refused field by its label. */
export function failureLines(itemId: string, failure: Record<string, unknown> | null): string[] {
  if (!failure) return [];
  const name = safeItem(itemId)?.name ?? itemId;
  const message = typeof failure.message === 'string' ? failure.message : '办理失败';
  const fields = Array.isArray(failure.fields) ? (failure.fields as RefusedField[]) : [];
  return [
    `${name}：${message}`,
    ...fields.map((field) => `${name}「${fieldLabel(itemId, field)}」：${field.message}`),
  ];
}

/** The receipt in words: numbers by their names, lists as tables, and the next step where there is one. */
function receiptSection(words: ReceiptWords): SafeHtml {
  return html`${words.facts.length ? html`<dl class="item__facts">${words.facts.map((fact) => html`<div><dt>${fact.label}</dt><dd>${fact.value}</dd></div>`)}</dl>` : ''}
  ${words.lists.map((list) => html`<table class="table item__list"><thead><tr>${list.columns.map((c) => html`<th>${c}</th>`)}</tr></thead><tbody>${list.rows.map((r) => html`<tr>${r.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody></table>`)}
  ${words.nextStep ? html`<p class="item__next"><strong>下一步：</strong>${words.nextStep}</p>` : ''}`;
}

function taskForm(view: ProgressView, task: HumanTaskRow): SafeHtml {
  const sms = task.kind === 'sms-code';
  return html`<form method="post" action="${view.base}/tasks/${String(task.id)}" class="task" id="task-${String(task.id)}">
  ${csrfField(view.csrf)}
  <p class="task__prompt">${task.prompt}</p>
  ${sms ? '' : html`<img class="task__image" src="${view.base}/tasks/${String(task.id)}/image" alt="验证码图片">`}
  <div class="task__row">
    <label class="visually-hidden" for="answer-${String(task.id)}">${sms ? '短信验证码' : '图片中的字符'}</label>
    <input class="input task__input" id="answer-${String(task.id)}" name="answer" required maxlength="12" autocomplete="${sms ? 'one-time-code' : 'off'}"${sms ? html` inputmode="numeric"` : ''} placeholder="${sms ? '6 位数字' : '图中字符'}">
    <button class="button button--primary" type="submit">提交</button>
  </div>
  <p class="task__deadline">请在 ${formatTime(task.deadline)} 前提交</p>
</form>`;
}

function itemCard(view: ProgressView, item: ItemInfo, automated: boolean): SafeHtml {
  const row = view.rows.find((candidate) => candidate.itemId === item.id);
  const state = row ? row.status : automated ? 'pending' : 'manual';
  const status = ITEM_STATUS[state];
  const words = receiptWords(item.id, row?.receipt, row?.outputs);
  const tasks = view.tasks.filter(
    (task) => task.itemId === item.id && (view.audience === 'clerk' || task.kind === 'sms-code'),
  );
  const failure =
    row?.status === 'failed' ? (row.failure as { message?: string; fields?: RefusedField[] } | null) : null;
  // Only an item not yet filed waits for the portal; the reason is the admin's finding, for the clerk.
  const hold =
    view.audience === 'clerk' && ['pending', 'waiting', 'queued'].includes(state)
      ? view.holds?.[item.id]
      : undefined;
  return html`<li class="${cls('item', `item--${state}`)}" data-item="${item.id}" data-patch-id="item-${item.id}">
  <div class="item__head"><span class="item__dot" aria-hidden="true"></span>
    <span class="item__title"><span class="item__name">${item.name}</span><span class="muted">${item.department}</span></span>
    <span class="badge badge--${status.tone}">${status.label}</span></div>
  ${receiptSection(words)}
  ${
    failure
      ? html`<div class="item__failure"><p>${failure.message ?? '办理失败'}</p>${(failure.fields ?? []).map((field) => html`<p>「${fieldLabel(item.id, field)}」：${field.message}</p>`)}</div>`
      : ''
  }
  ${hold ? html`<p class="item__hold" role="status">部门系统已变更，暂停提交：${hold}</p>` : ''}
  ${row ? closedLine(view, row) : ''}
  ${row?.status === 'handed-over' && view.byHand ? byHandForm(view.byHand.base, view.csrf, item, view.byHand.state) : ''}
  ${runLine(view, item.id, row)}
  ${row && view.manage && CLOSABLE_STATUSES.includes(row.status) ? manageForm(view, view.manage, item, row) : ''}
  ${tasks.map((task) => taskForm(view, task))}
</li>`;
}

/**
 * Why an admin took the item from the bots: the clerk reads the reason (转人工: theirs to file by hand) and,
 * once they finished it by hand, what was done; the applicant only that it is handled at the counter or not
 * at all. The reason and the note are free text, masked as the ratings' comments are (ID and phone numbers).
 */
function closedLine(view: ProgressView, row: ApplicationItemRow): SafeHtml | '' {
  const byHand = row.handledAt !== null;
  if (!CLOSED_STATUSES.includes(row.status) && !byHand) return '';
  const handed = row.status === 'handed-over' || byHand;
  if (view.audience === 'applicant') {
    const said = byHand
      ? '该事项已由窗口工作人员人工办结。'
      : handed
        ? '该事项改由窗口工作人员人工办理。'
        : '该事项已取消办理。';
    return html`<p class="item__closed">${said}</p>`;
  }
  return html`<div class="item__closed" role="status">${byHand ? html`<p><strong>窗口人工办结</strong>（${row.handledByName ?? '窗口人员'}，${formatTime(row.handledAt)}）</p>${row.handledNote ? html`<p>办理情况：${redactText(row.handledNote)}</p>` : ''}` : ''}
  <p><strong>${handed ? (byHand ? '曾转人工办理' : '已转人工，请窗口人工办理') : '已取消，机器人不再办理'}</strong>（${row.closedByName ?? '管理员'}，${formatTime(row.closedAt)}）</p>
  ${row.closedReason ? html`<p>原因：${redactText(row.closedReason)}</p>` : ''}</div>`;
}

/** An admin's controls for an item nothing is being filed for: a reason, then 转人工 or 取消. */
function manageForm(
  view: ProgressView,
  manage: NonNullable<ProgressView['manage']>,
  item: ItemInfo,
  row: ApplicationItemRow,
): SafeHtml {
  const action = `${manage.base}/items/${item.id}`;
  // A run that reached the final click may have filed (its answer lost): filing again by hand would be twice.
  const mayHaveFiled = row.submitStartedAt
    ? html`<p class="field__hint" data-may-have-filed>机器人曾于 ${formatTime(row.submitStartedAt)} 点击最终提交，部门系统可能已收到该事项。转人工或取消前，请先在部门系统查询，避免重复报送。</p>`
    : '';
  const error = manage.reason?.itemId === item.id ? manage.reason.error : undefined;
  const id = `close-reason-${item.id}`;
  return html`<details class="item__manage" id="manage-${item.id}"${error ? html` open` : ''}><summary>取消或转人工</summary>
  ${mayHaveFiled}
  <form method="post" action="${action}/hand-over" class="form" novalidate>${csrfField(view.csrf)}
    <div class="field"><label class="field__label" for="${id}">原因（窗口人员会看到）</label>
    <textarea class="input" id="${id}" name="reason" rows="2" maxlength="500"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}></textarea>
    ${error ? html`<p class="field__error" id="${id}-error">${error}</p>` : ''}</div>
    <div class="actions"><button class="button button--primary" type="submit" data-confirm="将「${item.name}」转给窗口人工办理？机器人不会再办理该事项。">转人工办理</button>
    <button class="button button--danger" type="submit" formaction="${action}/cancel" data-confirm="取消「${item.name}」？机器人不会再办理该事项，也不能重新办理。">取消办理</button></div>
  </form></details>`;
}

export function progressSection(view: ProgressView): SafeHtml {
  const automated = new Set(view.waves.flat());
  const waves = view.waves.map((ids) => view.items.filter((item) => ids.includes(item.id)));
  const manual = view.items.filter((item) => !automated.has(item.id));
  const done = view.rows.filter((row) => row.status === 'done').length;
  return html`<section class="card progress" data-live-application="${view.application.id}">
  <div class="card__head" data-patch-id="progress-head"><h2 class="card__title">各事项办理进度</h2><span class="muted">已办结 ${done}/${automated.size}</span></div>
  ${waves.map(
    (
      items,
      index,
    ) => html`<div class="wave"><p class="wave__title">第 ${index + 1} 批${index === 0 ? '' : '（前一批办结后自动开始）'}</p>
    <ul class="items-list">${items.map((item) => itemCard(view, item, true))}</ul></div>`,
  )}
  ${manual.length ? html`<div class="wave"><p class="wave__title">窗口人工办理</p><ul class="items-list">${manual.map((item) => itemCard(view, item, false))}</ul></div>` : ''}
</section>`;
}
