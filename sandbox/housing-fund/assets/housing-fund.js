// The 承诺书 countdown: the agreement box stays disabled, and the submit button says how long is left,
// until the notice has been on screen for its time; then the box enables (and ticking it enables submit,
// through the kit's data-requires-check).
(() => {
  const start = () => {
    const timer = document.querySelector('[data-countdown]');
    const box = document.querySelector('input[name="cns"]');
    const button = document.querySelector('.hf-submit');
    if (!timer || !box || !button) return;
    let left = Number(timer.dataset.countdown) || 0;
    const tick = () => {
      if (left <= 0) {
        box.disabled = false;
        button.textContent = '提交申请';
        document.querySelector('.hf-notice')?.classList.add('is-read');
        return;
      }
      button.textContent = `请阅读承诺书（${left}秒）`;
      left -= 1;
      setTimeout(tick, 1000);
    };
    tick();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
