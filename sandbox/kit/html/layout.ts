import { type HtmlValue, html, type SafeHtml } from './escape.ts';

/** How one portal dresses its pages: its department, its colours, its menu. */
export interface PortalChrome {
  /** The department, shown large in the banner: 漳州市市场监督管理局. */
  department: string;
  /** The system's name under it: 企业登记网上服务平台. */
  systemName: string;
  /** Main colour (banner, menu, buttons); each department has its own. */
  primary: string;
  /** Menu entries; `href` relative to the portal root. */
  nav: readonly { href: string; label: string }[];
  /** 主办单位 line of the footer. */
  footer: string;
  /** Whether the top bar offers 登录 to visitors (not on pages without a login, like the index). */
  loginLink?: boolean;
  /** Extra script files of this portal (served by the portal itself), after the kit's. */
  scripts?: readonly string[];
  /** Extra stylesheets of this portal (served by the portal itself), after kit.css: its own look. */
  styles?: readonly string[];
  /** The hotline in the banner; 12345 (the government service hotline) when absent. */
  hotline?: string;
}

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** The logged-in user's display name, shown with 退出 in the top bar. */
  user?: string | undefined;
  /** The nav entry to highlight. */
  active?: string;
  /** A banner message above the content (e.g. "会话已超时"). */
  flash?: { kind: 'info' | 'warning' | 'error' | 'success'; text: string } | undefined;
}

/** A whole page in the portal's dress: top bar, banner with emblem, menu, content card, footer. */
export function renderPage(chrome: PortalChrome, options: PageOptions): string {
  const nav: HtmlValue[] = chrome.nav.map(
    (entry) =>
      html`<a class="k-nav__item${entry.href === options.active ? ' is-active' : ''}" href="${entry.href}">${entry.label}</a>`,
  );
  const scripts = ['/static/kit.js', ...(chrome.scripts ?? [])].map(
    (src) => html`<script src="${src}" defer></script>`,
  );
  const styles = (chrome.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`);
  const user = options.user
    ? html`<span class="k-topbar__user">您好，${options.user}</span><a href="/logout" class="k-topbar__link">退出</a>`
    : chrome.loginLink === false
      ? ''
      : html`<a href="/login" class="k-topbar__link">登录</a>`;
  const flash = options.flash
    ? html`<div class="k-alert k-alert--${options.flash.kind}" role="alert">${options.flash.text}</div>`
    : '';
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - ${chrome.systemName}</title>
<link rel="stylesheet" href="/static/kit.css">
${styles}
<style>:root{--primary:${chrome.primary}}</style>
${scripts}
</head>
<body>
<div class="k-topbar"><div class="k-wrap">
  <span>欢迎访问${chrome.department}${chrome.systemName}</span>
  <span class="k-topbar__right">${user}${user ? html`<span class="k-topbar__sep">|</span>` : ''}<span>无障碍浏览</span><span class="k-topbar__sep">|</span><span>长者模式</span></span>
</div></div>
<header class="k-banner"><div class="k-wrap">
  <div class="k-emblem" aria-hidden="true"><span>★</span></div>
  <div class="k-banner__text"><div class="k-banner__dept">${chrome.department}</div><div class="k-banner__sys">${chrome.systemName}</div></div>
  <div class="k-banner__hotline">${chrome.hotline ?? '咨询电话：12345'}</div>
</div></header>
<nav class="k-nav"><div class="k-wrap">${nav}</div></nav>
<main class="k-wrap k-main">
${flash}
<div class="k-card">
<h1 class="k-title">${options.title}</h1>
${options.body}
</div>
</main>
<footer class="k-footer"><div class="k-wrap">
  <div>主办单位：${chrome.footer}　　网站标识码：3506000001　　闽ICP备05012345号</div>
  <div>建议使用 1280×800 以上分辨率浏览　本系统为模拟环境（沙箱），仅供测试使用</div>
</div></footer>
</body>
</html>`.value;
}

/** The page real portals show under load; also what the fault middleware sends. */
export const BUSY_TEXT = '系统繁忙，请稍后再试';

export function renderBusyPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${BUSY_TEXT}</title>
<link rel="stylesheet" href="/static/kit.css"></head><body class="k-busy">
<div class="k-busy__box"><div class="k-busy__icon">!</div><h1>${BUSY_TEXT}</h1>
<p>当前访问人数较多，服务器正忙。请稍候片刻后刷新页面重试。</p><p class="k-muted">错误代码：SYS_BUSY</p>
<p><a href="javascript:location.reload()">刷新页面</a></p></div></body></html>`;
}
