import type { Request, Response } from 'express';
import type { Body } from '../kit/body.ts';
import { html } from '../kit/html/escape.ts';
import { labelOf } from '../kit/html/widgets.ts';
import type { PortalContext, PortalDefinition } from '../kit/portal.ts';
import { fileAndShowReceipt } from '../kit/query-page.ts';
import { referenceNumber } from '../kit/references.ts';
import { setFlash, takeFlash } from '../kit/sessions.ts';
import { checkCompany } from './company.ts';
import { itemId } from './form-manifest.ts';
import { registrationForm } from './form-page.ts';
import { INSURANCE_TYPES } from './lists.ts';
import { normaliseRegistration } from './normalise.ts';
import { HOME, stepsLine, verifyForm } from './pages.ts';
import { registrationWarnings, type VerifiedUnit, validateRegistration } from './validate.ts';

/** The unit verified in step 1, kept in the session with the request that verified it. */
interface Verified extends VerifiedUnit {
  request: { path: string; receivedAt: string; body: Body };
}

const verifiedOf = (req: Request) => req.portalSession?.data.siVerified as Verified | undefined;

/** 单位社保编号: the district of the unit and a six-digit serial of the agency. */
function socialInsuranceNo(ctx: PortalContext, region: string): string {
  return `${region}${String(ctx.store.nextSequence('unitNo')).padStart(6, '0')}`;
}

function fileRegistration(ctx: PortalContext, req: Request, res: Response, unit: Verified, body: Body): void {
  const fields = normaliseRegistration(body);
  const reference = referenceNumber('RS', ctx.store.nextSequence('reference'), 6, ctx.now());
  const unitNo = socialInsuranceNo(ctx, String(fields.region));
  fileAndShowReceipt(
    ctx,
    req,
    res,
    {
      reference,
      company: unit.name,
      creditCode: unit.creditCode,
      status: 'done',
      statusText: '已办结',
      requests: [unit.request, { path: req.path, receivedAt: ctx.now().toISOString(), body }],
      files: {},
      fields,
      receipt: { socialInsuranceNo: unitNo },
    },
    () => {
      if (req.portalSession) delete req.portalSession.data.siVerified;
    },
  );
}

/**
 * 单位社会保险登记 (漳州市人力资源和社会保障局 社会保险网上经办系统). An older table-layout system: labels
 * sit in `<th>` cells beside the values; the unit is first verified against the data the market regulator
 * shares (known only `syncLagMs` after approval); a first save warns about an unusual 工伤风险类别 or a
 * 参保日期 before 成立日期 and needs 继续; 参保日期 is written yyyyMMdd.
 */
export const socialInsurancePortal: PortalDefinition = {
  id: 'social-insurance',
  item: itemId,
  itemName: '单位社会保险登记',
  cookieName: 'SIWEB_JSESSIONID',
  login: 'kit',
  accounts: [{ username: 'yijian', password: 'Yijian#2025', displayName: '一键办经办人' }],
  receiptLabels: { socialInsuranceNo: '单位社保编号' },
  chrome: {
    department: '漳州市人力资源和社会保障局',
    systemName: '社会保险网上经办系统（单位版）',
    primary: '#1a5c9e',
    hotline: '人社服务热线：12333',
    nav: [
      { href: '/', label: '首页' },
      { href: '/register', label: '单位参保登记' },
      { href: '/query', label: '办件查询' },
    ],
    footer: '漳州市人力资源和社会保障局　漳州市社会劳动保险中心',
    styles: ['/static/social-insurance.css'],
    scripts: ['/static/social-insurance.js'],
  },
  home: { title: '单位网上经办', body: HOME },
  receiptPage: {
    title: '参保登记回执',
    notFound: '未找到该办件。',
    above: stepsLine(3),
    extra(submission) {
      const f = submission.fields;
      const types = (f.insuranceTypes as string[] | undefined) ?? [];
      return html`<table class="k-grid si-receipt-extra">
<tr><th>统一社会信用代码</th><td>${String(f.creditCode ?? '')}</td></tr>
<tr><th>参保险种</th><td>${types.map((t) => labelOf(INSURANCE_TYPES, t) ?? t).join('、')}</td></tr>
<tr><th>参保日期</th><td>${String(f.insuredDate ?? '')}</td></tr></table>`;
    },
  },
  mount(router, ctx) {
    const verifyPage = (req: Request, values: Body, errors: Record<string, string>, notYetShared = false) => {
      const flash = takeFlash(req);
      return ctx.render(req, {
        title: '单位参保登记',
        active: '/register',
        body: verifyForm(values, errors, notYetShared),
        flash: flash ? { kind: 'warning', text: flash } : undefined,
      });
    };
    router.get('/register', ctx.requireLogin, (req, res) => void res.send(verifyPage(req, {}, {})));
    router.post('/register', ctx.requireLogin, (req, res) => {
      const body = { ...(req.body as Body) };
      const code = String(body.aab998 ?? '').trim();
      const name = String(body.aab004 ?? '').trim();
      const check = checkCompany(ctx, code, name);
      if (!check.ok) return void res.send(verifyPage(req, body, check.errors, check.notYetShared));
      const verified: Verified = {
        creditCode: check.company.creditCode,
        name: check.company.name,
        establishedDate: check.company.establishedDate,
        request: { path: req.path, receivedAt: ctx.now().toISOString(), body },
      };
      if (req.portalSession) req.portalSession.data.siVerified = verified;
      res.redirect(303, '/register/form');
    });

    const formPage = (req: Request, unit: Verified, values: Body, errors = {}, warnings: string[] = []) =>
      ctx.render(req, {
        title: '单位参保登记',
        active: '/register',
        body: html`${stepsLine(2)}${registrationForm({ unit, values, errors, warnings })}`,
      });
    const requireVerified = (req: Request, res: Response): Verified | undefined => {
      const unit = verifiedOf(req);
      if (unit) return unit;
      setFlash(req, '请先完成单位信息核验');
      res.redirect(303, '/register');
      return undefined;
    };
    router.get('/register/form', ctx.requireLogin, (req, res) => {
      const unit = requireVerified(req, res);
      if (unit) res.send(formPage(req, unit, { aab004: unit.name, aab998: unit.creditCode }));
    });
    router.post('/register/form', ctx.requireLogin, (req, res) => {
      const unit = requireVerified(req, res);
      if (!unit) return;
      const body = { ...(req.body as Body) };
      const errors = validateRegistration(body, unit, ctx.now());
      if (Object.keys(errors).length > 0) return void res.send(formPage(req, unit, body, errors));
      const warnings = registrationWarnings(body, unit);
      if (warnings.length > 0 && body.qrjx !== '1') {
        return void res.send(formPage(req, unit, body, {}, warnings));
      }
      fileRegistration(ctx, req, res, unit, body);
    });
  },
};
