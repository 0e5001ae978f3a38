import { maskPhone } from '../../../lib/redact.ts';
import { ApplicationActions } from '../../applications/actions.ts';
import { itemDeadline, itemTimeLimitDays, timeLimitText } from '../../applications/deadlines.ts';
import { scopeOf } from '../../applications/scope.ts';
import { formatTime } from '../../html/components.ts';
import { html } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { signedIn } from '../../http/context.ts';
import { conflict } from '../../http/errors.ts';
import { deskPage, type RouteSpec } from '../../http/routes.ts';
import { MOBILE } from '../../http/validate.ts';
import type { Services } from '../../services.ts';

/**
 * 受理单: what the counter hands the applicant once an application is submitted — its 办件编号, the items with
 * their departments and 办理时限, the materials received, the centre and the clerk — as a page the browser
 * prints on one A4 sheet (the print stylesheet drops the site's header and buttons).
 */
export function acceptanceSlipRoutes(services: Services): RouteSpec[] {
  const actions = new ApplicationActions(services);
  return [
    deskPage('get', '/desk/applications/:id/slip', '打印受理单', async (req, res) => {
      const application = await actions.get(req, String(req.params.id));
      if (!application.submittedAt) throw conflict('办件尚未提交，不能打印受理单');
      const user = signedIn(req);
      const [applicant, centre, documents] = await Promise.all([
        services.users.findById(application.applicantId),
        services.users.findCentre(application.centreId),
        services.documents.list(scopeOf(user), application.id),
      ]);
      const bundle = services.catalog.bundle(application.bundleId);
      const items = services.catalog.selectedItems(application.bundleId, application.options);
      const materials = actions
        .materialsOf(application)
        .map((slot) => ({
          label: slot.label,
          count: documents.filter((d) => d.material === slot.id).length,
        }))
        .filter((material) => material.count > 0);
      sendPage(req, res, {
        title: '受理单',
        crumbs: [
          { label: '窗口办件', href: '/desk' },
          { label: application.reference, href: `/desk/applications/${application.id}` },
        ],
        scripts: ['print.js'],
        body: html`<p class="actions no-print"><button class="button button--primary" type="button" data-print>打印受理单</button></p>
<article class="card slip">
  <header class="slip__head"><h2 class="slip__title">${centre?.name ?? '政务服务中心'}<br>“一件事”受理单</h2><p class="slip__no">办件编号 <strong>${application.reference}</strong></p></header>
  <dl class="slip__facts">
    <dt>一件事</dt><dd>${bundle?.name ?? application.bundleId}</dd>
    <dt>申请事项名称</dt><dd>${application.title ?? '—'}</dd>
    <dt>申请人</dt><dd>${applicant?.displayName ?? '—'} ${applicant && MOBILE.test(applicant.login) ? maskPhone(applicant.login) : ''}</dd>
    <dt>受理时间</dt><dd>${formatTime(application.submittedAt)}</dd>
    <dt>受理窗口</dt><dd>${centre?.name ?? '—'} · 经办人 ${user.displayName}</dd>
  </dl>
  <h3 class="slip__section">办理事项与时限</h3>
  <table class="table slip__table"><thead><tr><th>事项</th><th>办理部门</th><th>办理时限</th><th>预计办结</th></tr></thead>
  <tbody>${items.map((item) => {
    const days = itemTimeLimitDays(item.id);
    const due = itemDeadline(item.id, application.submittedAt);
    return html`<tr><td>${item.name}</td><td>${item.department}</td><td>${days === undefined ? '—' : timeLimitText(days)}</td><td>${due ? formatTime(due) : '—'}</td></tr>`;
  })}</tbody></table>
  <h3 class="slip__section">已收材料</h3>
  <ul class="slip__materials">${materials.map((material) => html`<li>${material.label}（${String(material.count)} 份）</li>`)}</ul>
  <p class="slip__note">办理时限按工作日计算，法定节假日顺延。可凭办件编号在“一件事 · 一键办”或服务中心窗口查询办理进度；各事项办结后将通知您领取结果。</p>
  <p class="slip__sign"><span>申请人签字：</span><span>窗口经办人签字：</span></p>
</article>`,
      });
    }),
  ];
}
