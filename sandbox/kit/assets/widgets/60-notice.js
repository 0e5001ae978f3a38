// A notice must be scrolled to its end before its checkbox enables; buttons with
// data-requires-check="<checkbox name>" stay disabled until that box is ticked.
(() => {
  const sync = () => {
    for (const button of document.querySelectorAll('[data-requires-check]')) {
      const box = document.querySelector(`input[name="${CSS.escape(button.dataset.requiresCheck)}"]`);
      button.disabled = !box?.checked;
    }
  };
  document.addEventListener(
    'scroll',
    (event) => {
      const body = event.target;
      if (!body.classList?.contains('k-notice__body')) return;
      if (body.scrollTop + body.clientHeight < body.scrollHeight - 4) return;
      const notice = body.closest('.k-notice');
      notice.classList.add('is-read');
      notice.querySelector('.k-notice__status').textContent = '您已阅读完毕，请勾选确认';
      notice.querySelector('.k-notice__agree input').disabled = false;
    },
    true,
  );
  document.addEventListener('change', sync);
  K.onInit(sync);
})();
