/**
 * Server-side markup of the component-style widgets real portals use (Vue/Element look-alikes). Each
 * renders plain HTML; `assets/widgets/*.js` (served as /static/kit.js) gives it behaviour by event
 * delegation, so rows added later work too. What reaches the server is always an ordinary form field
 * (`name`), usually a hidden input the widget keeps up to date; the visible part is what a person clicks.
 */
import type { CodeEntry } from '../../../forms/codes/index.ts';
import { type Body, type Errors, str } from '../body.ts';
import { describeRule, type UploadRule } from '../uploads.ts';
import { type HtmlValue, html, jsonForScript, type SafeHtml } from './escape.ts';

export interface Option {
  value: string;
  label: string;
}

/** The label of the option whose code is `value` (undefined when the list has no such code). */
export const labelOf = (options: readonly Option[], value: string): string | undefined =>
  options.find((option) => option.value === value)?.label;

/** Whether the list has an option whose code is `value` (a posted choice the portal offered). */
export const hasOption = (options: readonly Option[], value: string): boolean =>
  options.some((option) => option.value === value);

/** Options whose words are also their codes (规格, 职务, 出资方式). */
export const wordOptions = (words: readonly string[]): Option[] =>
  words.map((word) => ({ value: word, label: word }));

/** Entries of a code table as options: the code posted, `label(entry)` shown (the name unless told). */
export const codeOptions = <E extends CodeEntry>(
  entries: readonly E[],
  label: (entry: E) => string = (entry) => entry.name,
): Option[] => entries.map((entry) => ({ value: entry.code, label: label(entry) }));

/** An id usable in `for`/`id` from a field name such as `ryxx[0][xm]`. */
export const idFor = (name: string): string => `f_${name.replace(/[^\w]/g, '_')}`;

/** A labelled row: label, control, hint and the server's error message beside the field. */
export function formItem(options: {
  label: string;
  control: SafeHtml;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  /** Name of the control the label points at (native inputs and readonly widget inputs). */
  forName?: string;
  /** `data-show-when="name=value"`: shown (and posted) only while that field has that value. */
  showWhen?: string;
  wide?: boolean;
}): SafeHtml {
  const classes = ['k-form-item'];
  if (options.required) classes.push('is-required');
  if (options.error) classes.push('is-error');
  if (options.wide) classes.push('k-form-item--wide');
  const forAttr = options.forName ? html` for="${idFor(options.forName)}"` : '';
  const showWhen = options.showWhen ? html` data-show-when="${options.showWhen}"` : '';
  return html`<div class="${classes.join(' ')}"${showWhen}>
<label class="k-form-item__label"${forAttr}>${options.label}</label>
<div class="k-form-item__content">${options.control}${options.hint ? html`<div class="k-form-item__hint">${options.hint}</div>` : ''}<div class="k-form-item__error" role="alert">${options.error ?? ''}</div></div>
</div>`;
}

export function textInput(options: {
  name: string;
  value?: string | undefined;
  placeholder?: string;
  maxLength?: number;
  type?: 'text' | 'tel' | 'email' | 'password' | 'number';
  readonly?: boolean;
  autocomplete?: string;
}): SafeHtml {
  return html`<input class="k-input" type="${options.type ?? 'text'}" id="${idFor(options.name)}" name="${options.name}" value="${options.value ?? ''}" placeholder="${options.placeholder ?? '请输入'}"${options.maxLength ? html` maxlength="${options.maxLength}"` : ''}${options.readonly ? html` readonly` : ''} autocomplete="${options.autocomplete ?? 'off'}">`;
}

export function textArea(options: {
  name: string;
  value?: string | undefined;
  rows?: number;
  maxLength?: number;
  readonly?: boolean;
  placeholder?: string;
}): SafeHtml {
  return html`<textarea class="k-input k-textarea" id="${idFor(options.name)}" name="${options.name}" rows="${options.rows ?? 3}"${options.maxLength ? html` maxlength="${options.maxLength}"` : ''}${options.readonly ? html` readonly` : ''} placeholder="${options.placeholder ?? ''}">${options.value ?? ''}</textarea>`;
}

/** A div-based select: a readonly box showing the label, a menu of options, a hidden input with the value. */
export function divSelect(options: {
  name: string;
  options: readonly Option[];
  value?: string | undefined;
  placeholder?: string;
  filterable?: boolean;
}): SafeHtml {
  const chosen = options.options.find((option) => option.value === options.value);
  const items = options.options.map(
    (option) =>
      html`<li class="k-select__option${option.value === options.value ? ' is-selected' : ''}" data-value="${option.value}">${option.label}</li>`,
  );
  return html`<div class="k-select"${options.filterable ? html` data-filterable="1"` : ''}>
<input type="hidden" name="${options.name}" value="${chosen ? chosen.value : ''}">
<div class="k-select__box"><input class="k-select__input" id="${idFor(options.name)}" readonly placeholder="${options.placeholder ?? '请选择'}" value="${chosen?.label ?? ''}"><i class="k-select__arrow"></i></div>
<ul class="k-select__menu" role="listbox">${items}</ul>
</div>`;
}

export interface TreeNode {
  label: string;
  /** Leaves carry a value; inner nodes only open and close. */
  value?: string;
  children?: readonly TreeNode[];
}

/** A tree select: the dropdown is a tree whose inner nodes expand; only leaves can be chosen. */
export function treeSelect(options: {
  name: string;
  nodes: readonly TreeNode[];
  value?: string | undefined;
  placeholder?: string;
}): SafeHtml {
  const chosenLabel = (nodes: readonly TreeNode[]): string | undefined => {
    for (const node of nodes) {
      if (node.value !== undefined && node.value === options.value) return node.label;
      const inner = node.children ? chosenLabel(node.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const renderNodes = (nodes: readonly TreeNode[]): SafeHtml =>
    html`<ul class="k-tree">${nodes.map((node) =>
      node.children
        ? html`<li class="k-tree__node is-branch"><div class="k-tree__row"><span class="k-tree__toggle">▸</span><span class="k-tree__label">${node.label}</span></div>${renderNodes(node.children)}</li>`
        : html`<li class="k-tree__node is-leaf" data-value="${node.value ?? ''}"><div class="k-tree__row"><span class="k-tree__toggle"></span><span class="k-tree__label">${node.label}</span></div></li>`,
    )}</ul>`;
  return html`<div class="k-select k-treeselect">
<input type="hidden" name="${options.name}" value="${options.value ?? ''}">
<div class="k-select__box"><input class="k-select__input" id="${idFor(options.name)}" readonly placeholder="${options.placeholder ?? '请选择'}" value="${chosenLabel(options.nodes) ?? ''}"><i class="k-select__arrow"></i></div>
<div class="k-select__menu k-treeselect__menu">${renderNodes(options.nodes)}</div>
</div>`;
}

/**
 * A readonly date input that opens a calendar (day, month and year panels). `format` is how the portal
 * writes the value it posts: yyyy-MM-dd, yyyyMMdd, yyyy年MM月dd日; `mode: 'month'` picks a month (yyyyMM…).
 */
export function dateInput(options: {
  name: string;
  value?: string | undefined;
  format?: string;
  mode?: 'date' | 'month';
  placeholder?: string;
}): SafeHtml {
  const mode = options.mode ?? 'date';
  return html`<div class="k-date" data-format="${options.format ?? (mode === 'month' ? 'yyyy-MM' : 'yyyy-MM-dd')}" data-mode="${mode}">
<input class="k-input k-date__input" id="${idFor(options.name)}" name="${options.name}" value="${options.value ?? ''}" readonly placeholder="${options.placeholder ?? (mode === 'month' ? '选择月份' : '选择日期')}"><i class="k-date__icon" aria-hidden="true"></i>
</div>`;
}

/**
 * 省/市/区 cascade over GB/T 2260: each level loads its options over XHR from `api` (/api/regions?parent=)
 * once the level above is chosen. Posts the 6-digit district code under `name`.
 */
export function regionCascade(options: { name: string; value?: string | undefined; api?: string }): SafeHtml {
  const level = (placeholder: string, first: boolean) =>
    html`<div class="k-select k-region__level"><div class="k-select__box"><input class="k-select__input"${first ? html` id="${idFor(options.name)}"` : ''} readonly placeholder="${placeholder}"><i class="k-select__arrow"></i></div><ul class="k-select__menu" role="listbox"></ul></div>`;
  return html`<div class="k-region" data-api="${options.api ?? '/api/regions'}" data-value="${options.value ?? ''}">
<input type="hidden" name="${options.name}" value="${options.value ?? ''}">
${level('请选择省份', true)}${level('请选择城市', false)}${level('请选择区县', false)}
</div>`;
}

export function radioGroup(options: {
  name: string;
  options: readonly Option[];
  value?: string | undefined;
}): SafeHtml {
  return html`<div class="k-radio-group">${options.options.map(
    (option, i) =>
      html`<label class="k-radio"><input type="radio" name="${options.name}" value="${option.value}"${i === 0 ? html` id="${idFor(options.name)}"` : ''}${option.value === options.value ? html` checked` : ''}><span>${option.label}</span></label>`,
  )}</div>`;
}

export function checkboxGroup(options: {
  name: string;
  options: readonly Option[];
  values?: readonly string[] | undefined;
}): SafeHtml {
  const chosen = new Set(options.values ?? []);
  return html`<div class="k-checkbox-group">${options.options.map(
    (option) =>
      html`<label class="k-check"><input type="checkbox" name="${options.name}" value="${option.value}"${chosen.has(option.value) ? html` checked` : ''}><span>${option.label}</span></label>`,
  )}</div>`;
}

/** An upload slot: the file is posted at once to `url` and the form carries the returned id under `name`. */
export function uploadSlot(options: {
  name: string;
  slot: string;
  rule: UploadRule;
  value?: { id: string; fileName: string; size: number } | undefined;
  url?: string;
}): SafeHtml {
  const accept = Object.keys(options.rule.accept)
    .map((type) => (type === 'jpg' ? '.jpg,.jpeg' : `.${type}`))
    .join(',');
  const shown = options.value ? `${options.value.fileName}（${Math.ceil(options.value.size / 1024)}KB）` : '';
  return html`<div class="k-upload${options.value ? ' is-done' : ''}" data-url="${options.url ?? '/api/upload'}" data-slot="${options.slot}">
<input type="hidden" name="${options.name}" value="${options.value?.id ?? ''}">
<input type="file" class="k-upload__file" id="${idFor(options.name)}" accept="${accept}">
<button type="button" class="k-btn k-btn--plain k-upload__btn">点击上传</button><span class="k-upload__name">${shown}</span>
<div class="k-upload__tip">支持 ${describeRule(options.rule)}</div><div class="k-upload__error" role="alert"></div>
</div>`;
}

/**
 * Repeating rows with an 添加 button. `template` is one row's markup with `__i__` where the row index goes
 * (in names and ids) and `__n__` for the number a person sees; indexes are never reused after 删除.
 */
export function repeatingRows(options: {
  rows: readonly SafeHtml[];
  template: SafeHtml;
  addLabel: string;
  min?: number;
}): SafeHtml {
  return html`<div class="k-rows" data-min="${options.min ?? 1}">
<div class="k-rows__list">${options.rows}</div>
<template class="k-rows__template">${options.template}</template>
<button type="button" class="k-btn k-btn--dashed k-rows__add">＋ ${options.addLabel}</button>
</div>`;
}

/** One row's frame: title with its number and a 删除 button. */
/**
 * The names of one repeating row's fields (`<prefix>[<index>][<key>]`) with their values and messages; the
 * template row (`'__i__'`) shows neither.
 */
export function rowFields(prefix: string, index: number | '__i__', values: Body, errors: Errors) {
  const name = (key: string) => `${prefix}[${index}][${key}]`;
  return {
    name,
    value: (key: string) => (index === '__i__' ? '' : str(values, name(key))),
    error: (key: string) => (index === '__i__' ? undefined : errors[name(key)]),
  };
}

export function rowFrame(title: string, index: number | '__i__', body: SafeHtml): SafeHtml {
  const number = index === '__i__' ? '__n__' : String(index + 1);
  return html`<fieldset class="k-row" data-index="${index}"><legend class="k-row__head">${title} <span class="k-row__no">${number}</span><button type="button" class="k-link k-row__remove">删除</button></legend>${body}</fieldset>`;
}

/** A 告知书 that must be scrolled to the end before its checkbox (and buttons tied to it) enable. */
export function noticeBox(options: {
  title: string;
  body: SafeHtml;
  name: string;
  agreeLabel: string;
}): SafeHtml {
  return html`<div class="k-notice">
<div class="k-notice__title">${options.title}</div>
<div class="k-notice__body" tabindex="0">${options.body}</div>
<div class="k-notice__status">请滚动阅读至末尾后方可勾选</div>
<label class="k-check k-notice__agree"><input type="checkbox" name="${options.name}" id="${idFor(options.name)}" value="1" disabled><span>${options.agreeLabel}</span></label>
</div>`;
}

/** A modal dialog, opened by any element with `data-modal-open="<id>"`. */
export function modal(options: {
  id: string;
  title: string;
  body: SafeHtml;
  footer?: SafeHtml;
  wide?: boolean;
}): SafeHtml {
  return html`<div class="k-modal" id="${options.id}" hidden role="dialog" aria-modal="true" aria-label="${options.title}">
<div class="k-modal__dialog${options.wide ? ' k-modal__dialog--wide' : ''}">
<div class="k-modal__header"><span>${options.title}</span><button type="button" class="k-modal__close" aria-label="关闭">×</button></div>
<div class="k-modal__body">${options.body}</div>
${options.footer ? html`<div class="k-modal__footer">${options.footer}</div>` : ''}
</div></div>`;
}

export interface PickerItem {
  code: string;
  name: string;
  /** A second column shown in the list, e.g. the industry. */
  note?: string;
}

/**
 * A modal list picker with search: chosen items form a table with one 主营 radio (when `mainFlag`) and
 * 删除 buttons. Posts `<name>[k][code]` per chosen row and `<mainName>` = the main item's code.
 */
export function modalPicker(options: {
  id: string;
  name: string;
  mainName?: string;
  title: string;
  buttonLabel: string;
  items: readonly PickerItem[];
  chosen: readonly { code: string; main: boolean }[];
}): SafeHtml {
  const byCode = new Map(options.items.map((item) => [item.code, item]));
  const rows: HtmlValue[] = options.chosen.map((row, i) => {
    const item = byCode.get(row.code);
    return html`<tr data-code="${row.code}"><td>${i + 1}</td><td>${item?.name ?? row.code}<input type="hidden" name="${options.name}[${i}][code]" value="${row.code}"></td><td>${item?.note ?? ''}</td>${options.mainName ? html`<td><input type="radio" name="${options.mainName}" value="${row.code}"${row.main ? html` checked` : ''} aria-label="主营"></td>` : ''}<td><button type="button" class="k-link k-picker__remove">删除</button></td></tr>`;
  });
  return html`<div class="k-picker" data-modal="${options.id}" data-name="${options.name}" data-main-name="${options.mainName ?? ''}">
<script type="application/json" class="k-picker__data">${jsonForScript(options.items)}</script>
<button type="button" class="k-btn k-btn--primary-plain" data-modal-open="${options.id}">${options.buttonLabel}</button>
<table class="k-table k-picker__chosen"><thead><tr><th style="width:48px">序号</th><th>已选条目</th><th>所属行业</th>${options.mainName ? html`<th style="width:56px">主营</th>` : ''}<th style="width:60px">操作</th></tr></thead>
<tbody>${rows}</tbody></table>
${modal({
  id: options.id,
  title: options.title,
  wide: true,
  body: html`<div class="k-picker__search"><input class="k-input" placeholder="输入关键字检索，如：软件" aria-label="检索"></div><div class="k-picker__list"></div>`,
  footer: html`<button type="button" class="k-btn" data-modal-close>取消</button><button type="button" class="k-btn k-btn--primary k-picker__confirm">确定</button>`,
})}
</div>`;
}

/** The numbered steps bar of a wizard. */
export function stepsBar(steps: readonly string[], current: number): SafeHtml {
  return html`<ol class="k-steps">${steps.map(
    (step, i) =>
      html`<li class="k-steps__item${i < current ? ' is-done' : ''}${i === current ? ' is-current' : ''}"><span class="k-steps__no">${i < current ? '✓' : i + 1}</span><span class="k-steps__label">${step}</span></li>`,
  )}</ol>`;
}

/** A button that sends an SMS code to the phone typed in `phoneName` and counts down 60 s. */
export function smsButton(options: { url: string; phoneName: string }): SafeHtml {
  return html`<button type="button" class="k-btn k-btn--plain k-sms" data-url="${options.url}" data-phone="${options.phoneName}">获取验证码</button>`;
}
