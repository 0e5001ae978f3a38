// The application frame of 单位参保登记 (医保): submits by XHR as the bureau's front end does, shows the
// answers beside the fields, keeps what was typed when the server is busy, sends the whole window to the
// login page when the session is gone, and tells the portal page how tall it is.
(() => {
  const BUSY = '系统繁忙，请稍后再试';
  const form = document.getElementById('mi-form');
  const toast = document.querySelector('.mi-toast');
  const submit = form.querySelector('button[type=submit]');

  const say = (kind, text) => {
    toast.className = `mi-toast mi-toast--${kind}`;
    toast.textContent = text;
    toast.hidden = false;
  };
  const clearErrors = () => {
    for (const item of form.querySelectorAll('.k-form-item.is-error')) {
      item.classList.remove('is-error');
      item.querySelector('.k-form-item__error').textContent = '';
    }
  };
  const showErrors = (errors) => {
    for (const [name, message] of Object.entries(errors)) {
      const item = form.querySelector(`[name="${CSS.escape(name)}"]`)?.closest('.k-form-item');
      if (!item) continue;
      item.classList.add('is-error');
      item.querySelector('.k-form-item__error').textContent = message;
    }
  };
  const post = (body) =>
    new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('action'));
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8');
      xhr.onload = () => {
        let data;
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = { ok: false, message: BUSY };
        }
        resolve({ status: xhr.status, data });
      };
      xhr.onerror = () => resolve({ status: 0, data: { ok: false, message: '网络异常，请检查网络后重试' } });
      xhr.send(body);
    });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    toast.hidden = true;
    clearErrors();
    const body = new URLSearchParams(new FormData(form)).toString();
    const { status, data } = await post(body);
    submit.disabled = false;
    submit.classList.remove('is-loading');
    if (status === 401) {
      window.top.location.href = '/login?next=%2Fapply&expired=1';
      return;
    }
    if (data.ok) {
      say('success', `提交成功，业务流水号：${data.reference}，正在打开回执…`);
      setTimeout(() => {
        window.top.location.href = data.receiptUrl;
      }, 300);
      return;
    }
    if (data.errors) showErrors(data.errors);
    say(data.errors ? 'warning' : 'error', data.message || BUSY);
  });

  // body, not the root element: the root's scrollHeight never drops below the frame's own height.
  let reported = 0;
  const report = () => {
    const height = document.body.scrollHeight;
    if (height === reported || window.parent === window) return;
    reported = height;
    window.parent.postMessage({ miFrameHeight: height }, window.location.origin);
  };
  report();
  setInterval(report, 250);
})();
