/**
 * The tax-style login of the 新办纳税人 service: 纳税人识别号, 纳税人名称 and the legal representative's ID
 * number, checked against the companies market regulation has shared with the tax bureau. A company is not
 * known here until the sync lag after its approval has passed ("工商信息尚未共享，请稍后再试").
 */

import express, { type Request, type Router } from 'express';
import { normaliseIdNumber, validateCreditCode } from '../../forms/codes/index.ts';
import { type Body, type Errors, str } from '../kit/body.ts';
import { html } from '../kit/html/escape.ts';
import { formItem, textInput } from '../kit/html/widgets.ts';
import { EXPIRED_MESSAGE, safeNext } from '../kit/login-page.ts';
import type { PortalContext } from '../kit/portal.ts';
import { NOT_YET_SHARED_MESSAGE } from '../kit/registry.ts';
import { required } from './checks.ts';

/** The login as it arrived, kept for the submission's `requests` (the login fields are part of the item). */
export interface TaxLogin {
  body: Body;
  receivedAt: string;
}

function page(
  ctx: PortalContext,
  req: Request,
  options: {
    next: string;
    values?: Body;
    errors?: Errors;
    flash?: { kind: 'warning' | 'error'; text: string };
  },
): string {
  const values = options.values ?? {};
  const errors = options.errors ?? {};
  const v = (name: string) => str(values, name);
  return ctx.render(req, {
    title: '新办纳税人登录',
    flash: options.flash,
    body: html`<div class="tx-login">
<div class="tx-login__intro"><h2>新办纳税人“套餐式”服务</h2><p>新设立登记的企业，首次办理涉税事项时无需注册账号：凭纳税人识别号（统一社会信用代码）、纳税人名称和法定代表人身份证件号码即可登录，一次办理：</p>
<ol><li>登记信息确认</li><li>增值税一般纳税人登记</li><li>发票票种核定、税务UKey申领</li><li>存款账户账号报告</li></ol></div>
<form class="tx-login__form" method="post" action="/login" novalidate>
<div class="tx-login__tabs"><span class="is-active">新办纳税人</span><span title="请在“企业业务”中使用账号密码登录">企业业务</span><span>自然人业务</span></div>
<input type="hidden" name="next" value="${options.next}">
${formItem({ label: '纳税人识别号', required: true, forName: 'nsrsbh', error: errors.nsrsbh, control: textInput({ name: 'nsrsbh', value: v('nsrsbh'), maxLength: 20, placeholder: '统一社会信用代码' }) })}
${formItem({ label: '纳税人名称', required: true, forName: 'nsrmc', error: errors.nsrmc, control: textInput({ name: 'nsrmc', value: v('nsrmc'), maxLength: 100 }) })}
${formItem({ label: '法定代表人证件号码', required: true, forName: 'fddbrzjhm', error: errors.fddbrzjhm, control: textInput({ name: 'fddbrzjhm', value: v('fddbrzjhm'), maxLength: 20, placeholder: '法定代表人身份证件号码' }) })}
<div class="k-actions"><button class="k-btn k-btn--primary tx-login__submit" type="submit">登录</button></div>
</form></div>`,
  });
}

export function loginRouter(ctx: PortalContext): Router {
  const router = express.Router();
  router.get('/login', (req, res) => {
    const expired = req.query.expired === '1';
    res.send(
      page(ctx, req, {
        next: safeNext(req.query.next),
        ...(expired ? { flash: { kind: 'warning' as const, text: EXPIRED_MESSAGE } } : {}),
      }),
    );
  });
  router.post('/login', (req, res) => {
    const body = { ...(req.body as Body) };
    const next = safeNext(body.next);
    const errors: Errors = {};
    const code = str(body, 'nsrsbh').toUpperCase();
    const name = str(body, 'nsrmc');
    const legalRepId = normaliseIdNumber(str(body, 'fddbrzjhm'));
    required(errors, 'nsrsbh', code, '纳税人识别号');
    required(errors, 'nsrmc', name, '纳税人名称');
    required(errors, 'fddbrzjhm', legalRepId, '法定代表人证件号码');
    if (code && !validateCreditCode(code).valid) errors.nsrsbh = '纳税人识别号（统一社会信用代码）校验不通过';
    if (Object.keys(errors).length > 0) return void res.send(page(ctx, req, { next, values: body, errors }));

    const lookup = ctx.shared.registry.lookup(code, ctx.faults.settings.syncLagMs);
    if (lookup.status === 'not-yet-shared') {
      ctx.logger.info('tax login before the registration was shared');
      return void res.send(
        page(ctx, req, {
          next,
          values: body,
          errors: { nsrsbh: NOT_YET_SHARED_MESSAGE },
          flash: { kind: 'error', text: NOT_YET_SHARED_MESSAGE },
        }),
      );
    }
    if (lookup.status === 'unknown') {
      errors.nsrsbh = '未查询到该纳税人的登记信息，请核实纳税人识别号';
    } else {
      if (name !== lookup.company.name) errors.nsrmc = '纳税人名称与登记信息不一致';
      if (legalRepId !== lookup.company.legalRepIdNumber)
        errors.fddbrzjhm = '法定代表人证件号码与登记信息不一致';
    }
    if (Object.keys(errors).length > 0 || lookup.status !== 'known') {
      return void res.send(page(ctx, req, { next, values: body, errors }));
    }
    const session = ctx.sessions.login(req, res, lookup.company.creditCode, lookup.company.name);
    session.data.taxLogin = { body, receivedAt: ctx.now().toISOString() } satisfies TaxLogin;
    res.redirect(303, next);
  });
  return router;
}
