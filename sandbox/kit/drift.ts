import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

/**
 * Drift: the ways a department changes its form without notice, for the drift check to find. Set through
 * the faults (`PUT /__sandbox/faults {"drift":[…]}`); each change is found by the label a person reads.
 *
 * - rename-label: the label `label` now reads `to`.
 * - add-required-field: a new required text box `label` right after the field labelled `after`.
 * - add-option / remove-option: the choice field `label` offers `option` too / no longer.
 * - swap-kind: the choice field `label` became a plain text box (same HTML name).
 * - insert-step: GET `path` first shows a new page (补充信息确认) whose button goes on to the old one.
 *
 * Form changes are made by a script placed right after the page's form, so they are in the DOM before the
 * page's own scripts (layui's form.render, the kit's widgets) dress it, as if the server had sent them.
 * A page drawn by a Vue app has no form in its HTML: its choices come in the page as JSON keyed by the
 * label a person reads (`<script type="application/json" data-drift-lists>`), whose options the server
 * changes before sending it.
 */
export const driftSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename-label'), label: z.string().min(1), to: z.string().min(1) }),
  z.object({ kind: z.literal('add-required-field'), label: z.string().min(1), after: z.string().min(1) }),
  z.object({ kind: z.literal('add-option'), label: z.string().min(1), option: z.string().min(1) }),
  z.object({ kind: z.literal('remove-option'), label: z.string().min(1), option: z.string().min(1) }),
  z.object({ kind: z.literal('swap-kind'), label: z.string().min(1) }),
  z.object({ kind: z.literal('insert-step'), path: z.string().startsWith('/') }),
]);

export type Drift = z.infer<typeof driftSchema>;

/** The change script (browser JavaScript); `DRIFTS` is replaced by the JSON of the form changes. */
const SCRIPT = String.raw`(() => {
  const drifts = DRIFTS;
  const norm = (t) => (t || '').replace(/[\s*＊:：]/g, '');
  const labelOf = (text) => [...document.querySelectorAll('label, th, dt, td')]
    .find((el) => !el.querySelector('input, select, textarea') && norm(el.textContent) === norm(text));
  for (const d of drifts) {
    const label = labelOf(d.kind === 'add-required-field' ? d.after : d.label);
    const content = label && label.nextElementSibling;
    if (!content) continue;
    if (d.kind === 'rename-label') label.textContent = d.to;
    if (d.kind === 'add-required-field') {
      const item = label.parentElement;
      const added = item.cloneNode(false);
      added.classList.add('is-required');
      const name = 'drift_' + Math.abs([...d.label].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7));
      added.innerHTML = '<label class="' + label.className + '"></label><div class="' + content.className +
        '"><input type="text" class="layui-input k-input" required lay-verify="required" name="' + name + '"></div>';
      added.querySelector('label').textContent = d.label;
      item.after(added);
    }
    const select = content.querySelector('select');
    const list = content.querySelector('[role=listbox]');
    const choice = content.querySelector('input[type=radio], input[type=checkbox]');
    if (d.kind === 'add-option') {
      if (select) select.add(new Option(d.option, 'drift-' + d.option));
      else if (list) { const li = document.createElement('li'); li.className = 'k-select__option'; li.dataset.value = 'drift'; li.textContent = d.option; list.append(li); }
      else if (choice) {
        const copy = (choice.closest('label') || choice).cloneNode(true);
        const input = copy.matches('input') ? copy : copy.querySelector('input');
        input.checked = false; input.value = 'drift'; input.setAttribute('title', d.option);
        const span = copy.querySelector('span'); if (span) span.textContent = d.option;
        const all = content.querySelectorAll('input[type=radio], input[type=checkbox]');
        const last = all[all.length - 1];
        (last.closest('label') || last).after(copy);
      }
    }
    if (d.kind === 'remove-option') {
      if (select) for (const o of [...select.options]) if (o.text.trim() === d.option) o.remove();
      if (list) for (const li of [...list.children]) if (li.textContent.trim() === d.option) li.remove();
      for (const input of content.querySelectorAll('input[type=radio], input[type=checkbox]')) {
        const text = input.getAttribute('title') || (input.closest('label') && input.closest('label').textContent) || '';
        if (text.trim() === d.option) (input.closest('label') || input).remove();
      }
    }
    if (d.kind === 'swap-kind') {
      const named = content.querySelector('[name]');
      const name = named ? named.getAttribute('name') : 'drift';
      content.innerHTML = '<input type="text" class="layui-input k-input" placeholder="请输入">';
      content.querySelector('input').setAttribute('name', name);
    }
  }
})();`;

/** The choice lists a page's app draws from, by label: option texts, or option texts by their value. */
const LISTS = /(<script[^>]*\bdata-drift-lists\b[^>]*>)([\s\S]*?)(<\/script>)/;
const listsSchema = z.record(z.string(), z.union([z.array(z.string()), z.record(z.string(), z.string())]));
const norm = (text: string) => text.replace(/[\s*＊:：]/g, '');

/** The page with the options of its JSON lists added or removed. */
function driftLists(page: string, drifts: readonly Drift[]): string {
  const found = LISTS.exec(page);
  if (!found) return page;
  const lists = listsSchema.parse(JSON.parse(found[2] ?? ''));
  for (const d of drifts) {
    if (d.kind !== 'add-option' && d.kind !== 'remove-option') continue;
    const key = Object.keys(lists).find((label) => norm(label) === norm(d.label));
    const list = key === undefined ? undefined : lists[key];
    if (key === undefined || list === undefined) continue;
    const adding = d.kind === 'add-option';
    lists[key] = Array.isArray(list)
      ? adding
        ? [...list, d.option]
        : list.filter((option) => option !== d.option)
      : adding
        ? { ...list, [`drift-${d.option}`]: d.option }
        : Object.fromEntries(Object.entries(list).filter(([, option]) => option !== d.option));
  }
  const json = JSON.stringify(lists).replace(/</g, '\\u003c');
  return `${page.slice(0, found.index)}${found[1]}${json}${found[3]}${page.slice(found.index + found[0].length)}`;
}

/** The page with its form changes: the script goes right after the last form (before the page's scripts). */
export function driftPage(html: string, drifts: readonly Drift[]): string {
  const changes = drifts.filter((d) => d.kind !== 'insert-step');
  const page = driftLists(html, changes);
  const end = page.lastIndexOf('</form>');
  if (changes.length === 0 || end < 0) return page;
  // `<` in the JSON is escaped so a label cannot end the script element.
  const json = JSON.stringify(changes).replace(/</g, '\\u003c');
  const script = `<script>${SCRIPT.replace('DRIFTS', json)}</script>`;
  const at = end + '</form>'.length;
  return page.slice(0, at) + script + page.slice(at);
}

/** The page a department put in front of a step (a new confirmation), leading on to the old page. */
const insertedStep = (path: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>补充信息确认</title></head><body><h2>补充信息确认</h2>
<form method="get" action="${path.replace(/"/g, '&quot;')}"><input type="hidden" name="drift-step" value="done">
<p>根据最新要求，请确认以下事项后继续办理。</p>
<div><label>确认事项 *</label><div><input type="checkbox" name="confirmed" value="1" required>本单位信息真实有效</div></div>
<button type="submit">确认并继续</button></form></body></html>`;

/** Applies the drift now set (read on every request, as other faults are) to the pages a person opens. */
export function driftMiddleware(drifts: () => readonly Drift[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const now = drifts();
    if (now.length === 0 || req.method !== 'GET') return next();
    const step = now.find((d) => d.kind === 'insert-step' && d.path === req.path);
    if (step && req.query['drift-step'] !== 'done') {
      res.type('html').send(insertedStep(req.path));
      return;
    }
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const html = typeof body === 'string' && /html/.test(String(res.get('content-type') ?? 'text/html'));
      return send(html ? driftPage(body as string, now) : body);
    };
    next();
  };
}
