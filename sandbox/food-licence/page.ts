import { html, type SafeHtml } from '../kit/html/escape.ts';
import type { LibraryPage } from '../kit/library-pages.ts';
import { FOOD_FORMATS, FOOD_ITEMS } from './lists.ts';

/** Where the portal serves layui's own distribution (node_modules/layui/dist), unchanged. */
export const LAYUI_BASE = '/layui';

/** A labelled layui form row; the server's message for `name` shows in the row's alert. */
const item = (label: string, control: SafeHtml, options: { required?: boolean; name?: string } = {}) =>
  html`<div class="layui-form-item">
<label class="layui-form-label${options.required === false ? '' : ' fl-required'}">${label}</label>
<div class="layui-input-block">${control}<div class="fl-error" role="alert"${options.name ? html` data-for="${options.name}"` : ''}></div></div>
</div>`;

const input = (name: string, placeholder = '请输入', extra: SafeHtml = html``) =>
  html`<input type="text" name="${name}" class="layui-input" placeholder="${placeholder}" autocomplete="off" lay-verify="required"${extra}>`;

/** A layui.upload slot: the button layui binds to, the file id the form posts, the name once uploaded. */
const uploadSlot = (name: string, hint: string) =>
  html`<div class="fl-upload" data-slot="${name}"><button type="button" class="layui-btn layui-btn-sm layui-btn-normal fl-upload-btn"><i class="layui-icon layui-icon-upload"></i>上传文件</button>
<input type="hidden" name="${name}"><span class="fl-upload-hint">${hint}</span><div class="layui-upload-list"></div></div>`;

const card = (title: string, body: SafeHtml) =>
  html`<div class="layui-card"><div class="layui-card-header">${title}</div><div class="layui-card-body">${body}</div></div>`;

/** One row of 食品安全管理人员 (the template the 添加人员 button copies). */
export const MANAGER_ROW = html`<tr><td class="fl-seq">1</td>
<td><input type="text" name="aqgly_xm" class="layui-input" autocomplete="off"><div class="fl-error" role="alert"></div></td>
<td><input type="text" name="aqgly_sfzh" class="layui-input" autocomplete="off" maxlength="18"><div class="fl-error" role="alert"></div></td>
<td><input type="text" name="aqgly_dh" class="layui-input" autocomplete="off" maxlength="11"><div class="fl-error" role="alert"></div></td>
<td>${uploadSlot('aqgly_zm', '')}<div class="fl-error" role="alert"></div></td>
<td><button type="button" class="layui-btn layui-btn-danger layui-btn-xs fl-row-del">删除</button></td></tr>`;

/** The header of the layui pages: the bureau's name, its menu and the user with 退出. */
export function header(user: string | undefined, active: string): SafeHtml {
  const entry = (href: string, label: string) =>
    html`<li class="layui-nav-item${href === active ? ' layui-this' : ''}"><a href="${href}">${label}</a></li>`;
  return html`<div class="fl-header"><div class="fl-brand"><span class="fl-emblem">★</span><span><b>漳州市市场监督管理局</b><small>食品经营许可网上申报系统</small></span></div>
<ul class="layui-nav fl-nav" lay-bar="disabled">${entry('/', '首页')}${entry('/apply', '食品经营许可申请')}${entry('/query', '办件查询')}</ul>
<div class="fl-user">${user ? html`<span>您好，${user}</span><a href="/logout">退出</a>` : html`<a href="/login">登录</a>`}</div></div>`;
}

/** A whole layui document: layui.css and layui.js as the library ships them (on every page), then the portal's own. */
export function layuiDocument(options: LibraryPage): string {
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - 食品经营许可网上申报系统</title>
<link rel="stylesheet" href="${LAYUI_BASE}/css/layui.css"><link rel="stylesheet" href="/static/food-licence.css">
</head><body class="fl-body">
${header(options.user, options.active)}
<div class="fl-main">${options.body}</div>
<div class="fl-footer">主办单位：漳州市市场监督管理局　本系统为模拟环境（沙箱），仅供测试使用</div>
<script src="${LAYUI_BASE}/layui.js"></script><script src="/static/food-licence.js"></script>
</body></html>`.value;
}

const options = (values: readonly string[], type: 'radio' | 'checkbox', name: string) =>
  values.map(
    (value) =>
      html`<input type="${type}" name="${name}" value="${value}" title="${value}"${type === 'checkbox' ? html` lay-skin="primary"` : ''}>`,
  );

/**
 * 食品经营许可申请: a layui form (selects with search, a list appended to <body>, checkboxes, radios, laydate,
 * layui.upload, a table of people with 添加/删除, a layer notice to sign). It posts by XHR: messages come
 * back beside the fields; success moves the window to the receipt.
 */
export const APPLY_BODY: SafeHtml = html`<h1 class="fl-title">食品经营许可申请（新办）</h1>
<form class="layui-form fl-form" lay-filter="apply" id="apply-form" onsubmit="return false">
<div class="fl-page-error" role="alert"></div>
${card(
  '经营者基本信息',
  html`${item('经营者名称', input('jyzmc', '与营业执照一致'), { name: 'jyzmc' })}
${item('统一社会信用代码', input('tyshxydm', '18位统一社会信用代码', html` maxlength="18"`), { name: 'tyshxydm' })}
${item('法定代表人（负责人）', input('fddbr'), { name: 'fddbr' })}
${item('住所', input('zs', '与营业执照一致'), { name: 'zs' })}
${item(
  '经营场所',
  html`<div class="fl-region">
<div class="layui-input-inline"><select name="jycs_sheng" lay-filter="sheng" lay-search><option value="">请选择省</option></select></div>
<div class="layui-input-inline"><select name="jycs_shi" lay-filter="shi" lay-append-to="body"><option value="">请选择市</option></select></div>
<div class="layui-input-inline"><select name="jycs_qu" lay-filter="qu" lay-append-to="body"><option value="">请选择区县</option></select></div></div>`,
  { name: 'jycs_qu' },
)}
${item('经营场所详细地址', input('jycs_xxdz', '街道、门牌号，须到室号'), { name: 'jycs_xxdz' })}`,
)}
${card(
  '经营信息',
  html`${item('主体业态', html`${options(FOOD_FORMATS, 'radio', 'ztyt')}`, { name: 'ztyt' })}
${item('经营项目', html`${options(FOOD_ITEMS, 'checkbox', 'jyxm')}`, { name: 'jyxm' })}
${item('经营面积（㎡）', input('jymj', '单位：平方米'), { name: 'jymj' })}
${item('就餐座位数', input('jczws', '无就餐区域填0'), { name: 'jczws' })}
${item('从业人员人数', input('cyrs'), { name: 'cyrs' })}
${item('申请日期', html`<input type="text" name="sqrq" id="sqrq" class="layui-input" readonly placeholder="请选择申请日期">`, { name: 'sqrq' })}`,
)}
${card(
  '食品安全管理人员',
  html`<table class="layui-table fl-managers" lay-size="sm"><colgroup><col width="56"><col width="120"><col width="200"><col width="140"><col><col width="70"></colgroup>
<thead><tr><th>序号</th><th>姓名</th><th>身份证号码</th><th>联系电话</th><th>培训合格证明</th><th>操作</th></tr></thead>
<tbody>${MANAGER_ROW}</tbody></table>
<template id="manager-row">${MANAGER_ROW}</template>
<button type="button" class="layui-btn layui-btn-primary layui-btn-sm" id="manager-add"><i class="layui-icon layui-icon-add-1"></i>添加人员</button>
<div class="fl-error" role="alert" data-for="aqgly"></div>`,
)}
${card(
  '申请材料',
  html`${item('从业人员健康证明', uploadSlot('jkzm', '支持 jpg、png、pdf，不超过5MB'), { name: 'jkzm' })}
${item('经营场所平面布局图', uploadSlot('pmt', '支持 jpg、png、pdf，不超过5MB'), { name: 'pmt' })}
${item('操作流程图', uploadSlot('lct', '支持 jpg、png、pdf，不超过5MB'), { name: 'lct' })}
${item('食品安全管理制度', uploadSlot('zd', '支持 jpg、png、pdf，不超过5MB'), { name: 'zd' })}`,
)}
${card(
  '告知承诺',
  html`${item('承诺书', html`<input type="checkbox" name="cn" value="1" lay-skin="primary" lay-filter="cn" title="我已阅读并签署《食品经营许可告知承诺书》">`, { name: 'cn' })}`,
)}
<div class="fl-actions"><button type="button" class="layui-btn layui-btn-normal" id="submit-btn">提交申请</button><a class="layui-btn layui-btn-primary" href="/">返回首页</a></div>
</form>
<div id="commitment-text" hidden><div class="fl-commitment"><h3>食品经营许可告知承诺书</h3>
<p>本申请人郑重承诺：</p>
<ol><li>所提交的申请材料真实、合法、有效，复印件与原件一致，并对申请材料实质内容的真实性负责。</li>
<li>经营场所符合食品安全要求，具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，保持该场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离。</li>
<li>具有与经营的食品品种、数量相适应的经营设备或者设施，有相应的消毒、更衣、盥洗、采光、照明、通风、防腐、防尘、防蝇、防鼠、防虫、洗涤以及处理废水、存放垃圾和废弃物的设备或者设施。</li>
<li>有专职或者兼职的食品安全管理人员和保证食品安全的规章制度，食品安全管理人员经培训考核合格。</li>
<li>具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染，避免食品接触有毒物、不洁物。</li>
<li>从业人员取得健康证明后方可上岗，每年进行健康检查。</li>
<li>如有虚假承诺，愿意承担相应的法律责任，接受撤销许可等处理，并记入食品安全信用档案。</li></ol>
<p class="fl-commitment__end">（请阅读至末尾后签署）</p></div></div>`;

/** The front page: what the system offers and the rules of 新办. */
export const HOME_BODY: SafeHtml = html`<div class="layui-row layui-col-space15">
<div class="layui-col-md8"><div class="layui-card"><div class="layui-card-header">网上办理</div><div class="layui-card-body fl-tiles">
<a class="fl-tile" href="/apply"><i class="layui-icon layui-icon-form"></i><b>食品经营许可申请</b><span>新办（告知承诺）</span></a>
<a class="fl-tile" href="/query"><i class="layui-icon layui-icon-search"></i><b>办件查询</b><span>办理进度与许可证编号</span></a>
<span class="fl-tile is-disabled"><i class="layui-icon layui-icon-edit"></i><b>许可变更</b><span>暂未开放</span></span></div></div></div>
<div class="layui-col-md4"><div class="layui-card"><div class="layui-card-header">办理须知</div><div class="layui-card-body"><ol class="fl-guide">
<li>经营者名称、统一社会信用代码须与营业执照一致。</li><li>经营场所须填写到门牌号及室号。</li>
<li>食品安全管理人员须上传培训考核合格证明。</li><li>提交前须签署告知承诺书，许可证有效期5年。</li></ol></div></div></div></div>`;
