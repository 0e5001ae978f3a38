// 公章刻制备案: the engraving companies of the unit's district load once the credit code is typed, and a seal
// row fills in its 印文 and usual 规格 when its type is chosen (a person may still change both).
(() => {
  const loadEngravers = async (code) => {
    const holder = document.querySelector('.ps-engravers');
    if (!holder) return;
    const select = holder.querySelector('.k-select');
    if (!/^[0-9A-Z]{18}$/.test(code)) return K.setOptions(select, [], '请先填写统一社会信用代码');
    select.classList.add('is-loading');
    select.querySelector('.k-select__input').placeholder = '正在加载本辖区刻章企业…';
    try {
      const { data } = await K.request('GET', `${holder.dataset.api}?tyshxydm=${encodeURIComponent(code)}`);
      const items = data?.ok ? data.items : [];
      K.setOptions(
        select,
        items,
        data?.ok ? (items.length ? '请选择刻章企业' : '本辖区暂无备案刻章企业') : data.message,
      );
    } finally {
      select.classList.remove('is-loading');
    }
  };

  let lastCode = null;
  const onCode = (event) => {
    if (event.target.name !== 'tyshxydm') return;
    const code = event.target.value.trim().toUpperCase();
    if (code === lastCode) return;
    lastCode = code;
    loadEngravers(code).catch(() => {});
  };
  document.addEventListener('input', onCode);
  document.addEventListener('change', onCode);

  const DEFAULT_SIZE = { '01': 'Φ40mm', '02': 'Φ38mm', '03': '40×30mm', '04': 'Φ40mm', '05': '18×18mm' };
  const sealText = (type) => {
    const name = K.valueOf('dwmc').trim();
    if (type === '03') return `${name}\n${K.valueOf('tyshxydm').trim().toUpperCase()}`;
    if (type === '05') return K.valueOf('fddbr_xm').trim();
    return name;
  };
  document.addEventListener('k-select', (event) => {
    const select = event.target;
    const hidden = select.querySelector(':scope > input[type=hidden]');
    if (!hidden || !/\[yzlx\]$/.test(hidden.name)) return;
    const row = select.closest('.k-row');
    const text = row.querySelector('textarea[name$="[yw]"]');
    if (text && (text.value === '' || text.dataset.auto === '1')) {
      text.value = sealText(event.detail.value);
      text.dataset.auto = '1';
    }
    const size = row.querySelector('input[type=hidden][name$="[gg]"]');
    const sizeSelect = size?.closest('.k-select');
    const wanted = DEFAULT_SIZE[event.detail.value];
    if (sizeSelect && wanted) {
      const option = [...sizeSelect.querySelectorAll('.k-select__option')].find(
        (o) => o.dataset.value === wanted,
      );
      if (option) K.choose(sizeSelect, wanted, option.textContent.trim());
    }
  });
  // A 印文 that still reads what the portal filled in follows the unit's name, code and legal representative.
  const refreshTexts = () => {
    for (const row of document.querySelectorAll('.k-row')) {
      const text = row.querySelector('textarea[name$="[yw]"]');
      const type = row.querySelector('input[type=hidden][name$="[yzlx]"]')?.value;
      if (text && type && text.dataset.auto === '1') text.value = sealText(type);
    }
  };
  document.addEventListener('input', (event) => {
    if (event.target.matches?.('textarea[name$="[yw]"]')) event.target.dataset.auto = '0';
    if (['dwmc', 'tyshxydm', 'fddbr_xm'].includes(event.target.name)) refreshTexts();
  });
  K.onInit((root) => {
    for (const text of root.querySelectorAll('textarea[name$="[yw]"]')) {
      const type = text.closest('.k-row')?.querySelector('input[type=hidden][name$="[yzlx]"]')?.value;
      if (text.value === '' || (type && text.value.replace(/\r\n?/g, '\n') === sealText(type)))
        text.dataset.auto = '1';
    }
  });
})();
