/**
 * The 新办纳税人 flow after login: four steps saved strictly in order ("保存并下一步"), then 确认提交, where the
 * 检查 button must pass before 提交 enables. Saving any step again withdraws an earlier 检查.
 */

import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { type Body, type Errors, str } from '../kit/body.ts';
import { html, type SafeHtml } from '../kit/html/escape.ts';
import { stepsBar } from '../kit/html/widgets.ts';
import type { PortalContext } from '../kit/portal.ts';
import type { RegisteredCompany } from '../kit/registry.ts';
import { setFlash, takeFlash } from '../kit/sessions.ts';
import type { RawRequest } from '../kit/submissions.ts';
import type { TaxLogin } from './login.ts';
import type { TaxStep } from './step.ts';
import { infoStep } from './step-info.ts';
import { depositStep, invoiceStep, vatStep } from './step-others.ts';
import { summary } from './summary.ts';

export const STEPS: readonly TaxStep[] = [infoStep, vatStep, invoiceStep, depositStep];
const TITLES = [...STEPS.map((step) => step.title), '确认提交'];

export interface TaxDraft {
  steps: Partial<Record<number, RawRequest>>;
  completed: number;
  /** Set by a passing 检查; 提交 must carry it. */
  checkToken?: string;
}

export type SubmitTax = (
  req: Request,
  res: Response,
  draft: TaxDraft,
  login: TaxLogin,
  company: RegisteredCompany,
) => void;

const draftOf = (req: Request): TaxDraft => {
  const session = req.portalSession;
  if (!session) throw new Error('tax flow without a session');
  session.data.taxDraft ??= { steps: {}, completed: 0 } satisfies TaxDraft;
  return session.data.taxDraft as TaxDraft;
};

/** Every saved step checked again, as 检查 and 提交 do. */
export function checkAll(draft: TaxDraft): { title: string; errors: Errors }[] {
  return STEPS.map((step) => ({
    title: step.title,
    errors: step.validate(draft.steps[step.no]?.body ?? {}),
  }));
}

function layout(current: number, completed: number, content: SafeHtml): SafeHtml {
  const side = TITLES.map((title, i) => {
    const no = i + 1;
    const state = no === current ? ' is-current' : no <= completed ? ' is-done' : '';
    const link =
      no <= completed + 1 ? html`<a href="/xbnsr/${no}">${title}</a>` : html`<span>${title}</span>`;
    return html`<li class="tx-side__item${state}"><span class="tx-side__no">${no}</span>${link}</li>`;
  });
  return html`<div class="tx-flow"><ol class="tx-side">${side}</ol><div class="tx-body">${stepsBar(TITLES, current - 1)}${content}</div></div>`;
}

export function flowRouter(
  ctx: PortalContext,
  companyOf: (req: Request) => RegisteredCompany | undefined,
  submit: SubmitTax,
): Router {
  const router = express.Router();
  const render = (
    req: Request,
    res: Response,
    step: TaxStep,
    values: Body,
    errors: Errors,
    flash?: string,
  ) => {
    const company = companyOf(req);
    if (!company) return void res.redirect(303, '/login');
    const draft = draftOf(req);
    const count = Object.keys(errors).length;
    const content = html`${count ? html`<div class="k-alert k-alert--error" role="alert">本页有 ${count} 项未通过校验，请修改后再保存。</div>` : ''}
<form method="post" action="/xbnsr/${step.no}" novalidate>${step.render({ values, errors, company })}
<div class="k-actions">${step.no > 1 ? html`<a class="k-btn" href="/xbnsr/${step.no - 1}">上一步</a>` : ''}<button type="submit" class="k-btn k-btn--primary">保存并下一步</button></div></form>`;
    res.send(
      ctx.render(req, {
        title: `新办纳税人涉税事项 — ${step.title}`,
        active: '/xbnsr',
        body: layout(step.no, draft.completed, content),
        flash: flash ? { kind: 'warning', text: flash } : undefined,
      }),
    );
  };
  const inOrder = (req: Request, res: Response, no: number) => {
    const draft = draftOf(req);
    if (no <= draft.completed + 1) return true;
    setFlash(req, `请按顺序办理，先完成“${TITLES[draft.completed] ?? ''}”`);
    res.redirect(303, `/xbnsr/${draft.completed + 1}`);
    return false;
  };

  router.get('/xbnsr', ctx.requireLogin, (req, res) =>
    res.redirect(303, `/xbnsr/${Math.min(draftOf(req).completed + 1, 5)}`),
  );
  router.get('/xbnsr/5', ctx.requireLogin, (req, res) => {
    if (!inOrder(req, res, 5)) return;
    const draft = draftOf(req);
    delete draft.checkToken;
    const content = html`${summary(draft)}
<form method="post" action="/xbnsr/submit" id="tx-submit-form"><input type="hidden" name="jcToken" value="">
<div class="tx-check" role="status"><div class="tx-check__title">提交前请先点击“检查”，系统将对全部事项进行校验。</div><ul class="tx-check__list"></ul></div>
<div class="k-actions"><a class="k-btn" href="/xbnsr/4">上一步</a><button type="button" class="k-btn tx-check__btn">检 查</button><button type="submit" class="k-btn k-btn--primary tx-submit" disabled>提 交</button></div></form>`;
    const flash = takeFlash(req);
    res.send(
      ctx.render(req, {
        title: '新办纳税人涉税事项 — 确认提交',
        active: '/xbnsr',
        body: layout(5, draft.completed, content),
        flash: flash ? { kind: 'error', text: flash } : undefined,
      }),
    );
  });
  router.get('/xbnsr/:no', ctx.requireLogin, (req, res) => {
    const step = STEPS.find((s) => String(s.no) === req.params.no);
    if (!step) return void res.redirect(303, '/xbnsr/1');
    if (!inOrder(req, res, step.no)) return;
    const flash = takeFlash(req);
    render(req, res, step, draftOf(req).steps[step.no]?.body ?? {}, {}, flash);
  });
  router.post('/xbnsr/submit', ctx.requireLogin, (req, res) => {
    const draft = draftOf(req);
    const login = req.portalSession?.data.taxLogin as TaxLogin | undefined;
    const company = companyOf(req);
    const token = str(req.body as Body, 'jcToken');
    const problems = checkAll(draft).filter((result) => Object.keys(result.errors).length > 0);
    if (
      !draft.checkToken ||
      token !== draft.checkToken ||
      problems.length > 0 ||
      draft.completed < 4 ||
      !login ||
      !company
    ) {
      setFlash(req, '请先点击“检查”，检查通过后再提交');
      return void res.redirect(303, '/xbnsr/5');
    }
    draft.steps[5] = { path: req.path, receivedAt: ctx.now().toISOString(), body: { ...(req.body as Body) } };
    submit(req, res, draft, login, company);
    if (req.portalSession) delete req.portalSession.data.taxDraft;
  });
  router.post('/xbnsr/:no', ctx.requireLogin, (req, res) => {
    const step = STEPS.find((s) => String(s.no) === req.params.no);
    if (!step) return void res.redirect(303, '/xbnsr/1');
    if (!inOrder(req, res, step.no)) return;
    const body = { ...(req.body as Body) };
    const errors = step.validate(body);
    if (Object.keys(errors).length > 0) return render(req, res, step, body, errors);
    const draft = draftOf(req);
    draft.steps[step.no] = { path: req.path, receivedAt: ctx.now().toISOString(), body };
    delete draft.checkToken;
    // Saving an earlier step again means the later ones are saved again, in order.
    draft.completed = step.no;
    res.redirect(303, `/xbnsr/${step.no + 1}`);
  });
  router.post('/api/jc', ctx.requireLogin, (req, res) => {
    const draft = draftOf(req);
    const results = checkAll(draft).map(({ title, errors }) => ({ title, problems: Object.values(errors) }));
    const ok = draft.completed >= 4 && results.every((result) => result.problems.length === 0);
    draft.checkToken = ok ? randomBytes(9).toString('base64url') : undefined;
    res.json({
      ok,
      token: draft.checkToken ?? null,
      results,
      message: ok ? '检查通过，可以提交' : '检查未通过，请返回相应步骤修改',
    });
  });
  return router;
}
