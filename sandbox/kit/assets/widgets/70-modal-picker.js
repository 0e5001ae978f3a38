// Modal dialogs, and the list picker inside one (经营范围): search, tick, confirm; one 主营 radio.
(() => {
  const show = (dialog) => {
    dialog.hidden = false;
    dialog.dispatchEvent(new CustomEvent('k-open', { bubbles: true }));
  };
  document.addEventListener('click', (event) => {
    const target = event.target;
    const opener = target.closest('[data-modal-open]');
    if (opener) return show(document.getElementById(opener.dataset.modalOpen));
    if (target.closest('.k-modal__close, [data-modal-close]')) target.closest('.k-modal').hidden = true;
  });

  const itemsOf = (picker) => JSON.parse(picker.querySelector('.k-picker__data').textContent);
  const chosenCodes = (picker) =>
    [...picker.querySelectorAll('.k-picker__chosen tbody tr')].map((tr) => tr.dataset.code);
  const { escapeText } = K;

  const renderList = (picker) => {
    const query = picker.querySelector('.k-picker__search input').value.trim();
    const ticked = new Set(picker._ticked);
    const items = itemsOf(picker).filter(
      (item) => !query || item.name.includes(query) || item.code.includes(query),
    );
    picker.querySelector('.k-picker__list').innerHTML = items.length
      ? items
          .map(
            (item) =>
              `<label class="k-picker__item"><input type="checkbox" value="${escapeText(item.code)}"${ticked.has(item.code) ? ' checked' : ''}><span class="k-picker__name">${escapeText(item.name)}</span><span class="k-picker__note">${escapeText(item.note || '')}</span></label>`,
          )
          .join('')
      : '<div class="k-empty">没有找到符合条件的条目</div>';
  };

  const renderChosen = (picker, codes) => {
    const byCode = new Map(itemsOf(picker).map((item) => [item.code, item]));
    const name = picker.dataset.name;
    const mainName = picker.dataset.mainName;
    const currentMain = mainName ? K.valueOf(mainName, picker) : '';
    const main = codes.includes(currentMain) ? currentMain : codes[0];
    picker.querySelector('.k-picker__chosen tbody').innerHTML = codes
      .map((code, i) => {
        const item = byCode.get(code) || { name: code, note: '' };
        const radio = mainName
          ? `<td><input type="radio" name="${mainName}" value="${escapeText(code)}"${code === main ? ' checked' : ''} aria-label="主营"></td>`
          : '';
        return `<tr data-code="${escapeText(code)}"><td>${i + 1}</td><td>${escapeText(item.name)}<input type="hidden" name="${name}[${i}][code]" value="${escapeText(code)}"></td><td>${escapeText(item.note || '')}</td>${radio}<td><button type="button" class="k-link k-picker__remove">删除</button></td></tr>`;
      })
      .join('');
    picker.dispatchEvent(new CustomEvent('k-picker-change', { bubbles: true }));
  };

  document.addEventListener('k-open', (event) => {
    const picker = event.target.closest('.k-picker');
    if (!picker) return;
    picker._ticked = chosenCodes(picker);
    picker.querySelector('.k-picker__search input').value = '';
    renderList(picker);
  });
  document.addEventListener('input', (event) => {
    const picker = event.target.closest('.k-picker__search')?.closest('.k-picker');
    if (picker) renderList(picker);
  });
  document.addEventListener('change', (event) => {
    const box = event.target;
    const picker = box.closest('.k-picker__list')?.closest('.k-picker');
    if (!picker) {
      if (box.type === 'radio' && box.closest('.k-picker__chosen')) {
        box.closest('.k-picker').dispatchEvent(new CustomEvent('k-picker-change', { bubbles: true }));
      }
      return;
    }
    picker._ticked = box.checked
      ? [...picker._ticked, box.value]
      : picker._ticked.filter((code) => code !== box.value);
  });
  document.addEventListener('click', (event) => {
    const confirm = event.target.closest('.k-picker__confirm');
    if (confirm) {
      const picker = confirm.closest('.k-picker');
      renderChosen(picker, picker._ticked);
      confirm.closest('.k-modal').hidden = true;
      return;
    }
    const remove = event.target.closest('.k-picker__remove');
    if (remove) {
      const picker = remove.closest('.k-picker');
      const code = remove.closest('tr').dataset.code;
      renderChosen(
        picker,
        chosenCodes(picker).filter((c) => c !== code),
      );
    }
  });
})();
