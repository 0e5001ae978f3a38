import type { Request, Response, Router } from 'express';
import { str } from '../../kit/body.ts';
import { html } from '../../kit/html/escape.ts';
import { modal, stepsBar } from '../../kit/html/widgets.ts';
import type { PortalContext } from '../../kit/portal.ts';
import { wizardRouter as kitWizardRouter, type WizardView } from '../../kit/wizard.ts';
import type { Draft } from './draft.ts';
import type { WizardStep } from './step.ts';
import { basicStep } from './step-basic.ts';
import { capitalStep } from './step-capital.ts';
import { materialsStep } from './step-materials.ts';
import { membersStep } from './step-members.ts';
import { scopeStep } from './step-scope.ts';

export const STEPS: readonly WizardStep[] = [basicStep, scopeStep, membersStep, capitalStep, materialsStep];

function renderStep(
  ctx: PortalContext,
  req: Request,
  step: WizardStep,
  draft: Draft,
  { values, errors, warnings, flash }: WizardView,
): string {
  const warn = (warnings?.length ?? 0) > 0;
  const last = step.no === STEPS.length;
  const errorCount = Object.keys(errors).length;
  const warning = warn
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
${warn ? html`<div data-open-on-load>${warning}</div>` : ''}`;
  return ctx.render(req, {
    title: `企业设立登记 — ${step.title}`,
    body,
    active: '/apply/new',
    flash: flash ? { kind: 'warning', text: flash } : undefined,
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
  return kitWizardRouter<Draft, WizardStep>(ctx, {
    base: '/apply',
    steps: STEPS,
    sessionKey: 'draft',
    outOfOrderText: (next) => `请按顺序填写，先完成“${next?.title ?? ''}”`,
    uploadFields: (step, body) => step.uploadFields?.(body) ?? [],
    // Only the first step's first save asks; the page words the question itself.
    warnings: (step) => (step.no === 1 ? ['first-save'] : []),
    confirmField: 'qrbc',
    render: (req, step, draft, view) => renderStep(ctx, req, step, draft, view),
    submit,
  });
}
