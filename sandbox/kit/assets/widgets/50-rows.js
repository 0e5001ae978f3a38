// Repeating rows: 添加 clones the template with the next unused index; 删除 keeps at least `data-min` rows.
(() => {
  const renumber = (rows) => {
    rows.querySelectorAll(':scope > .k-rows__list > .k-row').forEach((row, i) => {
      const number = row.querySelector('.k-row__no');
      if (number) number.textContent = String(i + 1);
    });
  };
  document.addEventListener('click', (event) => {
    const add = event.target.closest('.k-rows__add');
    if (add) {
      const rows = add.closest('.k-rows');
      const list = rows.querySelector(':scope > .k-rows__list');
      const existing = [...list.children];
      const next = existing.reduce((max, row) => Math.max(max, Number(row.dataset.index) + 1), 0);
      const markup = rows
        .querySelector(':scope > .k-rows__template')
        .innerHTML.replaceAll('__i__', String(next))
        .replaceAll('__n__', String(existing.length + 1));
      list.insertAdjacentHTML('beforeend', markup);
      K.init(list.lastElementChild);
      renumber(rows);
      return;
    }
    const remove = event.target.closest('.k-row__remove');
    if (remove) {
      const rows = remove.closest('.k-rows');
      const list = rows.querySelector(':scope > .k-rows__list');
      if (list.children.length <= Number(rows.dataset.min || 0)) {
        window.alert(`至少需要保留 ${rows.dataset.min} 条`);
        return;
      }
      remove.closest('.k-row').remove();
      renumber(rows);
    }
  });
})();
