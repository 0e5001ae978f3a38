/* 食品经营许可网上申报系统: the portal's own script on top of layui (form, laydate, upload, layer). */
layui.use(['form', 'laydate', 'upload', 'layer', 'element'], () => {
  const { form, laydate, upload, layer, element } = layui;
  element.render('nav');
  const formEl = document.getElementById('apply-form');
  if (!formEl) return;

  const showError = (box, message) => {
    if (box) box.textContent = message || '';
  };
  const clearErrors = () => {
    for (const box of formEl.querySelectorAll('.fl-error, .fl-page-error')) box.textContent = '';
  };

  // 经营场所: 省/市/区, each level loaded from /api/regions once the level above is chosen.
  const levels = ['jycs_sheng', 'jycs_shi', 'jycs_qu'].map((name) =>
    formEl.querySelector(`select[name=${name}]`),
  );
  const placeholders = ['请选择省', '请选择市', '请选择区县'];
  const emptyLevel = (i) => {
    levels[i].innerHTML = `<option value="">${placeholders[i]}</option>`;
  };
  const loadLevel = async (i, parent) => {
    for (let j = i; j < levels.length; j += 1) emptyLevel(j);
    form.render('select', 'apply');
    try {
      const response = await fetch(`/api/regions${parent ? `?parent=${parent}` : ''}`);
      if (!response.ok) throw new Error(String(response.status));
      for (const region of await response.json()) levels[i].add(new Option(region.name, region.code));
    } catch {
      layer.msg('行政区划加载失败，请重新选择', { icon: 2 });
    }
    form.render('select', 'apply');
  };
  form.on('select(sheng)', (data) => loadLevel(1, data.value));
  form.on('select(shi)', (data) => loadLevel(2, data.value));
  loadLevel(0, '');

  laydate.render({ elem: '#sqrq', format: 'yyyy-MM-dd' });

  // Uploads: layui.upload on each slot's button; the form posts the file's id.
  const bindUpload = (slot) => {
    const button = slot.querySelector('.fl-upload-btn');
    const hidden = slot.querySelector('input[type=hidden]');
    const list = slot.querySelector('.layui-upload-list');
    const error = slot.parentElement.querySelector(':scope > .fl-error');
    upload.render({
      elem: button,
      url: '/api/upload',
      data: { slot: slot.dataset.slot },
      accept: 'file',
      exts: 'jpg|jpeg|png|pdf',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      before() {
        showError(error, '');
        list.textContent = '上传中…';
      },
      done(res) {
        if (!res?.ok) {
          list.textContent = '';
          hidden.value = '';
          showError(error, res?.message || '上传失败，请重试');
          return;
        }
        hidden.value = res.id;
        list.textContent = `${res.fileName}（${Math.max(1, Math.round(res.size / 1024))}KB）`;
      },
      error() {
        list.textContent = '';
        showError(error, '系统繁忙，请稍后再试');
      },
    });
  };
  for (const slot of formEl.querySelectorAll('.fl-upload')) bindUpload(slot);

  // 食品安全管理人员: rows added from the template, numbered 1…n.
  const tbody = formEl.querySelector('.fl-managers tbody');
  const template = document.getElementById('manager-row');
  const renumber = () => {
    tbody.querySelectorAll('tr').forEach((row, i) => {
      row.querySelector('.fl-seq').textContent = String(i + 1);
    });
  };
  document.getElementById('manager-add').addEventListener('click', () => {
    const row = template.content.firstElementChild.cloneNode(true);
    tbody.appendChild(row);
    renumber();
    bindUpload(row.querySelector('.fl-upload'));
  });
  tbody.addEventListener('click', (event) => {
    const button = event.target.closest('.fl-row-del');
    if (!button) return;
    if (tbody.rows.length <= 1) return void layer.msg('至少保留一名食品安全管理人员');
    button.closest('tr').remove();
    renumber();
  });

  // 告知承诺书: ticking the box opens the notice; only 我已阅读并承诺, after reading to its end, ticks it.
  const commitment = formEl.querySelector('input[name=cn]');
  form.on('checkbox(cn)', (data) => {
    if (!data.elem.checked) return;
    data.elem.checked = false;
    form.render('checkbox', 'apply');
    let read = false;
    layer.open({
      type: 1,
      title: '食品经营许可告知承诺书',
      area: ['560px', '380px'],
      content: document.getElementById('commitment-text').innerHTML,
      btn: ['我已阅读并承诺', '取消'],
      success(layero) {
        const content = layero.find('.layui-layer-content')[0];
        const check = () => {
          read = read || content.scrollTop + content.clientHeight >= content.scrollHeight - 4;
        };
        content.addEventListener('scroll', check);
        check();
      },
      yes(index) {
        if (!read) return void layer.msg('请阅读承诺书至末尾');
        commitment.checked = true;
        form.render('checkbox', 'apply');
        layer.close(index);
      },
    });
  });

  // 提交申请: posted by XHR; messages come back beside the fields.
  const submit = document.getElementById('submit-btn');
  submit.addEventListener('click', async () => {
    clearErrors();
    submit.classList.add('layui-btn-disabled');
    const loading = layer.load(1);
    try {
      const response = await fetch('/api/apply', {
        method: 'POST',
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
        body: new URLSearchParams(new FormData(formEl)),
      });
      const answer = await response.json().catch(() => ({ ok: false, message: '系统繁忙，请稍后再试' }));
      if (response.status === 401) return void location.assign(answer.login || '/login');
      if (answer.ok) return void location.assign(answer.receiptUrl);
      const errors = answer.errors || {};
      for (const [name, message] of Object.entries(errors)) {
        const [base, index] = name.split('.');
        const field = formEl.querySelectorAll(`[name="${base}"]`)[Number(index || 0)];
        const box =
          formEl.querySelector(`.fl-error[data-for="${base}"]`) ||
          field?.closest('td, .layui-input-block')?.querySelector('.fl-error');
        showError(box, message);
      }
      showError(formEl.querySelector('.fl-page-error'), answer.message || '');
    } finally {
      layer.close(loading);
      submit.classList.remove('layui-btn-disabled');
    }
  });
});
