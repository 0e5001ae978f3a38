import type { Request, Response, Router } from 'express';
import { html } from '../kit/html/escape.ts';
import { modal } from '../kit/html/widgets.ts';
import type { PortalContext } from '../kit/portal.ts';
import { wizardRouter as kitWizardRouter, type WizardView } from '../kit/wizard.ts';
import type { Draft, WizardStep } from './draft.ts';
import { depositStep } from './step-deposit.ts';
import { materialsStep } from './step-materials.ts';
import { unitStep } from './step-unit.ts';

export const STEPS: readonly WizardStep[] = [unitStep, depositStep, materialsStep];

/** The centre's wizard page: a vertical list of steps on the left, the step's form on the right. */
function renderStep(
  ctx: PortalContext,
  req: Request,
  step: WizardStep,
  draft: Draft,
  view: WizardView,
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
  return kitWizardRouter<Draft, WizardStep>(ctx, {
    base: '/open',
    steps: STEPS,
    sessionKey: 'hfDraft',
    outOfOrderText: (next) => `请先完成“${next?.title ?? ''}”并保存`,
    uploadFields: (step) => step.uploadFields ?? [],
    warnings: (step, body) => step.warnings?.(body) ?? [],
    confirmField: 'qrjx',
    onShow(step, draft) {
      if (step === materialsStep && draft.noticeShownAt === undefined)
        draft.noticeShownAt = ctx.now().getTime();
    },
    render: (req, step, draft, view) => renderStep(ctx, req, step, draft, view),
    submit,
  });
}
