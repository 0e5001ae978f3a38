import { html, jsonForScript, type SafeHtml } from '../kit/html/escape.ts';
import type { LibraryPage } from '../kit/library-pages.ts';
import { ILLUMINATED, PLEDGES, SIGN_MATERIALS } from './lists.ts';

/** Where the portal serves the libraries as npm ships them: Vue, Ant Design Vue (with locales), dayjs. */
export const LIB_BASE = '/lib';

/**
 * What the page's script needs from the server: the lists, so the two never disagree, by the label a person
 * reads (the sandbox's drift faults change them there: sandbox/kit/drift.ts).
 */
const SETTINGS = jsonForScript({ 材质: SIGN_MATERIALS, 承诺事项: PLEDGES, 是否发光: ILLUMINATED });

/**
 * A whole page of 户外招牌设置审批系统: the bureau's header and menu, then `body`. Pages with a form mount the
 * portal's Vue app on `#app` (Ant Design Vue's components, zh_CN locale).
 */
export function antdDocument(options: LibraryPage): string {
  const entry = (href: string, label: string) =>
    html`<a class="os-nav__item${href === options.active ? ' is-active' : ''}" href="${href}">${label}</a>`;
  const scripts = options.form
    ? html`<script id="os-settings" type="application/json" data-drift-lists>${SETTINGS}</script>
<script src="${LIB_BASE}/vue/vue.global.prod.js"></script>
<script src="${LIB_BASE}/dayjs/dayjs.min.js"></script>
<script src="${LIB_BASE}/dayjs/locale/zh-cn.js"></script>
<script src="${LIB_BASE}/dayjs/plugin/customParseFormat.js"></script>
<script src="${LIB_BASE}/dayjs/plugin/weekday.js"></script>
<script src="${LIB_BASE}/dayjs/plugin/localeData.js"></script>
<script src="${LIB_BASE}/dayjs/plugin/weekOfYear.js"></script>
<script src="${LIB_BASE}/dayjs/plugin/weekYear.js"></script>
<script src="${LIB_BASE}/dayjs/plugin/advancedFormat.js"></script>
<script src="${LIB_BASE}/dayjs/plugin/quarterOfYear.js"></script>
<script src="${LIB_BASE}/antd/antd-with-locales.min.js"></script>
<script src="/static/outdoor-sign.js"></script>`
    : html``;
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - 户外招牌设置审批系统</title>
<link rel="stylesheet" href="${LIB_BASE}/antd/reset.css"><link rel="stylesheet" href="/static/outdoor-sign.css">
</head><body class="os-body">
<header class="os-header"><div class="os-brand"><span class="os-emblem">城</span><span><b>漳州市城市管理局</b><small>户外招牌设置审批系统</small></span></div>
<nav class="os-nav">${entry('/', '首页')}${entry('/apply', '户外招牌设置申请')}${entry('/query', '办件查询')}</nav>
<div class="os-user">${options.user ? html`<span>您好，${options.user}</span><a href="/logout">退出</a>` : html`<a href="/login">登录</a>`}</div></header>
<main class="os-main">${options.body}</main>
<footer class="os-footer">主办单位：漳州市城市管理局　本系统为模拟环境（沙箱），仅供测试使用</footer>
${scripts}
</body></html>`.value;
}

/** The form's mount point; the Vue app draws it (assets/outdoor-sign.js). */
export const APPLY_BODY: SafeHtml = html`<h1 class="os-title">户外招牌设置申请</h1><div id="app"><p class="os-loading">页面加载中…</p></div>`;

/** The front page: what the system offers and the rules. */
export const HOME_BODY: SafeHtml = html`<div class="os-home">
<section class="os-card"><h2>网上办理</h2><div class="os-tiles">
<a class="os-tile" href="/apply"><b>户外招牌设置申请</b><span>新设（告知承诺）</span></a>
<a class="os-tile" href="/query"><b>办件查询</b><span>办理进度与受理编号</span></a></div></section>
<section class="os-card"><h2>办理须知</h2><ol>
<li>单位名称、统一社会信用代码须与营业执照一致。</li><li>设置地点须填写到门牌号或室号。</li>
<li>招牌面积（长×宽）不超过 30 平方米，宽度不超过 3 米。</li><li>须上传招牌效果图并签署承诺书。</li></ol></section></div>`;
