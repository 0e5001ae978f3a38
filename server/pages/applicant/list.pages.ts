import { maskPhone } from '../../../lib/redact.ts';
import { scopeOf } from '../../applications/scope.ts';
import { alertBox, emptyState, formatTime, statusBadge } from '../../html/components.ts';
import { html } from '../../html/html.ts';
import { sendPage } from '../../html/layout.ts';
import { signedIn } from '../../http/context.ts';
import type { RouteSpec } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

/** 我的办件: every application of the signed-in applicant, newest first. */
export function myListRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/my',
      access: ['applicant'],
      kind: 'page',
      summary: '我的办件',
      handler: async (req, res) => {
        const user = signedIn(req);
        const applications = await services.applications.list(scopeOf(user));
        const newButton = html`<a class="button button--primary" href="/my/new">新办一件事</a>`;
        sendPage(req, res, {
          title: '我的办件',
          active: '/my',
          lead: html`您好，${user.displayName}（登录手机 ${maskPhone(user.login)}）。这里是您提交过的所有办件。`,
          body: html`${req.query.welcome ? alertBox('success', '注册成功！现在就可以开始办理。') : ''}
${
  applications.length === 0
    ? html`<section class="card">${emptyState('还没有办件', '选择要办理的"一件事"，上传证照后系统会帮您填好大部分内容。', newButton)}</section>`
    : html`<div class="list-head"><span class="muted">共 ${applications.length} 件</span>${newButton}</div>
<ul class="app-list">${applications.map((application) => {
        const bundle = services.catalog.bundle(application.bundleId);
        return html`<li class="card app-item"><a class="app-item__link" href="/my/applications/${application.id}">
  <span class="app-item__main"><span class="app-item__bundle">${bundle?.name ?? application.bundleId}</span>
  <span class="app-item__title">${application.title ?? '未命名办件'}</span>
  <span class="app-item__meta">办件编号 ${application.reference} · 更新于 ${formatTime(application.updatedAt)}</span></span>
  ${statusBadge(application.status)}
</a></li>`;
      })}</ul>`
}`,
        });
      },
    },
  ];
}
