// 新办纳税人: the 检查 button on 确认提交 asks the server to check every step; only a passing check enables 提交.
(() => {
  const { escapeText } = K;
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('.tx-check__btn');
    if (!button) return;
    const form = button.closest('form');
    const box = form.querySelector('.tx-check');
    const submit = form.querySelector('.tx-submit');
    button.disabled = true;
    submit.disabled = true;
    box.className = 'tx-check is-running';
    box.querySelector('.tx-check__title').textContent = '正在检查…';
    try {
      const { data } = await K.request('POST', '/api/jc', {});
      box.querySelector('.tx-check__list').innerHTML = (data.results || [])
        .map((r) =>
          r.problems.length
            ? `<li class="is-bad">✗ ${escapeText(r.title)}：${r.problems.map(escapeText).join('；')}</li>`
            : `<li class="is-good">✓ ${escapeText(r.title)}：检查通过</li>`,
        )
        .join('');
      box.querySelector('.tx-check__title').textContent = data.message;
      box.className = `tx-check ${data.ok ? 'is-passed' : 'is-failed'}`;
      form.jcToken.value = data.token || '';
      submit.disabled = !data.ok;
    } catch {
      box.querySelector('.tx-check__title').textContent = '系统繁忙，请稍后再试';
      box.className = 'tx-check is-failed';
    } finally {
      button.disabled = false;
    }
  });
})();
