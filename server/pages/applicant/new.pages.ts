import type { Request, Response } from 'express';
import { ApplicationActions } from '../../applications/actions.ts';
import type { BundleInfo } from '../../catalog.ts';
import { alertBox, csrfField, emptyState, selectField } from '../../html/components.ts';
import { cls, html } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { HttpError } from '../../http/errors.ts';
import type { RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

/** 新办一件事: pick a bundle, its options and optional items, and the centre that will handle it. */
export function newApplicationRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);

  async function show(req: Request, res: Response, state: NewState = {}, status = 200) {
    const bundles = services.catalog.bundles();
    const centres = await services.users.listCentres();
    const chosen = state.bundleId ?? bundles[0]?.id;
    const body = bundles.length
      ? html`<form method="post" action="/my/applications" class="form" novalidate>
  ${csrfField(req.yj.session?.csrfToken ?? '')}
  ${state.errors?.options ? alertBox('error', state.errors.options) : ''}
  <fieldset class="${cls('choice-group', state.errors?.bundleId && 'field--error')}"><legend class="field__label">要办理的一件事</legend>
  ${bundles.map((bundle) => bundleChoice(bundle, bundle.id === chosen, state.body))}
  ${state.errors?.bundleId ? html`<p class="field__error" role="alert">${state.errors.bundleId}</p>` : ''}
  </fieldset>
  ${selectField({
    name: 'centreId',
    label: '办理的服务中心',
    options: centres.map((centre) => ({ value: centre.id, label: centre.name })),
    value: state.centreId ?? centres[0]?.id,
    error: state.errors?.centreId,
    required: true,
    hint: '提交后由该中心的窗口工作人员审核，并一键报送各部门',
  })}
  <div class="actions"><button class="button button--primary button--large" type="submit">下一步：上传材料</button><a class="button" href="/my">取消</a></div>
</form>`
      : html`<section class="card">${emptyState('暂无可办理的事项', '事项目录正在准备中，请稍后再来。')}</section>`;
    sendPage(
      req,
      res,
      {
        title: '新办一件事',
        active: '/my/new',
        crumbs: [{ label: '我的办件', href: '/my' }],
        lead: '选择要办理的"一件事"。可选事项默认已勾选常用的，您可以按需增减。',
        body,
      },
      status,
    );
  }

  return [
    {
      method: 'get',
      path: '/my/new',
      access: ['applicant'],
      kind: 'page',
      summary: '选择要办理的一件事',
      handler: (req, res) => show(req, res),
    },
    {
      method: 'post',
      path: '/my/applications',
      access: ['applicant'],
      kind: 'page',
      summary: '新建办件',
      handler: async (req, res) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const bundleId = typeof body.bundleId === 'string' ? body.bundleId : '';
        const centreId = typeof body.centreId === 'string' ? body.centreId : '';
        const bundle = services.catalog.bundle(bundleId);
        try {
          const application = await actions.create(req, {
            bundleId,
            centreId,
            options: bundle ? choiceFrom(bundle, body) : {},
          });
          res.redirect(303, `/my/applications/${application.id}/materials`);
        } catch (error) {
          if (!(error instanceof HttpError) || error.status !== 422) throw error;
          const errors = Object.fromEntries(
            error.issues.map((issue) => [String(issue.path[0]), issue.message]),
          );
          await show(req, res, { bundleId, centreId, errors, body }, 422);
        }
      },
    },
  ];
}

interface NewState {
  bundleId?: string;
  centreId?: string;
  errors?: Record<string, string>;
  body?: Record<string, unknown>;
}

const listOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];

/** The form's checkboxes and radios → forms/' choice: options, optional items left out or taken in. */
function choiceFrom(bundle: BundleInfo, body: Record<string, unknown>) {
  const taken = listOf(body[`items.${bundle.id}`]);
  const options = Object.fromEntries(
    bundle.options.map((option) => [
      option.id,
      String(body[`option.${bundle.id}.${option.id}`] ?? option.byDefault),
    ]),
  );
  const optional = bundle.items.filter((item) => item.optional);
  return {
    options,
    omit: optional.filter((item) => item.byDefault && !taken.includes(item.id)).map((item) => item.id),
    include: optional.filter((item) => !item.byDefault && taken.includes(item.id)).map((item) => item.id),
  };
}

function bundleChoice(bundle: BundleInfo, checked: boolean, body: Record<string, unknown> | undefined) {
  const taken = body ? listOf(body[`items.${bundle.id}`]) : undefined;
  return html`<div class="choice card">
  <label class="choice__head"><input type="radio" name="bundleId" value="${bundle.id}"${checked ? html` checked` : ''}>
    <span><span class="choice__name">${bundle.name}</span><span class="choice__summary">${bundle.summary}</span></span></label>
  ${bundle.options.map(
    (option) =>
      html`<div class="choice__option"><span class="choice__option-label">${option.label}</span>${option.choices.map(
        (choice) => {
          const current = String(body?.[`option.${bundle.id}.${option.id}`] ?? option.byDefault);
          return html`<label class="check check--inline"><input type="radio" name="option.${bundle.id}.${option.id}" value="${choice.value}"${choice.value === current ? html` checked` : ''}> ${choice.label}</label>`;
        },
      )}</div>`,
  )}
  <ul class="choice__items">${bundle.items.map((item) => {
    const meta = html`<span class="muted"> · ${item.department}${item.onlyWhen ? ` · 仅${item.onlyWhen}时办理` : ''}</span>`;
    if (!item.optional) return html`<li><span class="choice__fixed">✓ ${item.name}${meta}</span></li>`;
    const on = taken ? taken.includes(item.id) : item.byDefault;
    return html`<li><label class="check"><input type="checkbox" name="items.${bundle.id}" value="${item.id}"${on ? html` checked` : ''}> ${item.name}${meta}<span class="muted"> · 可选</span></label></li>`;
  })}</ul>
</div>`;
}
