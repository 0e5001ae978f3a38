import type { Request, Response } from 'express';
import type { FormValues } from '../../../forms/index.ts';
import { ApplicationActions, CLERK_EDITABLE } from '../../applications/actions.ts';
import { DispatchActions } from '../../applications/dispatch.ts';
import { alertBox, csrfField } from '../../html/components.ts';
import { html } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { deskPage, type RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { typedFromForm } from '../../workspace/form-input.ts';
import { renderSections } from '../../workspace/form-view.ts';
import { validateWorkspace } from '../../workspace/workspace.ts';
import { errorsBySlot } from '../applicant/form-errors.ts';
import { failureLines } from '../progress.ts';

/**
 * The clerk's correction of the merged form: during review, or after a portal refused a value (its message
 * and field are listed on top); then the failed items are resubmitted from the desk.
 */
export function deskFormRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);
  const dispatch = new DispatchActions(services);

  async function show(
    req: Request,
    res: Response,
    id: string,
    notice?: { kind: 'error'; text: string },
    status = 200,
  ) {
    const { application, workspace } = await actions.withWorkspace(req, id);
    const { bySlot, general } = errorsBySlot(validateWorkspace(workspace, application.typed));
    const progress = await dispatch.progress(application);
    const refused = progress.rows.filter((row) => row.status === 'failed');
    const editable = CLERK_EDITABLE.includes(application.status);
    sendPage(
      req,
      res,
      {
        title: `修改表单 · ${application.title ?? '未命名办件'}`,
        crumbs: [
          { label: '窗口办件', href: '/desk' },
          { label: application.reference, href: `/desk/applications/${application.id}` },
        ],
        body: html`${notice ? alertBox(notice.kind, notice.text) : ''}
${refused.length ? alertBox('warning', html`<ul>${refused.flatMap((row) => failureLines(row.itemId, row.failure).map((line) => html`<li>${line}</li>`))}</ul>`, '部门系统退回的内容') : ''}
${general.length ? alertBox('error', html`<ul>${general.map((line) => html`<li>${line}</li>`)}</ul>`) : ''}
${editable ? '' : alertBox('info', '当前状态下不能修改表单。')}
<form method="post" action="/desk/applications/${application.id}/form" class="merged-form" novalidate>
  ${csrfField(req.yj.session?.csrfToken ?? '')}<input type="hidden" name="version" value="${String(application.version)}">
  ${renderSections({ workspace, errors: bySlot, readOnly: !editable })}
  ${editable ? html`<div class="actions actions--sticky"><span class="muted">修改会记录在审计日志中</span><button class="button button--primary button--large" type="submit">保存修改</button></div>` : ''}
</form>`,
      },
      status,
    );
  }

  return [
    deskPage('get', '/desk/applications/:id/form', '窗口修改合并表单', (req, res) =>
      show(req, res, String(req.params.id)),
    ),
    deskPage('post', '/desk/applications/:id/form', '保存窗口的修改', async (req, res) => {
      const id = String(req.params.id);
      const { application, workspace } = await actions.withWorkspace(req, id);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const typed = typedFromForm(workspace, application.typed as FormValues, body);
      const { conflict } = await actions.savePosted(req, id, typed, body.version);
      if (conflict !== undefined) return show(req, res, id, { kind: 'error', text: conflict }, 409);
      res.redirect(303, `/desk/applications/${id}?saved=1`);
    }),
  ];
}
