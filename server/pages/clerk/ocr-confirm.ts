import type { FormValues } from '../../../forms/index.ts';
import { ApplicationActions } from '../../applications/actions.ts';
import { csrfField } from '../../html/components.ts';
import { html, type SafeHtml } from '../../html/html.ts';
import { deskPage, type RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { control } from '../../workspace/form-controls.ts';
import { typedFromForm } from '../../workspace/form-input.ts';
import { type OcrCheck, ocrChecks } from '../../workspace/ocr-checks.ts';
import type { Workspace } from '../../workspace/workspace.ts';

/**
 * 核对识别结果: at the top of the review, every value OCR was unsure of, beside the part of the photo it was
 * read from, editable in place. Confirming marks a value kept as read confirmed on its reading (the flag the
 * applicant's 确认无误 sets too) and stores a corrected one as typed, so the one key never files an unsure
 * reading nobody looked at.
 */
export function ocrConfirmCard(
  applicationId: string,
  csrf: string,
  version: number,
  workspace: Workspace,
  checks: readonly OcrCheck[],
): SafeHtml {
  return html`<section class="card ocr-checks" id="ocr-checks"><div class="card__head"><h2 class="card__title">核对识别结果</h2><span class="tag tag--required">${String(checks.length)} 项请核对</span></div>
  <p class="muted">以下内容由证件照片识别，但识别不够确定。请对照照片逐项核对，必要时直接更正，然后确认；确认前不能一键提交。</p>
  <form method="post" action="/desk/applications/${applicationId}/confirm-ocr" class="form">${csrfField(csrf)}<input type="hidden" name="version" value="${String(version)}">
  <ul class="ocr-checks__list">${checks.map((check, index) => {
    const field = workspace.form.fields.find((candidate) => candidate.key === check.element);
    const id = `ocr-check-${index}`;
    return html`<li class="ocr-check"><img class="ocr-check__crop" src="/applications/${applicationId}/documents/${check.documentId}/crops/${check.ocrField}" alt="${check.label}在证件照片上的位置">
    <div class="ocr-check__value"><label class="field__label" for="${id}">${check.label} <span class="src src--confirm">请核对</span></label>
    ${field ? control({ field, slot: check.slot, id, value: check.value, invalid: false }) : html`<p>${check.shown}</p>`}
    <input type="hidden" name="confirm" value="${check.slot}">
    ${check.notes.length ? html`<p class="field__hint">${check.notes.join('；')}</p>` : ''}</div></li>`;
  })}</ul>
  <button class="button button--primary" type="submit">已核对，确认以上内容</button></form></section>`;
}

export function ocrConfirmRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);
  return [
    deskPage('post', '/desk/applications/:id/confirm-ocr', '确认识别结果', async (req, res) => {
      const id = String(req.params.id);
      const { application, documents, workspace } = await actions.withWorkspace(req, id);
      const checks = ocrChecks(workspace, documents);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const posted = new Set((Array.isArray(body.confirm) ? body.confirm : [body.confirm]).map(String));
      // Only the values under review change here, whatever else the request carries.
      const reviewed = checks.filter((check) => posted.has(check.slot));
      const corrected = reviewed.filter(
        (check) => `v.${check.slot}` in body && String(body[`v.${check.slot}`]).trim() !== check.value,
      );
      const values = Object.fromEntries(
        corrected.map((check) => [`v.${check.slot}`, body[`v.${check.slot}`]] as const),
      );
      const typed = typedFromForm(workspace, application.typed as FormValues, values);
      const { conflict } = await actions.savePosted(req, id, typed, body.version);
      if (conflict !== undefined) {
        res.redirect(303, `/desk/applications/${id}?stale=1`);
        return;
      }
      // A value kept as read is confirmed on its reading, as the applicant's 确认无误 does; a corrected one is
      // now the clerk's typed value.
      const kept = reviewed.filter((check) => !corrected.includes(check));
      await actions.markReadingsConfirmed(
        documents,
        kept.map((check) => ({ documentId: check.documentId, field: check.ocrField })),
      );
      await actions.refresh(id);
      await services.audit(
        req,
        'application.confirm-ocr',
        { type: 'application', id },
        { fields: reviewed.length },
      );
      res.redirect(303, `/desk/applications/${id}?confirmed=${reviewed.length}`);
    }),
  ];
}
