import { randomBytes } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { html } from '../../kit/html/escape.ts';
import { modal, stepsBar } from '../../kit/html/widgets.ts';
import type { PortalContext } from '../../kit/portal.ts';
import type { Errors } from './checks.ts';
import type { Body, Draft } from './draft.ts';
import { str } from './draft.ts';
import type { WizardStep } from './step.ts';
import { basicStep } from './step-basic.ts';
import { capitalStep } from './step-capital.ts';
import { materialsStep } from './step-materials.ts';
import { membersStep } from './step-members.ts';
import { scopeStep } from './step-scope.ts';

export const STEPS: readonly WizardStep[] = [basicStep, scopeStep, membersStep, capitalStep, materialsStep];

const draftOf = (req: Request): Draft | undefined => req.portalSession?.data.draft as Draft | undefined;

function newDraft(req: Request): Draft {
  const draft: Draft = {
    id: randomBytes(8).toString('hex'),
    steps: {},
    completed: 0,
    warned: false,
    files: {},
  };
  if (req.portalSession) req.portalSession.data.draft = draft;
  return draft;
}

function renderStep(
  ctx: PortalContext,
  req: Request,
  step: WizardStep,
  draft: Draft,
  values: Body,
  errors: Errors,
  options: { warn?: boolean; flash?: string } = {},
): string {
  const last = step.no === STEPS.length;
  const errorCount = Object.keys(errors).length;
  const warning = options.warn
    ? modal({
        id: 'first-save-warning',
        title: '温馨提示',
        body: html`<p>您即将保存企业设立登记的基本信息。</p><p>保存后，企业名称“<b>${str(values, 'qymc')}</b>”将提交名称自主申报比对；企业名称、企业类型和住所将作为后续各步骤的依据，如需修改须重新填写后续步骤。</p><p>是否继续？</p>`,
        footer: html`<button type="button" class="k-btn" data-modal-close>返回修改</button><button type="submit" class="k-btn k-btn--primary" form="wizard-form" name="qrbc" value="1">继续</button>`,
      })
    : html``;
  const body = html`${stepsBar(
    STEPS.map((s) => s.title),
    step.no - 1,
  )}
${errorCount ? html`<div class="k-alert k-alert--error" role="alert">填写的信息有 ${errorCount} 处需要修改，请查看标红的项目。</div>` : ''}
<form id="wizard-form" method="post" action="/apply/${step.no}" novalidate>
${step.render({ ctx, req, draft, values, errors })}
<div class="k-actions">
${step.no > 1 ? html`<a class="k-btn" href="/apply/${step.no - 1}">上一步</a>` : ''}
${last ? html`<button type="submit" class="k-btn k-btn--primary" data-requires-check="gzcns" disabled>提交申请</button>` : html`<button type="submit" class="k-btn k-btn--primary">保存并下一步</button>`}
</div>
</form>
${options.warn ? html`<div data-open-on-load>${warning}</div>` : ''}`;
  return ctx.render(req, {
    title: `企业设立登记 — ${step.title}`,
    body,
    active: '/apply/new',
    flash: options.flash ? { kind: 'warning', text: options.flash } : undefined,
  });
}

/**
 * The registration wizard: /apply/new starts a draft; /apply/1…5 show and save the steps, strictly in order
 * (the server refuses a step whose predecessors are not saved); saving step 5 files the application.
 */
export function wizardRouter(
  ctx: PortalContext,
  submit: (req: Request, res: Response, draft: Draft) => void,
): Router {
  const router = express.Router();
  const stepOf = (req: Request) => STEPS.find((s) => String(s.no) === req.params.no);
  const outOfOrder = (req: Request, res: Response, draft: Draft, step: WizardStep) => {
    if (step.no <= draft.completed + 1) return false;
    const next = STEPS[draft.completed];
    if (req.portalSession) req.portalSession.data.flash = `请按顺序填写，先完成“${next?.title ?? ''}”`;
    res.redirect(303, `/apply/${draft.completed + 1}`);
    return true;
  };

  router.get('/apply/new', ctx.requireLogin, (req, res) => {
    newDraft(req);
    res.redirect(303, '/apply/1');
  });

  router.get('/apply/:no', ctx.requireLogin, (req, res) => {
    const step = stepOf(req);
    if (!step) return void res.redirect(303, '/apply/1');
    const draft = draftOf(req) ?? newDraft(req);
    if (outOfOrder(req, res, draft, step)) return;
    const flash = req.portalSession?.data.flash as string | undefined;
    if (req.portalSession) delete req.portalSession.data.flash;
    res.send(renderStep(ctx, req, step, draft, draft.steps[step.no]?.body ?? {}, {}, flash ? { flash } : {}));
  });

  router.post('/apply/:no', ctx.requireLogin, (req, res) => {
    const step = stepOf(req);
    const draft = draftOf(req);
    if (!step || !draft) return void res.redirect(303, '/apply/new');
    if (outOfOrder(req, res, draft, step)) return;
    const body = { ...(req.body as Body) };
    for (const name of step.uploadFields?.(body) ?? []) {
      const id = str(body, name);
      const file = id && !draft.files[id] ? ctx.takeUpload(req, id) : undefined;
      if (file) draft.files[id] = file;
    }
    const errors = step.validate(body, draft, ctx);
    if (Object.keys(errors).length > 0) return void res.send(renderStep(ctx, req, step, draft, body, errors));
    if (step.no === 1 && !draft.warned) {
      if (str(body, 'qrbc') !== '1')
        return void res.send(renderStep(ctx, req, step, draft, body, {}, { warn: true }));
      draft.warned = true;
    }
    draft.steps[step.no] = { body, receivedAt: ctx.now().toISOString(), path: req.path };
    // Saving an earlier step again means the later ones must be saved again, in order.
    draft.completed = step.no;
    if (step.no < STEPS.length) return void res.redirect(303, `/apply/${step.no + 1}`);
    submit(req, res, draft);
  });
  return router;
}
