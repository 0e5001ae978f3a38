import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { html } from '../kit/html/escape.ts';
import { modal } from '../kit/html/widgets.ts';
import type { PortalContext } from '../kit/portal.ts';
import { type Body, type Errors, str } from './body.ts';
import type { Draft, WizardStep } from './draft.ts';
import { depositStep } from './step-deposit.ts';
import { materialsStep } from './step-materials.ts';
import { unitStep } from './step-unit.ts';

export const STEPS: readonly WizardStep[] = [unitStep, depositStep, materialsStep];

const draftOf = (req: Request) => req.portalSession?.data.hfDraft as Draft | undefined;

function newDraft(req: Request): Draft {
  const draft: Draft = {
    id: randomBytes(8).toString('hex'),
    steps: {},
    completed: 0,
    warned: false,
    files: {},
  };
  if (req.portalSession) req.portalSession.data.hfDraft = draft;
  return draft;
}

/** The centre's wizard page: a vertical list of steps on the left, the step's form on the right. */
function renderStep(
  ctx: PortalContext,
  req: Request,
  step: WizardStep,
  draft: Draft,
  view: { values: Body; errors: Errors; warnings?: string[]; flash?: string },
): string {
  const last = step.no === STEPS.length;
  const count = Object.keys(view.errors).length;
  const side = html`<ol class="hf-steps">${STEPS.map(
    (s) =>
      html`<li class="hf-steps__item${s.no === step.no ? ' is-current' : s.no <= draft.completed ? ' is-done' : ''}"><span class="hf-steps__no">${s.no <= draft.completed && s.no !== step.no ? '✓' : s.no}</span><span>${s.title}</span></li>`,
  )}</ol><div class="hf-side__tip">带 <b>*</b> 的为必填项。各步骤须按顺序保存，保存后可返回修改。</div>`;
  const warning = view.warnings?.length
    ? html`<div data-open-on-load>${modal({
        id: 'hf-warning',
        title: '提示',
        body: html`${view.warnings.map((w) => html`<p>${w}</p>`)}<p>是否继续保存？</p>`,
        footer: html`<button type="button" class="k-btn" data-modal-close>返回修改</button><button type="submit" class="k-btn k-btn--primary" form="hf-form" name="qrjx" value="1">继续</button>`,
      })}</div>`
    : html``;
  const buttons = last
    ? html`<button type="submit" class="k-btn k-btn--primary hf-submit" data-requires-check="cns" disabled>提交申请</button>`
    : html`<button type="submit" class="k-btn k-btn--primary">保存并下一步</button>`;
  const body = html`<div class="hf-layout"><aside class="hf-side">${side}</aside><div class="hf-main">
${count ? html`<div class="k-alert k-alert--error" role="alert">共有 ${count} 项填写有误，请根据提示修改后重新保存。</div>` : ''}
<form id="hf-form" method="post" action="/open/${step.no}" novalidate>
${step.render({ ctx, req, draft, values: view.values, errors: view.errors })}
<div class="k-actions hf-actions">${step.no > 1 ? html`<a class="k-btn" href="/open/${step.no - 1}">上一步</a>` : ''}${buttons}</div>
</form>${warning}</div></div>`;
  return ctx.render(req, {
    title: `单位缴存登记（开户）— ${step.title}`,
    body,
    active: '/open/new',
    flash: view.flash ? { kind: 'warning', text: view.flash } : undefined,
  });
}

/**
 * 单位缴存登记 as a three-step wizard (/open/1…3), saved strictly in order; step 2's first save warns when
 * the two rates differ; step 3 may only be accepted once the 承诺书 has been on screen for its countdown.
 */
export function wizardRouter(
  ctx: PortalContext,
  submit: (req: Request, res: Response, draft: Draft) => void,
): Router {
  const router = express.Router();
  const stepOf = (req: Request) => STEPS.find((s) => String(s.no) === req.params.no);
  const outOfOrder = (req: Request, res: Response, draft: Draft, step: WizardStep) => {
    if (step.no <= draft.completed + 1) return false;
    if (req.portalSession) {
      req.portalSession.data.flash = `请先完成“${STEPS[draft.completed]?.title ?? ''}”并保存`;
    }
    res.redirect(303, `/open/${draft.completed + 1}`);
    return true;
  };

  router.get('/open/new', ctx.requireLogin, (req, res) => {
    newDraft(req);
    res.redirect(303, '/open/1');
  });
  router.get('/open/:no', ctx.requireLogin, (req, res) => {
    const step = stepOf(req);
    if (!step) return void res.redirect(303, '/open/1');
    const draft = draftOf(req) ?? newDraft(req);
    if (outOfOrder(req, res, draft, step)) return;
    if (step === materialsStep && draft.noticeShownAt === undefined)
      draft.noticeShownAt = ctx.now().getTime();
    const flash = req.portalSession?.data.flash as string | undefined;
    if (req.portalSession) delete req.portalSession.data.flash;
    const values = draft.steps[step.no]?.body ?? {};
    res.send(renderStep(ctx, req, step, draft, { values, errors: {}, ...(flash ? { flash } : {}) }));
  });
  router.post('/open/:no', ctx.requireLogin, (req, res) => {
    const step = stepOf(req);
    const draft = draftOf(req);
    if (!step || !draft) return void res.redirect(303, '/open/new');
    if (outOfOrder(req, res, draft, step)) return;
    const body = { ...(req.body as Body) };
    for (const name of step.uploadFields ?? []) {
      const id = str(body, name);
      const file = id && !draft.files[id] ? ctx.takeUpload(req, id) : undefined;
      if (file) draft.files[id] = file;
    }
    const errors = step.validate(body, draft, ctx);
    if (Object.keys(errors).length > 0)
      return void res.send(renderStep(ctx, req, step, draft, { values: body, errors }));
    const warnings = draft.warned ? [] : (step.warnings?.(body) ?? []);
    if (warnings.length > 0) {
      if (str(body, 'qrjx') !== '1') {
        return void res.send(renderStep(ctx, req, step, draft, { values: body, errors: {}, warnings }));
      }
      draft.warned = true;
    }
    draft.steps[step.no] = { body, receivedAt: ctx.now().toISOString(), path: req.path };
    draft.completed = step.no;
    if (step.no < STEPS.length) return void res.redirect(303, `/open/${step.no + 1}`);
    submit(req, res, draft);
  });
  return router;
}
