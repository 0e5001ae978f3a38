import type { Request, Response } from 'express';
import { html } from '../kit/html/escape.ts';
import type { PortalContext, PortalDefinition } from '../kit/portal.ts';
import { fileAndShowReceipt } from '../kit/query-page.ts';
import { referenceNumber } from '../kit/references.ts';
import { savedRequests } from '../kit/wizard.ts';
import { approveRegistration, publish } from './approval.ts';
import { itemId } from './form-manifest.ts';
import { normaliseRegistration } from './normalise.ts';
import { UPLOAD_RULES } from './uploads.ts';
import type { Draft } from './wizard/draft.ts';
import { wizardRouter } from './wizard/router.ts';

/** Files the saved wizard as a new submission (never merged with an earlier one) and shows the receipt. */
function submitRegistration(ctx: PortalContext, req: Request, res: Response, draft: Draft): void {
  const { fields, files } = normaliseRegistration(draft);
  const reference = referenceNumber('SL', ctx.store.nextSequence('acceptance'), 6, ctx.now());
  const dueAt = new Date(ctx.now().getTime() + ctx.faults.settings.approvalDelayMs);
  fileAndShowReceipt(ctx, req, res, {
    reference,
    company: String(fields.companyName),
    status: 'reviewing',
    statusText: '已受理（审核中）',
    requests: savedRequests(draft),
    files,
    fields,
    receipt: { acceptanceNo: reference },
    dueAt,
  });
}

/**
 * 企业设立登记 (福建省市场监督管理局 企业登记网上服务平台). Login goes through the unified login on its own
 * port; the application is a five-step wizard; a filed application is 已受理 at once and approved after the
 * approval delay with a valid 统一社会信用代码.
 */
export const marketRegulationPortal: PortalDefinition = {
  id: 'market-regulation',
  item: itemId,
  itemName: '企业设立登记',
  cookieName: 'SAMR_SID',
  login: 'custom',
  accounts: [],
  uploads: UPLOAD_RULES,
  receiptLabels: {
    acceptanceNo: '受理编号',
    creditCode: '统一社会信用代码',
    establishedDate: '成立日期',
    registrationAuthority: '登记机关',
  },
  chrome: {
    department: '福建省市场监督管理局',
    systemName: '企业登记网上服务平台',
    primary: '#b3261e',
    nav: [
      { href: '/', label: '首页' },
      { href: '/apply/new', label: '企业开办' },
      { href: '/query', label: '我的办件' },
    ],
    footer: '福建省市场监督管理局',
    scripts: ['/static/registration.js'],
  },
  home: {
    title: '企业开办一网通办',
    body: html`<p>企业设立登记实行全程电子化办理。请先登录，再按“基本信息 → 经营范围 → 人员信息 → 出资信息 → 材料与承诺”的顺序填写申请。</p>
<table class="k-table"><thead><tr><th>办理事项</th><th>办理对象</th><th>承诺时限</th><th>操作</th></tr></thead><tbody>
<tr><td>企业设立登记（有限责任公司、股份有限公司、个人独资企业）</td><td>法人</td><td>1个工作日</td><td><a class="k-btn k-btn--primary" href="/apply/new">我要办理</a> <a class="k-btn" href="/query">办件查询</a></td></tr>
</tbody></table>`,
  },
  mount(router, ctx) {
    router.get('/login', (req, res) => {
      const self = ctx.shared.urls['market-regulation'] ?? '';
      const next =
        typeof req.query.next === 'string' && req.query.next.startsWith('/') ? req.query.next : '/';
      const service = `${self}/sso?next=${encodeURIComponent(next)}`;
      const params = new URLSearchParams({ service });
      if (req.query.expired === '1') params.set('expired', '1');
      res.redirect(303, `${ctx.shared.urls['unified-login'] ?? ''}/login?${params}`);
    });
    router.get('/sso', (req, res) => {
      const self = new URL(ctx.shared.urls['market-regulation'] ?? 'http://invalid').origin;
      const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : '';
      const who = ticket ? ctx.shared.tickets.redeem(ticket, self) : undefined;
      if (!who) {
        res.status(403).send(
          ctx.render(req, {
            title: '登录失败',
            body: html`<p>登录凭证无效或已过期，请重新登录。</p><p><a class="k-btn k-btn--primary" href="/login">重新登录</a></p>`,
          }),
        );
        return;
      }
      ctx.sessions.login(req, res, who.account, who.displayName);
      const next =
        typeof req.query.next === 'string' &&
        req.query.next.startsWith('/') &&
        !req.query.next.startsWith('//')
          ? req.query.next
          : '/';
      res.redirect(303, next);
    });
    router.use(wizardRouter(ctx, (req, res, draft) => submitRegistration(ctx, req, res, draft)));
  },
  onDue: approveRegistration,
  onStart(ctx) {
    // The registry file is the other departments' copy; make sure every approval made it there.
    for (const submission of ctx.store.list()) {
      const code = submission.receipt.creditCode;
      if (
        submission.status === 'approved' &&
        typeof code === 'string' &&
        ctx.shared.registry.lookup(code, 0).status === 'unknown'
      ) {
        publish(submission, ctx, submission.updatedAt);
      }
    }
  },
};
