// SMS code buttons (send, then count down 60 s) and fields shown only while another field has a value.
(() => {
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('.k-sms');
    if (!button || button.disabled) return;
    const phone = K.valueOf(button.dataset.phone);
    if (!/^1[3-9]\d{9}$/.test(phone)) {
      window.alert('请先填写正确的手机号码');
      return;
    }
    button.disabled = true;
    try {
      const { data } = await K.request('POST', button.dataset.url, { phone });
      if (!data.ok) throw new Error(data.message || '发送失败，请稍后再试');
      let left = 60;
      button.textContent = `${left}秒后重新获取`;
      const timer = setInterval(() => {
        left -= 1;
        if (left <= 0) {
          clearInterval(timer);
          button.disabled = false;
          button.textContent = '重新获取';
        } else button.textContent = `${left}秒后重新获取`;
      }, 1000);
    } catch (failure) {
      button.disabled = false;
      window.alert(failure.message);
    }
  });

  const evaluate = (root) => {
    for (const part of root.querySelectorAll('[data-show-when]')) {
      const [name, wanted] = part.dataset.showWhen.split('=');
      const scope = part.closest('.k-row') || document;
      const shown = wanted
        .split('|')
        .includes(K.valueOf(name, scope.querySelector(`[name="${CSS.escape(name)}"]`) ? scope : document));
      part.hidden = !shown;
      for (const field of part.querySelectorAll('input, textarea')) {
        if (!field.closest('.k-notice')) field.disabled = !shown;
      }
    }
  };
  document.addEventListener('change', () => evaluate(document));
  K.onInit(() => evaluate(document));
})();
