import { html, jsonForScript, type SafeHtml } from '../kit/html/escape.ts';
import type { LibraryPage } from '../kit/library-pages.ts';
import { ID_TYPES, PLACE_TYPES } from './validate.ts';

/** Where the portal serves the libraries' own distributions (node_modules/…/dist), unchanged. */
export const VUE_BASE = '/vendor/vue';
export const TDESIGN_BASE = '/vendor/tdesign';

/** The header of the brigade's pages: its name, its menu (no 办件查询: the system has none) and the user. */
function header(user: string | undefined, active: string): SafeHtml {
  const entry = (href: string, label: string) =>
    html`<a class="fs-nav__item${href === active ? ' is-active' : ''}" href="${href}">${label}</a>`;
  return html`<header class="fs-header"><div class="fs-brand"><span class="fs-emblem">消</span><span><b>漳州市消防救援支队</b><small>公众聚集场所投入使用、营业前消防安全检查网上办理</small></span></div>
<nav class="fs-nav">${entry('/', '首页')}${entry('/apply', '告知承诺申报')}${entry('/mine', '我的申请')}</nav>
<div class="fs-user">${user ? html`<span>您好，${user}</span><a href="/logout">退出</a>` : html`<a href="/login">登录</a>`}</div></header>`;
}

/**
 * The form's choices as the server sends them, by the label a person reads, so the page and the server's
 * checks never disagree (the sandbox's drift faults change them there: sandbox/kit/drift.ts).
 */
const LISTS = jsonForScript({ 场所类型: PLACE_TYPES, 证件类型: ID_TYPES });

/**
 * A whole page: Vue 3 and TDesign (tdesign-vue-next) as npm ships them, then the portal's own script, which
 * mounts the form on #app. Pages without a form are plain HTML in TDesign's stylesheet.
 */
export function tdesignDocument(options: LibraryPage): string {
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - 消防安全检查网上办理</title>
<link rel="stylesheet" href="${TDESIGN_BASE}/tdesign.min.css"><link rel="stylesheet" href="/static/fire-safety.css">
</head><body class="fs-body">
${header(options.user, options.active)}
<main class="fs-main">${options.body}</main>
<footer class="fs-footer">主办单位：漳州市消防救援支队　本系统为模拟环境（沙箱），仅供测试使用</footer>
${
  options.form
    ? html`<script id="fs-lists" type="application/json" data-drift-lists>${LISTS}</script>
<script src="${VUE_BASE}/vue.global.prod.js"></script><script src="${TDESIGN_BASE}/tdesign.min.js"></script><script src="/static/fire-safety.js"></script>`
    : html``
}
</body></html>`.value;
}

export const HOME_BODY: SafeHtml = html`<section class="fs-card"><h2>网上办理</h2><div class="fs-tiles">
<a class="fs-tile" href="/apply"><b>营业前消防安全检查（告知承诺）</b><span>公众聚集场所投入使用、营业前</span></a>
<a class="fs-tile" href="/mine"><b>我的申请</b><span>本账号提交过的申报</span></a></div>
<ol class="fs-guide"><li>单位名称、统一社会信用代码须与营业执照一致。</li><li>场所地址须填写到门牌号及室号。</li>
<li>须上传消防设施平面图，并签署告知承诺书。</li><li>本系统不提供办件查询，受理结果以回执为准。</li></ol></section>`;

/** The form's mount point; the fields are TDesign components rendered by /static/fire-safety.js. */
export const APPLY_BODY: SafeHtml = html`<h1 class="fs-title">公众聚集场所投入使用、营业前消防安全检查（告知承诺）</h1>
<div id="app"></div>`;
