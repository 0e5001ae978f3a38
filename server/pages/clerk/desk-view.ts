import type { Request, Response } from 'express';
import { maskPhone } from '../../../lib/redact.ts';
import { ApplicationActions, CLERK_EDITABLE } from '../../applications/actions.ts';
import { DispatchActions } from '../../applications/dispatch.ts';
import { scopeOf } from '../../applications/scope.ts';
import {
  alertBox,
  csrfField,
  formatTime,
  STATUS_LABELS,
  statusBadge,
  textareaField,
} from '../../html/components.ts';
import { cls, html, type SafeHtml } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { signedIn } from '../../http/context.ts';
import { MOBILE } from '../../http/validate.ts';
import type { Services } from '../../services.ts';
import { renderSections } from '../../workspace/form-view.ts';
import { ocrChecks } from '../../workspace/ocr-checks.ts';
import { buildWorkspace } from '../../workspace/workspace.ts';
import { documentLine } from '../applicant/views.ts';
import type { ByHandState } from '../by-hand-form.ts';
import { documentsCard } from '../documents.pages.ts';
import { type ProgressView, progressSection } from '../progress.ts';
import { ocrConfirmCard } from './ocr-confirm.ts';

/**
 * One application at the counter (窗口): the automatic review's findings, the merged values beside the
 * uploaded documents and what OCR read, and the actions — one key, send back, resubmit failed items —
 * with each item's live progress and the bots' questions to answer in place.
 */
export interface DeskNotice {
  kind: 'success' | 'error' | 'info';
  text: string;
}

export async function showDeskApplication(
  services: Services,
  req: Request,
  res: Response,
  id: string,
  state: {
    errors?: Record<string, string>;
    notice?: DeskNotice;
    /** An admin's 取消/转人工 refused for want of a reason. */
    closeError?: { itemId: string; error: string };
    /** A 人工办结 refused: the item, what was wrong and what the clerk typed. */
    byHand?: ByHandState;
  } = {},
  status = 200,
): Promise<void> {
  const actions = new ApplicationActions(services);
  const application = await actions.get(req, id);
  const scope = scopeOf(signedIn(req));
  const base = `/desk/applications/${application.id}`;
  const [documents, findings, history, applicant, progress, papers] = await Promise.all([
    services.documents.list(scope, application.id),
    services.documents.findings(scope, application.id),
    services.applications.history(scope, application.id),
    services.users.findById(application.applicantId),
    new DispatchActions(services).progress(application),
    documentsCard(services, application, base, 'clerk'),
  ]);
  const bundle = services.catalog.bundle(application.bundleId);
  const workspace = buildWorkspace(application, documents);
  const checks = ocrChecks(workspace, documents);
  const csrf = req.yj.session?.csrfToken ?? '';
  const failed = progress.rows.filter((row) => row.status === 'failed');
  const user = signedIn(req);
  // Admins read a run on their own page (with its trace); a clerk on the desk's view of the application.
  const evidenceHref = (runId: number) =>
    user.role === 'admin' ? `/admin/runs/${String(runId)}` : `${base}/runs/${String(runId)}`;
  const view: ProgressView = {
    ...progress,
    audience: 'clerk',
    csrf,
    base,
    evidenceHref,
    // 人工办结 is the counter's: a clerk's, or an admin's standing in for one.
    byHand: { base, ...(state.byHand ? { state: state.byHand } : {}) },
    ...(user.role === 'admin'
      ? {
          manage: {
            base: `/admin/applications/${application.id}`,
            ...(state.closeError ? { reason: state.closeError } : {}),
          },
        }
      : {}),
  };
  sendPage(
    req,
    res,
    {
      title: application.title ?? '未命名办件',
      crumbs: [{ label: '窗口办件', href: '/desk' }],
      width: 'wide',
      scripts: ['live-patch.js'],
      body: html`<div class="app-head"><div><p class="app-head__bundle">${bundle?.name ?? application.bundleId}</p>
<p class="muted">申请人 ${applicant?.displayName ?? '—'} ${applicant && MOBILE.test(applicant.login) ? maskPhone(applicant.login) : ''}</p></div>
<div class="app-head__meta" data-patch-id="status">${statusBadge(application.status)}<span class="muted">办件编号 ${application.reference}</span>${application.submittedAt ? html`<a class="button button--small" href="${base}/slip">打印受理单</a>` : ''}</div></div>
${state.notice ? alertBox(state.notice.kind, state.notice.text) : ''}
<div data-patch-id="tasks-alert">${progress.tasks.length ? alertBox('warning', `有 ${progress.tasks.length} 个验证码等待处理，见下方对应事项。`, '机器人需要人工协助') : ''}</div>
<div class="grid grid--main" data-live-application="${application.id}" data-live-patch>
<section class="stack">
  ${application.status === 'submitted' ? '' : progressSection(view)}
  ${findingsCard(findings, checks.length)}
  ${checks.length && CLERK_EDITABLE.includes(application.status) ? ocrConfirmCard(application.id, csrf, application.version, workspace, checks) : ''}
  ${CLERK_EDITABLE.includes(application.status) ? html`<p class="actions"><a class="button" href="${base}/form">修改表单</a></p>` : ''}
  ${renderSections({ workspace, errors: {}, readOnly: true })}
  <section class="card"><h2 class="card__title">材料与识别结果</h2>
  ${actions.materialsOf(application).map((slot) => {
    const mine = documents.filter((doc) => doc.material === slot.id);
    return html`<div class="material-row"><p class="material-row__label">${slot.label}${slot.required && mine.length === 0 ? html` <span class="tag tag--required">缺</span>` : ''}</p>
    ${mine.length ? html`<ul class="docs">${mine.map((doc) => documentLine(application, doc, ''))}</ul>` : html`<p class="muted">未上传</p>`}</div>`;
  })}</section>
</section>
<aside class="stack" data-patch-id="aside">
  ${papers}
  ${application.status === 'submitted' ? reviewCard(base, csrf, state.errors ?? {}, services.bots !== undefined) : ''}
  ${
    failed.length
      ? resubmitCard(
          base,
          csrf,
          failed.map((row) => ({
            id: row.itemId,
            name: progress.items.find((item) => item.id === row.itemId)?.name ?? row.itemId,
          })),
        )
      : ''
  }
  ${application.returnReason && application.status === 'returned' ? alertBox('warning', application.returnReason, '已退回') : ''}
  <section class="card"><h2 class="card__title">办理记录</h2><ol class="timeline">${history
    .slice()
    .reverse()
    .map(
      (change) =>
        html`<li class="timeline__item"><span class="timeline__what">${STATUS_LABELS[change.toStatus]}</span><span class="timeline__when">${formatTime(change.at)}</span>${change.reason ? html`<span class="timeline__why">${change.reason}</span>` : ''}</li>`,
    )}</ol></section>
</aside></div>`,
    },
    status,
  );
}

/**
 * What the page says when an item's closing or 人工办结 was stored but Redis failed after it: what needed the
 * item is not scheduled yet, and sending the same form again (safe to repeat) does it.
 */
export const followUpFailed = (stored: string) =>
  `${stored}，但机器人队列暂时连不上，后续事项还没有安排办理。请稍后刷新本页、确认重新提交一次：已登记的内容不会重复登记。`;

/** The application's page again, saying what could not be done (409): closed or finished meanwhile. */
export function showDeskConflict(
  services: Services,
  req: Request,
  res: Response,
  id: string,
  text: string,
): Promise<void> {
  return showDeskApplication(services, req, res, id, { notice: { kind: 'error', text } }, 409);
}

/**
 * 辅助审核: the rules' findings, worst first. 「没有发现问题」 only when nothing at all is open: an unsure
 * reading still waiting for the clerk is a problem the review has not cleared.
 */
function findingsCard(findings: readonly { severity: string; message: string }[], unconfirmed: number) {
  const pending = unconfirmed
    ? html`<p class="finding finding--warning">还有 ${String(unconfirmed)} 项证照识别结果请核对，见「<a href="#ocr-checks">核对识别结果</a>」。</p>`
    : '';
  return html`<section class="card"><h2 class="card__title">辅助审核</h2>
  ${findings.length ? html`<ul class="findings">${findings.map((finding) => html`<li class="${cls('finding', `finding--${finding.severity}`)}">${finding.message}</li>`)}</ul>` : unconfirmed ? '' : html`<p class="muted">自动审核没有发现问题。</p>`}
  ${pending}</section>`;
}

function reviewCard(
  base: string,
  csrf: string,
  errors: Record<string, string>,
  botsOnline: boolean,
): SafeHtml {
  return html`<section class="card"><h2 class="card__title">审核通过</h2>
  <p class="muted">核对无误后，一键报送全部事项；机器人按顺序在各部门系统中填报，进度实时显示。</p>
  <form method="post" action="${base}/dispatch">${csrfField(csrf)}
    <button class="button button--primary button--block button--large" type="submit" data-confirm="确认审核通过，并一键提交全部事项吗？"${botsOnline ? '' : html` disabled`}>一键提交各部门</button>
    ${botsOnline ? '' : html`<p class="field__hint">机器人队列暂未接入</p>`}
  </form></section>
<section class="card"><h2 class="card__title">退回修改</h2>
  <form method="post" action="${base}/return" class="form" novalidate>${csrfField(csrf)}
  ${textareaField({ name: 'reason', label: '退回原因', error: errors.reason, required: true, rows: 3, maxlength: 500, hint: '申请人会看到这段话，请写明要修改的内容' })}
  <button class="button button--danger" type="submit">退回申请人</button></form></section>`;
}

function resubmitCard(base: string, csrf: string, failed: { id: string; name: string }[]): SafeHtml {
  return html`<section class="card"><h2 class="card__title">重新提交失败的事项</h2>
  <form method="post" action="${base}/resubmit" class="form">${csrfField(csrf)}
  <div class="checks">${failed.map((item) => html`<label class="check"><input type="checkbox" name="items" value="${item.id}" checked> ${item.name}</label>`)}</div>
  <p class="field__hint">只重新提交勾选的事项；已办结的事项不受影响。机器人会先查询部门系统，避免重复提交。</p>
  <button class="button button--primary" type="submit">重新提交</button></form></section>`;
}
