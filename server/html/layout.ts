import type { Request, Response } from 'express';
import type { Role } from '../../store/users.repo.ts';
import type { CurrentUser } from '../http/context.ts';
import { csrfField } from './components.ts';
import { cls, type HtmlValue, html, type SafeHtml } from './html.ts';

/**
 * The page shell: header with the product name and the person's role, the role's navigation, the main
 * column, a footer. Scripts and styles come only from /static (the CSP allows nothing inline).
 */
export interface Page {
  title: string;
  body: SafeHtml;
  /** narrow: a single card (sign-in); normal: forms; wide: tables. */
  width?: 'narrow' | 'normal' | 'wide';
  /** The navigation entry to highlight (its href). */
  active?: string;
  /** Extra scripts under /static. */
  scripts?: readonly string[];
  /** Extra stylesheets under /static (after app.css). */
  styles?: readonly string[];
  /** A line under the title. */
  lead?: HtmlValue;
  /** Links back up, e.g. [{ label: '我的办件', href: '/my' }]. */
  crumbs?: readonly { label: string; href: string }[];
  /** Hide the page heading (the body has its own). */
  bare?: boolean;
}

export const ROLE_LABELS: Record<Role, string> = { applicant: '申请人', clerk: '窗口人员', admin: '管理员' };

export const HOME_OF: Record<Role, string> = { applicant: '/my', clerk: '/desk', admin: '/admin' };

const NAVIGATION: Record<Role, readonly { href: string; label: string }[]> = {
  applicant: [
    { href: '/my', label: '我的办件' },
    { href: '/my/new', label: '新办一件事' },
  ],
  clerk: [
    { href: '/desk', label: '窗口办件' },
    { href: '/desk/ratings', label: '好差评' },
  ],
  admin: [
    { href: '/admin', label: '概览' },
    { href: '/admin/runs', label: '机器人运行' },
    { href: '/admin/portals', label: '部门系统' },
    { href: '/admin/workers', label: '工作进程' },
    { href: '/admin/queues', label: '队列面板' },
    { href: '/admin/ratings', label: '好差评' },
    { href: '/admin/audit', label: '审计日志' },
    { href: '/admin/users', label: '账号' },
  ],
};

/** Pages can add navigation entries for a role as later parts arrive (clerk desk, bot runs). */
export function addNavigation(role: Role, entry: { href: string; label: string }): void {
  (NAVIGATION[role] as { href: string; label: string }[]).push(entry);
}

function nav(user: CurrentUser | null, active?: string): SafeHtml {
  const entries = user
    ? NAVIGATION[user.role]
    : [
        { href: '/login', label: '登录' },
        { href: '/register', label: '注册' },
      ];
  return html`<nav class="nav" aria-label="主导航"><div class="nav__inner">
  ${entries.map(
    (entry) =>
      html`<a class="${cls('nav__link', entry.href === active && 'nav__link--active')}" href="${entry.href}"${entry.href === active ? html` aria-current="page"` : ''}>${entry.label}</a>`,
  )}
</div></nav>`;
}

function account(user: CurrentUser | null, csrfToken: string | undefined): SafeHtml {
  if (!user) return html``;
  return html`<div class="account">
  <span class="account__name">${user.displayName}</span><span class="account__role">${ROLE_LABELS[user.role]}</span>
  <a class="account__link" href="/account/password">修改密码</a>
  <form method="post" action="/logout" class="account__logout">${csrfToken ? csrfField(csrfToken) : ''}<button type="submit" class="link-button">退出</button></form>
</div>`;
}

export function renderDocument(req: Request, page: Page): string {
  const user = req.yj?.user ?? null;
  const csrfToken = req.yj?.session?.csrfToken;
  const width = page.width ?? 'normal';
  return `<!doctype html>\n${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${csrfToken ? html`<meta name="csrf-token" content="${csrfToken}">` : ''}
${user ? html`<meta name="live-since" content="${String(req.yj.liveSince)}">` : ''}
<title>${page.title} · 一件事 一键办</title>
<link rel="stylesheet" href="/static/app.css">
${(page.styles ?? []).map((href) => html`<link rel="stylesheet" href="/static/${href}">`)}
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<script src="/static/app.js" defer></script>
${(page.scripts ?? []).map((src) => html`<script src="/static/${src}" defer></script>`)}
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="header">
  <div class="header__inner">
    <a class="brand" href="${user ? HOME_OF[user.role] : '/'}">
      <span class="brand__mark" aria-hidden="true">办</span>
      <span class="brand__text"><span class="brand__name">一件事 · 一键办</span><span class="brand__sub">政务服务 一表申请</span></span>
    </a>
    ${account(user, csrfToken)}
  </div>
  ${nav(user, page.active)}
</header>
<main id="main" class="${cls('main', `main--${width}`)}">
  ${page.crumbs?.length ? html`<nav class="crumbs" aria-label="位置">${page.crumbs.map((crumb) => html`<a href="${crumb.href}">${crumb.label}</a><span aria-hidden="true">›</span>`)}<span>${page.title}</span></nav>` : ''}
  ${page.bare ? '' : html`<h1 class="page-title">${page.title}</h1>`}
  ${page.lead ? html`<p class="page-lead">${page.lead}</p>` : ''}
  ${page.body}
</main>
<footer class="footer"><div class="footer__inner">
  <span>一件事 · 一键办 — 一张表申请，一键提交各部门</span>
  <span>如需帮助，请到服务中心窗口咨询，或拨打 12345 政务服务便民热线</span>
</div></footer>
</body>
</html>`}`;
}

export function sendPage(req: Request, res: Response, page: Page, status = 200): void {
  res.status(status).type('html').send(renderDocument(req, page));
}
