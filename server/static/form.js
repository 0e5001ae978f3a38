// 确认表单, enhanced: a searchable 经营范围 picker (words or 拼音 initials, with 行业), a 省/市/区 cascade for
// 住所, rows added and removed without a reload, and the texts agreed to opened in a dialog. Every control
// here drives the page's own <select>/<form>, so without JavaScript the plain form still works.
(() => {
  const main = document.querySelector('#main');
  const watched = document.querySelector('[data-live-self]')?.getAttribute('data-live-self');
  if (!main || !watched) return;

  // ---- 经营范围: search by words or initials --------------------------------------------------------------
  function scopePicker(select) {
    const options = [...select.options]
      .filter((option) => option.value)
      .map((option) => ({
        value: option.value,
        name: option.textContent.trim(),
        industry: option.getAttribute('data-industry') ?? '',
        initials: (option.getAttribute('data-initials') ?? '').toLowerCase(),
        permit: option.getAttribute('data-permit') ?? '',
      }));
    const box = document.createElement('div');
    box.className = 'picker';
    const input = document.createElement('input');
    input.type = 'search';
    input.className = 'input picker__search';
    input.id = `${select.id}-search`;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('autocomplete', 'off');
    input.placeholder = '输入关键词或拼音首字母，如「软件」或 rjkf';
    const list = document.createElement('ul');
    list.className = 'picker__list';
    list.id = `${select.id}-list`;
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.setAttribute('aria-controls', list.id);
    const chosen = options.find((option) => option.value === select.value);
    input.value = chosen ? chosen.name : '';
    // The field's label now names the search box; the select stays in the form, hidden.
    document.querySelector(`label[for="${select.id}"]`)?.setAttribute('for', input.id);
    select.classList.add('picker__native');
    select.setAttribute('aria-hidden', 'true');
    select.tabIndex = -1;
    box.append(input, list);
    select.after(box);

    let shown = [];
    let active = -1;
    const matches = (query) => {
      const q = query.trim().toLowerCase();
      if (!q) return options.slice(0, 30);
      const latin = /^[a-z]+$/.test(q);
      return options
        .map((option) => {
          let score = -1;
          if (option.name.includes(q)) score = option.name.startsWith(q) ? 3 : 2;
          else if (latin && option.initials.startsWith(q)) score = 2.5;
          else if (latin && option.initials.includes(q)) score = 1.5;
          else if (option.industry.includes(q)) score = 1;
          return { option, score };
        })
        .filter((hit) => hit.score > 0)
        .sort((a, b) => b.score - a.score)
        .map((hit) => hit.option)
        .slice(0, 30);
    };
    function render() {
      list.replaceChildren(
        ...shown.map((option, index) => {
          const item = document.createElement('li');
          item.className = `picker__option${index === active ? ' picker__option--active' : ''}`;
          item.id = `${list.id}-${index}`;
          item.setAttribute('role', 'option');
          item.setAttribute('aria-selected', String(index === active));
          const name = document.createElement('span');
          name.className = 'picker__name';
          name.textContent = option.name;
          const meta = document.createElement('span');
          meta.className = 'picker__meta';
          meta.textContent = `行业：${option.industry || '—'}${option.permit ? ` · 需${option.permit}` : ''}`;
          item.append(name, meta);
          item.addEventListener('mousedown', (event) => {
            event.preventDefault();
            pick(option);
          });
          return item;
        }),
      );
      if (!shown.length) {
        const none = document.createElement('li');
        none.className = 'picker__none';
        none.textContent = '没有找到，换个关键词试试';
        list.append(none);
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
      else input.removeAttribute('aria-activedescendant');
    }
    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }
    function pick(option) {
      select.value = option.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      input.value = option.name;
      close();
    }
    input.addEventListener('input', () => {
      shown = matches(input.value);
      active = shown.length ? 0 : -1;
      render();
    });
    input.addEventListener('focus', () => {
      shown = matches(
        input.value === (options.find((o) => o.value === select.value)?.name ?? '') ? '' : input.value,
      );
      active = -1;
      render();
    });
    input.addEventListener('blur', () => setTimeout(close, 100));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (!shown.length) return;
        active = (active + (event.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length;
        render();
      } else if (event.key === 'Enter' && !list.hidden && shown[active]) {
        event.preventDefault();
        pick(shown[active]);
      } else if (event.key === 'Escape') close();
    });
  }

  // ---- 住所: 省 / 市 / 区 from the select's own groups -------------------------------------------------------
  function regionPicker(select) {
    const cities = [...select.querySelectorAll('optgroup')].map((group) => ({
      name: group.label,
      districts: [...group.querySelectorAll('option')].map((option) => ({
        value: option.value,
        name: option.textContent.replace(group.label, '').trim(),
      })),
    }));
    if (!cities.length) return;
    const box = document.createElement('div');
    box.className = 'cascade';
    const make = (label, id) => {
      const wrap = document.createElement('label');
      wrap.className = 'cascade__part';
      const text = document.createElement('span');
      text.className = 'cascade__label';
      text.textContent = label;
      const control = document.createElement('select');
      control.className = 'input';
      control.id = id;
      wrap.append(text, control);
      box.append(wrap);
      return control;
    };
    const province = make('省', `${select.id}-province`);
    const city = make('市', `${select.id}-city`);
    const district = make('区/县', `${select.id}-district`);
    const option = (value, text, selected) => {
      const element = document.createElement('option');
      element.value = value;
      element.textContent = text;
      element.selected = selected;
      return element;
    };
    province.append(option('1', select.getAttribute('data-province') || '福建省', true));
    const current = cities.find((c) => c.districts.some((d) => d.value === select.value));
    const fillDistricts = () => {
      const chosen = cities.find((c) => c.name === city.value);
      district.replaceChildren(
        option('', '请选择区县', !select.value),
        ...(chosen?.districts ?? []).map((d) => option(d.value, d.name, d.value === select.value)),
      );
    };
    city.append(
      option('', '请选择城市', !current),
      ...cities.map((c) => option(c.name, c.name, c === current)),
    );
    fillDistricts();
    city.addEventListener('change', () => {
      select.value = '';
      fillDistricts();
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    district.addEventListener('change', () => {
      select.value = district.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    document.querySelector(`label[for="${select.id}"]`)?.setAttribute('for', city.id);
    select.classList.add('picker__native');
    select.setAttribute('aria-hidden', 'true');
    select.tabIndex = -1;
    select.after(box);
  }

  function enhance() {
    for (const select of main.querySelectorAll('select[data-scope-picker]')) scopePicker(select);
    for (const select of main.querySelectorAll('select[data-region-picker]')) regionPicker(select);
  }
  enhance();

  // ---- The page swapped in place (a row added, an update arrived) ---------------------------------------------
  let dirty = false;
  main.addEventListener('input', () => {
    dirty = true;
  });
  main.addEventListener('change', () => {
    dirty = true;
  });
  function swap(text) {
    const next = new DOMParser().parseFromString(text, 'text/html').querySelector('#main');
    if (!next) return false;
    const open = new Set([...main.querySelectorAll('details[open][id]')].map((details) => details.id));
    main.innerHTML = next.innerHTML;
    for (const id of open) document.getElementById(id)?.setAttribute('open', '');
    enhance();
    dirty = false;
    return true;
  }

  // 添加 / 删除 a row: the same post as without JavaScript, answered with the page, swapped in.
  main.addEventListener('submit', async (event) => {
    const form = event.target;
    const submitter = event.submitter;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('merged-form')) return;
    const op = submitter?.getAttribute('value') ?? '';
    if (!/^(add|remove):/.test(op)) return;
    event.preventDefault();
    const group = op.split(':')[1];
    const body = new URLSearchParams(new FormData(form, submitter));
    const response = await fetch(form.action, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: {
        'X-CSRF-Token': document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '',
      },
    });
    if (!swap(await response.text())) return;
    const rows = document.querySelectorAll(`#slot-${group} .row-card`);
    const last = rows[rows.length - 1];
    const target =
      last?.querySelector('.picker__search') ??
      last?.querySelector('input:not([type=hidden]), select:not(.picker__native)');
    target?.focus();
    window.yijian?.toast?.(op.startsWith('add') ? '已添加一行' : '已删除');
  });

  // ---- 承诺书 / 章程 in a dialog ------------------------------------------------------------------------------
  let dialog;
  main.addEventListener('click', async (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-dialog]') : null;
    if (!link || typeof HTMLDialogElement === 'undefined') return;
    event.preventDefault();
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.className = 'agreement-dialog';
      document.body.append(dialog);
    }
    const response = await fetch(link.href, { credentials: 'same-origin' });
    const article = new DOMParser()
      .parseFromString(await response.text(), 'text/html')
      .querySelector('[data-agreement]');
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'button button--primary agreement-dialog__close';
    close.textContent = '我已阅读，关闭';
    close.addEventListener('click', () => dialog.close());
    dialog.replaceChildren(...(article ? [article] : []), close);
    dialog.setAttribute('aria-label', link.textContent ?? '');
    dialog.showModal();
  });

  // ---- Live updates: OCR readings and other tabs' saves arrive without a reload ----------------------------
  let timer;
  window.yijian.liveEvents(['application', 'document'], (data) => {
    if (data.applicationId !== watched) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const response = await fetch(window.location.pathname + window.location.search, {
        credentials: 'same-origin',
      });
      const text = await response.text();
      const version = (html) => /name="version" value="(\d+)"/.exec(html)?.[1];
      if (version(text) === version(main.innerHTML)) return;
      if (dirty) {
        window.yijian
          ?.toast?.('内容有更新，点此刷新')
          ?.addEventListener('click', () => window.location.reload(), { once: true });
        return;
      }
      swap(text);
    }, 200);
  });
})();
