import type { Request, Response } from 'express';
import { normaliseIdNumber } from '../../forms/codes/index.ts';
import { str } from '../kit/body.ts';
import { html } from '../kit/html/escape.ts';
import type { PortalContext, PortalDefinition } from '../kit/portal.ts';
import { fileAndShowReceipt } from '../kit/query-page.ts';
import { chinaDateDigits } from '../kit/references.ts';
import type { RegisteredCompany } from '../kit/registry.ts';
import type { RawRequest } from '../kit/submissions.ts';
import { flowRouter, STEPS, type TaxDraft } from './flow.ts';
import { itemId } from './form-manifest.ts';
import { loginRouter, type TaxLogin } from './login.ts';
import { taxOfficeOf } from './tax-office.ts';

/** The logged-in taxpayer (the session's account is its 纳税人识别号). */
function companyOf(ctx: PortalContext, req: Request): RegisteredCompany | undefined {
  const code = req.portalSession?.account;
  const lookup = code ? ctx.shared.registry.lookup(code, 0) : undefined;
  return lookup?.status === 'known' ? lookup.company : undefined;
}

/** Files the checked flow: 税务受理号 = 税务机关代码 + yyyyMMdd + a 4-digit serial of the day's filings. */
function submitTax(
  ctx: PortalContext,
  req: Request,
  res: Response,
  draft: TaxDraft,
  login: TaxLogin,
  company: RegisteredCompany,
): void {
  const office = taxOfficeOf(company.regionCode);
  const today = chinaDateDigits(ctx.now());
  const reference = `${office.code}${today}${String(ctx.store.nextSequence(`acceptance-${today}`)).padStart(4, '0')}`;
  const requests: RawRequest[] = [{ path: '/login', receivedAt: login.receivedAt, body: login.body }];
  for (const no of [1, 2, 3, 4, 5]) {
    const step = draft.steps[no];
    if (step) requests.push(step);
  }
  const fields: Record<string, unknown> = {
    'login.taxpayerId': str(login.body, 'nsrsbh').toUpperCase(),
    'login.taxpayerName': str(login.body, 'nsrmc'),
    'login.legalRepIdNumber': normaliseIdNumber(str(login.body, 'fddbrzjhm')),
  };
  for (const step of STEPS) Object.assign(fields, step.normalise(draft.steps[step.no]?.body ?? {}));
  fileAndShowReceipt(ctx, req, res, {
    reference,
    company: company.name,
    creditCode: company.creditCode,
    status: 'done',
    statusText: '已办结',
    requests,
    files: {},
    fields,
    receipt: { taxAcceptanceNo: reference, taxOffice: office.name },
  });
}

/**
 * 新办纳税人涉税事项 on 国家税务总局福建省电子税务局: the tax-style login (with the inter-agency sync lag), four
 * steps in order, 确认提交 with a 检查 that must pass, and a 税务受理号 at once.
 */
export const taxPortal: PortalDefinition = {
  id: 'tax',
  item: itemId,
  itemName: '新办纳税人涉税事项',
  cookieName: 'DZSWJ_TGC',
  login: 'custom',
  accounts: [],
  receiptLabels: { taxAcceptanceNo: '税务受理号', taxOffice: '主管税务机关' },
  chrome: {
    department: '国家税务总局福建省税务局',
    systemName: '福建省电子税务局',
    primary: '#1d5aa8',
    hotline: '纳税服务热线：12366',
    nav: [
      { href: '/', label: '首页' },
      { href: '/xbnsr', label: '新办纳税人' },
      { href: '/query', label: '办税进度及结果信息查询' },
    ],
    footer: '国家税务总局福建省税务局',
    scripts: ['/static/tax.js'],
    styles: ['/static/tax.css'],
  },
  home: {
    title: '我要办税',
    body: html`<div class="tx-tiles">
<a class="tx-tile tx-tile--main" href="/xbnsr"><b>新办纳税人套餐</b><span>登记信息确认 · 一般纳税人登记 · 票种核定 · 存款账户报告</span></a>
<a class="tx-tile" href="/query"><b>办税进度及结果信息查询</b><span>查询税务受理号和办理结果</span></a>
<span class="tx-tile is-muted"><b>发票使用</b><span>登录后可用</span></span>
<span class="tx-tile is-muted"><b>税费申报及缴纳</b><span>登录后可用</span></span>
</div>`,
  },
  mount(router, ctx) {
    router.use(loginRouter(ctx));
    router.use(
      flowRouter(
        ctx,
        (req) => companyOf(ctx, req),
        (req, res, draft, login, company) => submitTax(ctx, req, res, draft, login, company),
      ),
    );
  },
};
