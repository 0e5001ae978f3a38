import type { Request } from 'express';
import type { Body } from '../kit/body.ts';
import { html } from '../kit/html/escape.ts';
import { labelOf } from '../kit/html/widgets.ts';
import { answerFiled, refusedInPlace } from '../kit/json-apply.ts';
import type { PortalContext, PortalDefinition } from '../kit/portal.ts';
import { chinaDateDigits, referenceNumber } from '../kit/references.ts';
import { itemId } from './form-manifest.ts';
import { frameBounce, frameDocument } from './frame.ts';
import { INSURANCE_TYPES } from './lists.ts';
import { APPLY_PAGE, HOME } from './pages.ts';
import { normaliseApplication, validateApplication } from './validate.ts';

/** 单位医保编号: the registrar's district (credit code positions 3–8), the year and a serial. */
function medicalInsuranceNo(ctx: PortalContext, creditCode: string): string {
  const serial = String(ctx.store.nextSequence('unitNo')).padStart(6, '0');
  return `${creditCode.slice(2, 8)}${chinaDateDigits(ctx.now()).slice(0, 4)}${serial}`;
}

function file(ctx: PortalContext, req: Request, body: Body) {
  const fields = normaliseApplication(body);
  const reference = referenceNumber('YB', ctx.store.nextSequence('reference'), 6, ctx.now());
  const creditCode = String(fields.creditCode);
  return ctx.recordSubmission({
    reference,
    account: ctx.accountOf(req),
    company: String(fields.unitName),
    creditCode,
    status: 'done',
    statusText: '已办结',
    requests: [{ path: req.path, receivedAt: ctx.now().toISOString(), body }],
    files: {},
    fields,
    receipt: { medicalInsuranceNo: medicalInsuranceNo(ctx, creditCode) },
  });
}

/**
 * 单位医疗保险登记 (漳州市医疗保障局 医疗保障网上服务大厅). The application form is a separate document in an
 * `<iframe name="mainFrame">` under the portal chrome and posts by XHR (JSON answers: errors beside the
 * fields, the busy message, 401 when the session is gone); selects are div-based; 参保日期 is yyyy-MM-dd from
 * a calendar. The unit must be registered by market regulation (no sync lag of its own).
 */
export const medicalInsurancePortal: PortalDefinition = {
  id: 'medical-insurance',
  item: itemId,
  itemName: '单位医疗保险登记',
  cookieName: 'HSA_SESSION',
  login: 'kit',
  accounts: [{ username: 'yijian', password: 'Yijian#2025', displayName: '一键办经办人' }],
  receiptLabels: { medicalInsuranceNo: '单位医保编号' },
  chrome: {
    department: '漳州市医疗保障局',
    systemName: '医疗保障网上服务大厅 · 单位网厅',
    primary: '#0e8a7e',
    hotline: '医保服务热线：12393',
    nav: [
      { href: '/', label: '首页' },
      { href: '/apply', label: '单位参保登记' },
      { href: '/query', label: '业务查询' },
    ],
    footer: '漳州市医疗保障局　漳州市医疗保障基金中心',
    styles: ['/static/medical-insurance.css'],
    scripts: ['/static/medical-insurance.js'],
  },
  home: { title: '单位网厅', body: HOME },
  receiptPage: {
    title: '业务回执',
    notFound: '未找到该业务。',
    extra(submission) {
      const f = submission.fields;
      const types = (f.insuranceTypes as string[] | undefined) ?? [];
      return html`<table class="k-grid mi-receipt-extra">
<tr><th>险种</th><td>${types.map((t) => labelOf(INSURANCE_TYPES, t) ?? t).join('、')}</td></tr>
<tr><th>参保日期</th><td>${String(f.insuredDate ?? '')}</td></tr></table>`;
    },
  },
  mount(router, ctx) {
    router.get('/apply', ctx.requireLogin, (req, res) => {
      res.send(ctx.render(req, { title: '单位参保登记', active: '/apply', body: APPLY_PAGE }));
    });
    // The frame bounces the whole window (not itself) to the login page when the session is gone.
    router.get('/apply/frame', (req, res) => {
      if (!req.portalSession?.account) return void res.send(frameBounce(Boolean(req.portalSessionExpired)));
      res.send(frameDocument());
    });
    router.post('/api/apply', ctx.requireLogin, (req, res) => {
      const body = { ...(req.body as Body) };
      if (refusedInPlace(res, validateApplication(ctx, body))) return;
      answerFiled(res, file(ctx, req, body));
    });
  },
};
