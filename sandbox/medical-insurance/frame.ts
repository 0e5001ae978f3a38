import { html, jsonForScript, type SafeHtml } from '../kit/html/escape.ts';
import { checkboxGroup, dateInput, divSelect, formItem, textInput } from '../kit/html/widgets.ts';
import {
  AFFILIATION_OPTIONS,
  ECONOMIC_TYPE_OPTIONS,
  INDUSTRY_OPTIONS,
  INSURANCE_TYPES,
  UNIT_TYPES,
} from './lists.ts';

const item = (
  label: string,
  name: string,
  control: SafeHtml,
  options: { wide?: boolean; hint?: string } = {},
) => formItem({ label, required: true, forName: name, control, ...options });
const text = (name: string, placeholder = '请输入') => textInput({ name, placeholder });

/** A titled card of the application form. */
const card = (title: string, body: SafeHtml) =>
  html`<section class="mi-card"><header class="mi-card__head">${title}</header><div class="k-form mi-form">${body}</div></section>`;

/**
 * The application form as its own document, loaded into the portal page's `<iframe name="mainFrame">` (the
 * bureau's business pages live in a frame under the portal chrome). It posts by XHR: errors come back as
 * JSON and are shown beside the fields; a busy answer shows a message and keeps what was typed.
 */
export function frameDocument(): string {
  const body = html`${card(
    '单位基本信息',
    html`${item('单位名称', 'emp_name', text('emp_name', '与营业执照一致'))}
${item('统一社会信用代码', 'uscc', textInput({ name: 'uscc', maxLength: 18, placeholder: '18位代码' }))}
${item('单位类型', 'emp_type', divSelect({ name: 'emp_type', options: UNIT_TYPES }))}
${item('经济类型', 'econ_type', divSelect({ name: 'econ_type', options: ECONOMIC_TYPE_OPTIONS }))}
${item('隶属关系', 'afil_rlts', divSelect({ name: 'afil_rlts', options: AFFILIATION_OPTIONS }))}
${item('行业', 'indu_type', divSelect({ name: 'indu_type', options: INDUSTRY_OPTIONS, placeholder: '请选择国民经济行业' }))}
${item('单位地址', 'reg_addr', text('reg_addr'), { wide: true })}
${item('邮政编码', 'poscode', textInput({ name: 'poscode', maxLength: 6 }))}
${item('单位电话', 'emp_tel', text('emp_tel'))}`,
  )}
${card(
  '法定代表人及专管员',
  html`${item('法定代表人姓名', 'legrep_name', text('legrep_name'))}
${item('法定代表人证件号码', 'legrep_cert_no', text('legrep_cert_no'))}
${item('法定代表人电话', 'legrep_tel', text('legrep_tel'))}
${item('医保专管员姓名', 'emp_mgr_name', text('emp_mgr_name'))}
${item('医保专管员电话', 'emp_mgr_tel', text('emp_mgr_tel', '11位手机号码'))}`,
)}
${card(
  '缴费银行账户',
  html`${item('开户银行', 'bank_name', text('bank_name', '开户银行全称'))}
${item('银行账号', 'bankacct', text('bankacct'))}`,
)}
${card(
  '参保信息',
  html`${item('险种', 'insutype', checkboxGroup({ name: 'insutype', options: INSURANCE_TYPES }))}
${item('参保日期', 'begndate', dateInput({ name: 'begndate', format: 'yyyy-MM-dd', placeholder: '请选择参保日期' }), { hint: '不得早于单位成立日期' })}`,
)}`;
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>单位参保登记</title>
<link rel="stylesheet" href="/static/kit.css"><link rel="stylesheet" href="/static/mi-frame.css">
<style>:root{--primary:#0e8a7e}</style>
<script src="/static/kit.js" defer></script><script src="/static/mi-frame.js" defer></script>
</head><body class="mi-frame">
<form id="mi-form" method="post" action="/api/apply" novalidate>
${body}
<div class="mi-footer"><div class="mi-toast" role="alert" hidden></div><div class="mi-footer__buttons"><button type="reset" class="k-btn">重 置</button><button type="submit" class="k-btn k-btn--primary">提 交</button></div></div>
</form>
</body></html>`.value;
}

/** What the frame shows when its session is gone: it sends the whole window to the login page. */
export function frameBounce(expired: boolean): string {
  const target = `/login?next=%2Fapply${expired ? '&expired=1' : ''}`;
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>请登录</title></head>
<body><p>登录已超时，请<a href="${target}" target="_top">重新登录</a>。</p>
<script>window.top.location.href = ${jsonForScript(target)};</script></body></html>`.value;
}
