// Div-based selects and tree selects: a readonly box, a menu, a hidden input holding the value.
(() => {
  const closeAll = (except) => {
    for (const open of document.querySelectorAll('.k-select.is-open')) {
      if (open !== except) open.classList.remove('is-open');
    }
  };
  const choose = (select, value, label) => {
    const hidden = select.querySelector(':scope > input[type=hidden]');
    if (hidden) hidden.value = value;
    select.querySelector('.k-select__input').value = label;
    for (const item of select.querySelectorAll('[data-value]')) {
      item.classList.toggle('is-selected', item.dataset.value === value);
    }
    select.classList.remove('is-open');
    select.dispatchEvent(new CustomEvent('k-select', { bubbles: true, detail: { value, label } }));
    if (hidden) K.fire(hidden, 'change');
  };
  K.choose = choose;
  /**
   * Gives a div select new options (`{ value, label, address? }`, the address as the option's title) and a
   * placeholder; a chosen value no longer offered is cleared (with a change event when there was one).
   */
  K.setOptions = (select, items, placeholder) => {
    const hidden = select.querySelector(':scope > input[type=hidden]');
    const input = select.querySelector('.k-select__input');
    select.querySelector('.k-select__menu').innerHTML = items
      .map(
        (i) =>
          `<li class="k-select__option" data-value="${K.escapeText(i.value)}" title="${K.escapeText(i.address || '')}">${K.escapeText(i.label)}</li>`,
      )
      .join('');
    if (!items.some((i) => i.value === hidden.value)) {
      const had = hidden.value !== '';
      hidden.value = '';
      input.value = '';
      if (had) K.fire(hidden, 'change');
    }
    input.placeholder = placeholder;
  };
  document.addEventListener('click', (event) => {
    const target = event.target;
    const option = target.closest('.k-select__option');
    if (option) {
      choose(option.closest('.k-select'), option.dataset.value, option.textContent.trim());
      return;
    }
    const row = target.closest('.k-tree__row');
    if (row) {
      const node = row.parentElement;
      if (node.classList.contains('is-branch')) node.classList.toggle('is-expanded');
      else choose(node.closest('.k-select'), node.dataset.value, row.textContent.trim());
      return;
    }
    const box = target.closest('.k-select__box');
    if (box) {
      const select = box.closest('.k-select');
      if (select.classList.contains('is-disabled') || select.classList.contains('is-loading')) return;
      const opening = !select.classList.contains('is-open');
      closeAll();
      if (opening) {
        select.classList.add('is-open');
        // A tree opens on the branch of the current value.
        const current = select.querySelector('.k-tree__node.is-selected');
        for (let node = current?.parentElement; node && node !== select; node = node.parentElement) {
          if (node.classList?.contains('is-branch')) node.classList.add('is-expanded');
        }
      }
      return;
    }
    if (!target.closest('.k-select__menu')) closeAll();
  });
  K.onInit((root) => {
    for (const leaf of root.querySelectorAll('.k-treeselect')) {
      const value = leaf.querySelector(':scope > input[type=hidden]').value;
      for (const node of leaf.querySelectorAll('.k-tree__node.is-leaf')) {
        node.classList.toggle('is-selected', value !== '' && node.dataset.value === value);
      }
    }
  });
})();
