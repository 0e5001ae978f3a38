// The appointment form's own behaviour: branches that load for the bank and the district of the registered
// address, slot tiles that load for a branch's day, and the 校验 button that must pass (on the server) before
// 提交预约 enables; any change afterwards needs a new 校验.
(() => {
  const { escapeText } = K;
  const postForm = async (url, form) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)),
    });
    return response.json().catch(() => ({ ok: false, message: '系统繁忙，请稍后再试' }));
  };

  // --- branches and slots ---------------------------------------------------------------------------------
  const form = () => document.getElementById('appt-form');
  const setOptions = (holder, items, placeholder) =>
    K.setOptions(holder.querySelector('.k-select'), items, placeholder);
  const loadBranches = async () => {
    const holder = document.querySelector('.bk-branches');
    if (!holder) return;
    const bank = K.valueOf('bankCode');
    const address = K.valueOf('regAddr').trim();
    if (!bank || !address) return setOptions(holder, [], '请先填写注册地址并选择银行');
    const select = holder.querySelector('.k-select');
    select.classList.add('is-loading');
    try {
      const { data } = await K.request(
        'GET',
        `${holder.dataset.api}?bankCode=${encodeURIComponent(bank)}&regAddr=${encodeURIComponent(address)}`,
      );
      if (!data.ok) return setOptions(holder, [], data.message);
      setOptions(
        holder,
        data.items,
        data.items.length ? `请选择${data.district}的网点` : `${data.district}暂无该行网点`,
      );
    } finally {
      select.classList.remove('is-loading');
    }
  };
  const loadSlots = async () => {
    const box = document.querySelector('.bk-slots');
    if (!box) return;
    const hidden = box.querySelector('input[name=apptPeriod]');
    const grid = box.querySelector('.bk-slots__grid');
    const branch = K.valueOf('branchNo');
    const date = K.valueOf('apptDate');
    hidden.value = '';
    if (!branch || !date) {
      grid.innerHTML = '<div class="bk-slots__empty">请先选择开户网点和预约日期</div>';
      return;
    }
    box.classList.add('is-loading');
    grid.innerHTML = '<div class="bk-slots__empty">正在查询可预约时段…</div>';
    try {
      const { data } = await K.request(
        'GET',
        `${box.dataset.api}?branchNo=${encodeURIComponent(branch)}&date=${encodeURIComponent(date)}`,
      );
      grid.innerHTML = data.ok
        ? data.html
        : `<div class="bk-slots__empty is-error">${escapeText(data.message)}</div>`;
    } finally {
      box.classList.remove('is-loading');
    }
  };

  // --- 校验 gates 提交 -------------------------------------------------------------------------------------
  const status = (text, kind) => {
    const el = document.querySelector('.bk-check__status');
    el.textContent = text;
    el.className = `bk-check__status${kind ? ` is-${kind}` : ''}`;
  };
  const invalidate = () => {
    const f = form();
    if (!f?.jyToken.value) return;
    f.jyToken.value = '';
    f.querySelector('.bk-submit').disabled = true;
    status('填写内容已修改，请重新校验', 'warning');
  };
  const showErrors = (errors) => {
    const f = form();
    for (const item of f.querySelectorAll('.k-form-item.is-error')) item.classList.remove('is-error');
    for (const el of f.querySelectorAll('.k-form-item__error')) el.textContent = '';
    for (const [name, message] of Object.entries(errors)) {
      const target =
        f.querySelector(`[data-error-for="${CSS.escape(name)}"]`) ||
        f
          .querySelector(`[name="${CSS.escape(name)}"]`)
          ?.closest('.k-form-item')
          ?.querySelector('.k-form-item__error');
      if (!target) continue;
      target.textContent = message;
      target.closest('.k-form-item')?.classList.add('is-error');
    }
  };
  const check = async (button) => {
    const f = form();
    button.disabled = true;
    status('正在校验…');
    try {
      const data = await postForm('/api/check', f);
      if (!data.ok) {
        showErrors(data.errors || {});
        const count = Object.keys(data.errors || {}).length;
        status(count ? `校验未通过：${count} 处信息有误，请按提示修改` : data.message, 'error');
        return;
      }
      showErrors({});
      f.jyToken.value = data.token;
      f.querySelector('.bk-submit').disabled = false;
      status(data.message, 'success');
    } finally {
      button.disabled = false;
    }
  };

  document.addEventListener('click', (event) => {
    const tile = event.target.closest('.bk-slot');
    if (tile && !tile.disabled) {
      const box = tile.closest('.bk-slots');
      for (const other of box.querySelectorAll('.bk-slot'))
        other.classList.toggle('is-selected', other === tile);
      const hidden = box.querySelector('input[name=apptPeriod]');
      hidden.value = tile.dataset.slot;
      K.fire(hidden, 'change');
      return;
    }
    const button = event.target.closest('.bk-check');
    if (button) check(button).catch(() => status('系统繁忙，请稍后再试', 'error'));
  });
  let addressTimer = null;
  document.addEventListener('input', (event) => {
    if (!event.target.closest('#appt-form')) return;
    invalidate();
    if (event.target.name === 'regAddr') {
      clearTimeout(addressTimer);
      addressTimer = setTimeout(() => loadBranches().catch(() => {}), 300);
    }
  });
  document.addEventListener('change', (event) => {
    if (!event.target.closest('#appt-form')) return;
    invalidate();
    const name = event.target.name;
    if (name === 'bankCode' || name === 'regAddr') loadBranches().catch(() => {});
    if (name === 'branchNo' || name === 'apptDate') loadSlots().catch(() => {});
  });
  // Rows added or removed change the form as well.
  document.addEventListener('click', (event) => {
    if (event.target.closest('#appt-form .k-rows__add, #appt-form .k-row__remove')) invalidate();
  });
})();
