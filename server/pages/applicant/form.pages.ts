import type { Request, Response } from 'express';
import type { FormValues } from '../../../forms/index.ts';
import { ApplicationActions, EDITABLE } from '../../applications/actions.ts';
import { alertBox, csrfField } from '../../html/components.ts';
import { html } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { HttpError } from '../../http/errors.ts';
import { applicantPage, type RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { addRow, removeRow, typedFromForm } from '../../workspace/form-input.ts';
import { renderSections, sourceCounts } from '../../workspace/form-view.ts';
import { addPerson, removePerson } from '../../workspace/persons.ts';
import { validateWorkspace } from '../../workspace/workspace.ts';
import { errorsBySlot, issueLinks } from './form-errors.ts';
import { applicationHeader, stepsBar } from './views.ts';

/**
 * 确认表单: the merged form, prefilled from documents, derivations and defaults, every value editable.
 * Saving always keeps the draft; problems are shown beside their fields (after a save or a refused submit).
 */
export function formRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);

  async function show(
    req: Request,
    res: Response,
    id: string,
    notice?: { kind: 'success' | 'error' | 'info'; text: string },
  ) {
    const { application, documents, workspace } = await actions.withWorkspace(req, id);
    const editable = EDITABLE.includes(application.status);
    const check = req.query.check !== undefined;
    // The counter on top and the summary after a save count the same issues, so they always agree.
    const open = editable ? validateWorkspace(workspace, application.typed) : [];
    const issues = check ? open : [];
    const { bySlot } = errorsBySlot(issues);
    const unconfirmed = Object.values(workspace.sources).filter((source) => source.needsConfirmation).length;
    const counts = sourceCounts(workspace);
    const base = `/my/applications/${application.id}`;
    const reading = documents.some((doc) => doc.ocrStatus === 'pending' || doc.ocrStatus === 'running');
    sendPage(req, res, {
      title: '确认表单',
      scripts: ['form.js'],
      styles: ['applicant.css'],
      crumbs: [{ label: '我的办件', href: '/my' }],
      body: html`${applicationHeader(application, services.catalog.bundle(application.bundleId))}${stepsBar('form', application)}
${notice ? alertBox(notice.kind, notice.text) : ''}
${reading ? alertBox('info', '正在识别您上传的证件，识别完成后本页会自动填入，请稍候…') : ''}
${check && issues.length ? alertBox('error', html`还有 <strong>${issues.length}</strong> 处需要填写或修改，点击可跳到该处：<ol class="issue-links" data-issue-links>${issueLinks(issues).map((issue) => html`<li><a href="${issue.href}">${issue.message}</a></li>`)}</ol>`) : ''}
${check && !issues.length ? alertBox('success', '表单已填写完整，可以提交审核。') : ''}
<div class="summary" data-live-self="${application.id}">
  <span class="summary__item summary__item--missing" data-open-count><strong>${open.length}</strong> 待处理</span>
  ${unconfirmed ? html`<span class="summary__item summary__item--confirm"><strong>${unconfirmed}</strong> 请核对</span>` : ''}
  <span class="summary__item summary__item--typed"><strong>${counts.typed}</strong> 您已填写</span>
  <span class="summary__item summary__item--ocr"><strong>${counts.ocr}</strong> 证照识别</span>
  <span class="summary__item summary__item--derived"><strong>${counts.derived}</strong> 自动推导</span>
  <span class="summary__item summary__item--default"><strong>${counts.default}</strong> 默认</span>
</div>
<form method="post" action="${base}/form" class="merged-form" novalidate>
  ${csrfField(req.yj.session?.csrfToken ?? '')}<input type="hidden" name="version" value="${String(application.version)}">
  ${renderSections({ workspace, errors: bySlot, readOnly: !editable, foldDone: editable, agreementsBase: `${base}/agreements` })}
  ${
    editable
      ? html`<div class="actions actions--sticky"><span class="muted">随时可以保存，下次接着填</span>
  <button class="button" type="submit" name="op" value="save">保存草稿</button>
  <button class="button button--primary button--large" type="submit" name="op" value="submit">保存并提交审核</button></div>`
      : ''
  }
</form>`,
    });
  }

  return [
    applicantPage('get', '/my/applications/:id/form', '确认合并表单', (req, res) =>
      show(
        req,
        res,
        String(req.params.id),
        req.query.saved ? { kind: 'success', text: '草稿已保存。' } : undefined,
      ),
    ),
    applicantPage('post', '/my/applications/:id/form', '保存表单或提交审核', async (req, res) => {
      const id = String(req.params.id);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const { application, workspace } = await actions.withWorkspace(req, id);
      let typed = typedFromForm(workspace, application.typed as FormValues, body);
      const op = typeof body.op === 'string' ? body.op : 'save';
      const [verb, group, which] = op.split(':');
      if (verb === 'add' && group === 'persons') typed = addPerson(typed).typed;
      else if (verb === 'add' && group) typed = addRow(typed, group);
      else if (verb === 'remove' && group === 'persons' && which) typed = removePerson(typed, which);
      else if (verb === 'remove' && group && which) typed = removeRow(typed, group, Number(which));
      const { conflict } = await actions.savePosted(req, id, typed, body.version);
      if (conflict !== undefined) return show(req, res, id, { kind: 'error', text: conflict });
      if (verb === 'submit') {
        try {
          await actions.submit(req, id);
          return res.redirect(303, `/my/applications/${id}`);
        } catch (error) {
          if (error instanceof HttpError && error.status === 422)
            return res.redirect(303, `/my/applications/${id}/form?check=1`);
          throw error;
        }
      }
      const anchor = verb === 'add' || verb === 'remove' ? `#slot-${group}` : '';
      res.redirect(303, `/my/applications/${id}/form?saved=1${verb === 'save' ? '&check=1' : ''}${anchor}`);
    }),
  ];
}
