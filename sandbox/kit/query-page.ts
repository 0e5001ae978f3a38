import express, { type Request, type Response, type Router } from 'express';
import { html, type SafeHtml } from './html/escape.ts';
import type { NewSubmission, PortalContext } from './portal.ts';
import { chinaDateTime } from './references.ts';
import type { Submission } from './submissions.ts';

/**
 * Records what the logged-in account has just filed and sends the browser on to its receipt (303, so that a
 * reload does not post the form again).
 */
export function fileAndShowReceipt(
  ctx: PortalContext,
  req: Request,
  res: Response,
  filing: Omit<NewSubmission, 'account'>,
  /** What the session forgets once the filing is on record (a failed recording keeps it). */
  onRecorded?: () => void,
): void {
  const submission = ctx.recordSubmission({ ...filing, account: ctx.accountOf(req) });
  onRecorded?.();
  res.redirect(303, `/receipt/${submission.reference}`);
}

/** The outputs of a submission as "label：value" lines, in the portal's receipt order. */
function outputs(ctx: PortalContext, submission: Submission): SafeHtml[] {
  const labels = ctx.definition.receiptLabels ?? {};
  return Object.entries(labels)
    .filter(([id]) => submission.receipt[id] !== undefined && submission.receipt[id] !== '')
    .map(([id, label]) => html`<div>${label}：<b>${String(submission.receipt[id])}</b></div>`);
}

export const statusBadge = (submission: Submission): SafeHtml =>
  html`<span class="k-status k-status--${submission.status}">${submission.statusText}</span>`;

/**
 * 我的办件 / 办件查询: the logged-in account's submissions, found by reference or by company name/credit code,
 * with status and outputs. Every submission is listed, duplicates included: the department does not
 * deduplicate, so this page is how a bot learns after a crash that it already filed.
 */
export function queryRouter(ctx: PortalContext, options: { list: boolean }): Router {
  const router = express.Router();
  if (options.list)
    router.get('/query', ctx.requireLogin, (req: Request, res) => {
      const reference = typeof req.query.bh === 'string' ? req.query.bh.trim() : '';
      const company = typeof req.query.qymc === 'string' ? req.query.qymc.trim() : '';
      const found = ctx.store
        .list({
          account: ctx.accountOf(req),
          ...(reference ? { reference } : {}),
          ...(company ? { company } : {}),
        })
        .reverse();
      const rows = found.map(
        (submission, i) => html`<tr data-reference="${submission.reference}">
<td>${i + 1}</td><td>${submission.reference}</td><td>${submission.company}</td><td>${ctx.definition.itemName}</td>
<td>${chinaDateTime(submission.receivedAt)}</td><td>${statusBadge(submission)}</td><td>${outputs(ctx, submission)}</td>
<td><a href="/receipt/${encodeURIComponent(submission.reference)}">查看回执</a></td></tr>`,
      );
      const body = html`<form class="k-search" method="get" action="/query">
<label>办件编号<input class="k-input" name="bh" value="${reference}" placeholder="请输入办件编号"></label>
<label>企业名称/统一社会信用代码<input class="k-input" name="qymc" value="${company}" placeholder="请输入企业名称或信用代码"></label>
<button class="k-btn k-btn--primary" type="submit">查询</button><a class="k-btn" href="/query">重置</a>
</form>
<table class="k-table k-query"><thead><tr><th>序号</th><th>办件编号</th><th>申请单位</th><th>办理事项</th><th>提交时间</th><th>办理状态</th><th>办理结果</th><th>操作</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="8" class="k-empty">暂无办件记录</td></tr>`}</tbody></table>
<p class="k-muted">共 ${found.length} 条记录</p>`;
      res.send(ctx.render(req, { title: '我的办件', body, active: '/query' }));
    });

  const page = ctx.definition.receiptPage;
  router.get('/receipt/:reference', ctx.requireLogin, (req: Request, res) => {
    const submission = ctx.store.get(String(req.params.reference));
    if (!submission || submission.account !== ctx.accountOf(req)) {
      const notFound = page?.notFound
        ? { title: page.title, text: page.notFound }
        : { title: '受理回执', text: '未找到该办件。' };
      res.status(404).send(ctx.render(req, { title: notFound.title, body: html`<p>${notFound.text}</p>` }));
      return;
    }
    const receipt = receiptBody(ctx, submission, page?.extra?.(submission));
    res.send(
      ctx.render(req, {
        title: page?.title ?? '受理回执',
        body: page?.above ? html`${page.above}${receipt}` : receipt,
        active: '/query',
      }),
    );
  });
  return router;
}

/** The person a filing names first (the field group or table row holding an ID number), as a receipt prints them. */
function applicantOf(
  fields: Record<string, unknown>,
): { name: string; idNumber: string; phone: string } | null {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const key = Object.keys(fields).find((k) => k.endsWith('.idNumber') && text(fields[k]));
  if (key) {
    const prefix = key.slice(0, -'idNumber'.length);
    const phone = text(fields[`${prefix}phone`]) || text(fields[`${prefix}mobile`]);
    return { name: text(fields[`${prefix}name`]), idNumber: text(fields[key]), phone };
  }
  for (const value of Object.values(fields)) {
    if (!Array.isArray(value)) continue;
    const row = value.find(
      (r): r is Record<string, unknown> => !!r && typeof r === 'object' && 'idNumber' in r,
    );
    if (row)
      return {
        name: text(row.name),
        idNumber: text(row.idNumber),
        phone: text(row.phone) || text(row.mobile),
      };
  }
  // A filing that names a contact without an ID number (户外招牌's 联系人): name and mobile.
  const phoneKey = Object.keys(fields).find((k) => /\.(mobile|phone)$/.test(k) && text(fields[k]));
  if (phoneKey) {
    const prefix = phoneKey.replace(/(mobile|phone)$/, '');
    return { name: text(fields[`${prefix}name`]), idNumber: '', phone: text(fields[phoneKey]) };
  }
  return null;
}

/**
 * The applicant's lines of a receipt. Real receipts repeat the person's ID number and phone in print, grouped
 * and with dashes (`350603 19850612 0316`, `138-0596-1234`): the bots' screenshots must mask them by their text.
 */
function applicantRows(submission: Submission): SafeHtml {
  const person = applicantOf(submission.fields);
  if (!person) return html``;
  const id = person.idNumber.replace(/^(\d{6})(\d{8})(\w{4})$/, '$1 $2 $3');
  const phone = person.phone.replace(/^(1\d{2})(\d{4})(\d{4})$/, '$1-$2-$3');
  return html`<tr><th>申请人</th><td>${person.name}</td></tr>
${id ? html`<tr><th>证件号码</th><td>${id}</td></tr>` : html``}
${phone ? html`<tr><th>联系电话</th><td>${phone}</td></tr>` : html``}`;
}

/** The standard receipt: reference, item, applicant, time, status and outputs, with the department's seal. */
export function receiptBody(ctx: PortalContext, submission: Submission, extra: SafeHtml = html``): SafeHtml {
  const labels = ctx.definition.receiptLabels ?? {};
  const outputRows = Object.entries(labels)
    .filter(([id]) => submission.receipt[id] !== undefined && submission.receipt[id] !== '')
    .map(
      ([id, label]) =>
        html`<tr><th>${label}</th><td class="k-receipt__value" data-output="${id}">${String(submission.receipt[id])}</td></tr>`,
    );
  return html`<div class="k-receipt">
<h2>${ctx.definition.itemName}受理回执</h2>
<table class="k-grid">
<tr><th>办件编号</th><td class="k-receipt__reference">${submission.reference}</td></tr>
<tr><th>办理事项</th><td>${ctx.definition.itemName}</td></tr>
<tr><th>申请单位</th><td>${submission.company}</td></tr>
${applicantRows(submission)}
<tr><th>提交时间</th><td>${chinaDateTime(submission.receivedAt)}</td></tr>
<tr><th>办理状态</th><td>${statusBadge(submission)}</td></tr>
${outputRows}
</table>
${extra}
<p style="margin-top:24px">您的申请已提交，请妥善保存本回执。可凭办件编号在“我的办件”中查询办理进度。</p>
<p style="text-align:right;margin-top:40px">${ctx.definition.chrome.department}<br>${chinaDateTime(submission.receivedAt).slice(0, 10)}</p>
<div class="k-receipt__stamp" aria-hidden="true"><span>${ctx.definition.chrome.department}</span><span class="k-receipt__stamp-star">★</span><span>业务专用章</span></div>
</div>
<div class="k-actions"><a class="k-btn" href="/query">返回我的办件</a><button type="button" class="k-btn k-btn--primary" onclick="window.print()">打印回执</button></div>`;
}
