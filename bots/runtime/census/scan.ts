/**
 * The census's look at the DOM, run inside the page. It is JavaScript source rather than a function
 * handed to `page.evaluate`: the CLI runs through tsx, which names nested functions with a helper that does
 * not exist in the browser.
 *
 * A field is found as the locators find one (bots/runtime/locate.ts): the element right after a text a
 * person reads as a label (a <label> without a control, a <th>, a <dt>, a label cell). Controls no label
 * points at are then taken by their table column, fieldset legend or placeholder. Each field's kind is the
 * runtime widget kind that would work it; the detection per UI family lives in `KINDS` below.
 *
 * Read-only: it marks each field with `data-yijian-census` (so the census can open its list later) and
 * changes nothing else.
 */
export const SCAN_SOURCE = String.raw`(() => {
  const norm = (t) => (t || '').replace(/[\s*＊:：]/g, '');
  const CONTROL = 'input:not([type=hidden]), select, textarea';
  const hasControl = (el) => !!el.querySelector(CONTROL) || el.matches(CONTROL);
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 || r.height > 0; };
  const starred = (el) => {
    if (!el) return false;
    if (/[*＊]/.test(el.textContent || '')) return true;
    const before = getComputedStyle(el, '::before').content || '';
    const after = getComputedStyle(el, '::after').content || '';
    return /[*＊]/.test(before + after) || /required/.test(el.className || '');
  };
  const requiredIn = (el) => !!el.querySelector('[required], [aria-required=true], [lay-verify*=required]')
    || /is-required|required/.test((el.parentElement && el.parentElement.className) || '');
  const texts = (nodes) => [...nodes].map((n) => (n.textContent || '').trim()).filter(Boolean);
  const selectOptions = (s) => [...s.options].filter((o) => o.value !== '').map((o) => o.text.trim());
  const choiceTexts = (el, type) => [...el.querySelectorAll('input[type=' + type + ']')].map((i) =>
    (i.getAttribute('title') || (i.closest('label') && i.closest('label').textContent) || i.value || '').trim());

  const ANT_RADIO = '.ant-radio-wrapper, .ant-radio-button-wrapper';
  // Per family: [test, kind, options]; the first test that holds names the kind.
  const KINDS = [
    ['layui', (c) => c.querySelectorAll('.layui-form-select').length >= 2, 'layui-region', (c) => selectOptions(c.querySelector('select'))],
    ['layui', (c) => !!c.querySelector('.layui-form-select'), 'layui-select', (c) => selectOptions(c.querySelector('select'))],
    ['layui', (c) => !!c.querySelector('.layui-form-radio'), 'layui-radio', (c) => choiceTexts(c, 'radio')],
    ['layui', (c) => c.querySelectorAll('.layui-form-checkbox').length === 1 && /阅读|承诺|告知/.test(choiceTexts(c, 'checkbox').join('')), 'layui-notice', () => []],
    ['layui', (c) => c.querySelectorAll('.layui-form-checkbox').length === 1, 'layui-checkbox', () => []],
    ['layui', (c) => !!c.querySelector('.layui-form-checkbox'), 'layui-checkboxes', (c) => choiceTexts(c, 'checkbox')],
    ['layui', (c) => !!c.querySelector('input.layui-upload-file, .layui-upload-list'), 'layui-upload', () => []],
    ['layui', (c) => !!c.querySelector('input[lay-key]'), 'layui-date', () => []],
    ['tdesign', (c) => !!c.querySelector('.t-cascader'), 'tdesign-cascader', () => []],
    // A day or month picker look alike until opened: census.ts opens each to tell (tdesign-month).
    ['tdesign', (c) => !!c.querySelector('.t-date-picker'), 'tdesign-date', () => []],
    ['tdesign', (c) => !!c.querySelector('.t-select'), 'tdesign-select', () => []],
    ['tdesign', (c) => !!c.querySelector('label.t-radio'), 'tdesign-radio', (c) => texts(c.querySelectorAll('.t-radio__label'))],
    ['tdesign', (c) => c.querySelectorAll('label.t-checkbox').length === 1 && /阅读|承诺|告知/.test(c.textContent || ''), 'tdesign-notice', () => []],
    ['tdesign', (c) => c.querySelectorAll('label.t-checkbox').length === 1, 'tdesign-checkbox', () => []],
    ['tdesign', (c) => !!c.querySelector('label.t-checkbox'), 'tdesign-checkboxes', (c) => texts(c.querySelectorAll('.t-checkbox__label'))],
    ['tdesign', (c) => !!c.querySelector('.t-upload'), 'tdesign-upload', () => []],
    ['antdv', (c) => !!c.querySelector('.ant-cascader'), 'antdv-cascader', () => []],
    // As for TDesign, census.ts opens each picker to tell a month one (antdv-month); a select's teleported list too.
    ['antdv', (c) => !!c.querySelector('.ant-picker'), 'antdv-date', () => []],
    ['antdv', (c) => !!c.querySelector('.ant-select'), 'antdv-select', () => []],
    ['antdv', (c) => !!c.querySelector(ANT_RADIO), 'antdv-radio', (c) => texts(c.querySelectorAll(':is(' + ANT_RADIO + ') > span:last-child'))],
    ['antdv', (c) => c.querySelectorAll('.ant-checkbox-wrapper').length === 1 && /阅读|承诺|告知/.test(c.textContent || ''), 'antdv-notice', () => []],
    ['antdv', (c) => c.querySelectorAll('.ant-checkbox-wrapper').length === 1, 'antdv-checkbox', () => []],
    ['antdv', (c) => !!c.querySelector('.ant-checkbox-wrapper'), 'antdv-checkboxes', (c) => texts(c.querySelectorAll('.ant-checkbox-wrapper > span:last-child'))],
    ['antdv', (c) => !!c.querySelector('.ant-upload'), 'antdv-upload', () => []],
    ['native', (c) => !!c.querySelector('.k-region'), 'region-cascade', (c) => texts(c.querySelectorAll('[role=listbox]')[0] ? c.querySelectorAll('[role=listbox]')[0].children : [])],
    ['native', (c) => !!c.querySelector('.k-treeselect'), 'tree-select', (c) => texts(c.querySelectorAll('.is-leaf .k-tree__label'))],
    ['native', (c) => !!c.querySelector('.k-notice'), 'notice', () => []],
    ['native', (c) => !!c.querySelector('.k-picker'), 'modal-picker', () => []],
    ['native', (c) => !!c.querySelector('[role=listbox]'), 'div-select', (c) => texts(c.querySelector('[role=listbox]').children)],
    ['native', (c) => !!c.querySelector('.k-date[data-mode=month]'), 'month-picker', () => []],
    ['native', (c) => !!c.querySelector('.k-date'), 'date-picker', () => []],
    ['native', (c) => !!c.querySelector('input[type=file]'), 'upload', () => []],
    ['native', (c) => !!c.querySelector('select'), 'native-select', (c) => selectOptions(c.querySelector('select'))],
    ['native', (c) => !!c.querySelector('input[type=radio]'), 'radio', (c) => choiceTexts(c, 'radio')],
    ['native', (c) => c.querySelectorAll('input[type=checkbox]').length > 1, 'checkboxes', (c) => choiceTexts(c, 'checkbox')],
    ['native', (c) => !!c.querySelector('input[type=checkbox]'), 'checkbox', () => []],
    ['native', (c) => /获取验证码|发送验证码/.test(c.textContent || ''), 'sms-code', () => []],
    ['native', (c) => { const i = c.querySelector('input:not([type=hidden]), textarea'); return !!i && i.readOnly; }, 'derived', () => []],
    ['native', () => true, 'text', () => []],
  ];
  const familyOf = (c, found) => found !== 'native' ? found : c.querySelector('[class*=layui-]') ? 'layui' : c.closest('.t-form') ? 'tdesign' : c.closest('.ant-form') ? 'antdv' : 'native';
  const describe = (c) => {
    const rule = KINDS.find(([, test]) => test(c));
    const control = c.querySelector('input[name]:not([type=file]), select[name], textarea[name]') || c.querySelector('[name]');
    const box = c.querySelector('input:not([type=hidden]), textarea');
    return {
      kind: rule[2], family: familyOf(c, rule[0]), options: rule[3](c),
      name: control ? control.getAttribute('name') : undefined,
      placeholder: box && box.getAttribute('placeholder') ? box.getAttribute('placeholder') : undefined,
    };
  };

  // A control with no label beside it is described alone (its parent may hold other fields).
  const alone = (control) => ({
    kind: control.matches('select') ? 'native-select' : control.type === 'checkbox' ? 'checkbox' : control.readOnly ? 'derived' : 'text',
    family: /layui-/.test(control.className) ? 'layui' : 'native',
    options: control.matches('select') ? selectOptions(control) : [],
    name: control.getAttribute('name') || undefined,
    placeholder: control.getAttribute('placeholder') || undefined,
  });
  const fields = [];
  const claimed = new Set();
  const add = (container, label, labelFrom, required, extra) => {
    if (!label || claimed.has(container)) return;
    for (const el of container.querySelectorAll(CONTROL)) claimed.add(el);
    claimed.add(container);
    container.setAttribute('data-yijian-census', String(fields.length));
    const about = container.matches(CONTROL) ? alone(container) : describe(container);
    fields.push({ label, labelFrom, required, ...about, ...extra });
  };
  const labels = document.querySelectorAll('label, th, dt, td');
  for (const el of labels) {
    if (hasControl(el) || !visible(el)) continue;
    // A cell of a table with column headers is a value (a row's 序号), not a label.
    if (el.matches('td') && el.closest('table').querySelector('thead th')) continue;
    // TDesign and Ant Design Vue put a form item's <label> alone in a label column (.t-form__label,
    // .ant-form-item-label); the control is that wrapper's sibling.
    const wrapper = el.parentElement;
    const wrapped = !el.nextElementSibling && wrapper && wrapper.matches('.t-form__label, .ant-form-item-label') && wrapper.children.length === 1;
    const next = wrapped ? wrapper.nextElementSibling : el.nextElementSibling;
    if (!next || !hasControl(next) || next.matches('th')) continue;
    if (wrapped) { add(next, norm(el.textContent), 'label', starred(wrapper) || starred(el) || requiredIn(next), {}); continue; }
    add(next, norm(el.textContent), 'label', starred(el) || requiredIn(next), {});
  }
  const rest = [...document.querySelectorAll(CONTROL)].filter((c) => !claimed.has(c) && (visible(c) || c.type === 'file'));
  const cells = new Set();
  for (const control of rest) {
    if (claimed.has(control)) continue;
    const cell = control.closest('td');
    const table = cell && cell.closest('table');
    const heads = table ? [...table.querySelectorAll('thead th, tr:first-child > th')] : [];
    if (cell && heads.length > 0) {
      const head = heads[cell.cellIndex];
      const key = heads[0].textContent + '|' + (head ? head.textContent : '');
      if (head && !cells.has(key)) {
        cells.add(key);
        add(cell, norm(head.textContent), 'column', starred(head) || requiredIn(cell), { table: norm(heads[0].textContent) });
      }
      for (const el of cell.querySelectorAll(CONTROL)) claimed.add(el);
      continue;
    }
    if (control.type === 'file') continue;
    const legend = control.closest('fieldset') && control.closest('fieldset').querySelector('legend');
    const holder = control.getAttribute('placeholder') || control.getAttribute('aria-label');
    if (holder) add(control, norm(holder), 'placeholder', control.required, {});
    else if (legend) add(control, norm(legend.textContent), 'legend', control.required, {});
  }

  const buttons = [];
  for (const b of document.querySelectorAll('button, input[type=submit], input[type=button], a.layui-btn, [role=button]')) {
    const text = (b.value && b.matches('input') ? b.value : b.textContent || '').replace(/\s+/g, ' ').trim();
    if (text && visible(b) && !buttons.includes(text)) buttons.push(text);
  }
  const notices = [];
  for (const n of document.querySelectorAll('.k-notice')) {
    const title = n.querySelector('.k-notice__title');
    const agree = n.querySelector('.k-notice__agree');
    notices.push({ title: (title ? title.textContent : '').trim(), agree: agree ? agree.textContent.trim() : undefined });
  }
  fields.forEach((f, i) => {
    if (f.kind !== 'layui-notice') return;
    const box = document.querySelector('[data-yijian-census="' + i + '"] input[type=checkbox]');
    notices.push({ title: f.label, agree: box ? box.getAttribute('title') || undefined : undefined });
  });
  const headings = texts(document.querySelectorAll('h1, h2, h3, .layui-card-header, .k-card__title, legend')).filter((t, i, all) => all.indexOf(t) === i);
  return { url: location.href, headings, fields, buttons, notices };
})()`;
