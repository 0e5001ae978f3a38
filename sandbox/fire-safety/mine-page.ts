import type { Request } from 'express';
import { html } from '../kit/html/escape.ts';
import type { PortalContext } from '../kit/portal.ts';
import { statusBadge } from '../kit/query-page.ts';
import { chinaDateTime } from '../kit/references.ts';
import { tdesignDocument } from './page.ts';

/**
 * 我的申请: what this account filed, newest first, found by 单位名称. It is not a 办件查询 (no look-up by
 * reference, no results), but it shows each filing's time and its 备注 as typed, and links to the receipt.
 */
export function minePage(ctx: PortalContext, req: Request): string {
  const unit = typeof req.query.dwmc === 'string' ? req.query.dwmc.trim() : '';
  const found = ctx.store.list({ account: ctx.accountOf(req), ...(unit ? { company: unit } : {}) }).reverse();
  const rows = found.map((submission, i) => {
    const remark = submission.raw.bz;
    return html`<tr><td>${i + 1}</td><td>${submission.reference}</td><td>${submission.company}</td>
<td>${String(submission.fields.venueName ?? '')}</td><td>${chinaDateTime(submission.receivedAt)}</td>
<td>${Array.isArray(remark) ? remark.join('') : (remark ?? '')}</td><td>${statusBadge(submission)}</td>
<td><a href="/receipt/${encodeURIComponent(submission.reference)}">查看回执</a></td></tr>`;
  });
  const body = html`<h1 class="fs-title">我的申请</h1>
<form class="fs-search" method="get" action="/mine"><label for="dwmc">单位名称</label>
<input id="dwmc" class="t-input__inner fs-search__input" name="dwmc" value="${unit}" placeholder="请输入单位名称">
<button class="t-button t-button--theme-primary" type="submit"><span class="t-button__text">查询</span></button></form>
<table class="fs-table"><thead><tr><th>序号</th><th>办件编号</th><th>单位名称</th><th>场所名称</th><th>提交时间</th><th>备注</th><th>办理状态</th><th>操作</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="8">暂无申请记录</td></tr>`}</tbody></table>
<p>共 ${found.length} 条记录</p>`;
  return tdesignDocument({ title: '我的申请', user: req.portalSession?.displayName, active: '/mine', body });
}
