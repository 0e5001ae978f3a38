// The slider CAPTCHA of the login page: a new puzzle from the server, the handle dragged with the pointer, the
// distance posted on release; a pass leaves a one-time ticket in the form, a miss loads another picture.
(() => {
  const initSlider = (slider) => {
    const handle = slider.querySelector('.bk-slider__handle');
    const piece = slider.querySelector('.bk-slider__piece');
    const fill = slider.querySelector('.bk-slider__fill');
    const text = slider.querySelector('.bk-slider__text');
    const error = slider.querySelector('.bk-slider__error');
    const ticket = slider.querySelector('input[name=hkpz]');
    const max = slider.querySelector('.bk-slider__track').clientWidth - handle.offsetWidth;
    let start = null;
    const move = (x) => {
      const dx = Math.max(0, Math.min(max, x));
      handle.style.left = `${dx}px`;
      piece.style.left = `${dx}px`;
      fill.style.width = `${dx + handle.offsetWidth / 2}px`;
      handle.setAttribute('aria-valuenow', String(Math.round(dx)));
      return dx;
    };
    const load = async () => {
      slider.classList.remove('is-passed', 'is-failed');
      ticket.value = '';
      move(0);
      text.textContent = '向右拖动滑块完成拼图';
      const { data } = await K.request('GET', slider.dataset.api);
      if (!data.ok) throw new Error(data.message);
      slider.querySelector('.bk-slider__bg').src = data.background;
      piece.src = data.piece;
      slider.classList.add('is-ready');
    };
    handle.addEventListener('pointerdown', (event) => {
      if (slider.classList.contains('is-passed')) return;
      start = event.clientX;
      handle.setPointerCapture(event.pointerId);
      slider.classList.add('is-dragging');
    });
    handle.addEventListener('pointermove', (event) => {
      if (start !== null) move(event.clientX - start);
    });
    handle.addEventListener('pointerup', async (event) => {
      if (start === null) return;
      const x = move(event.clientX - start);
      start = null;
      slider.classList.remove('is-dragging');
      const { data } = await K.request('POST', `${slider.dataset.api}/verify`, { x: Math.round(x) });
      if (data.ok) {
        ticket.value = data.ticket;
        slider.classList.add('is-passed');
        text.textContent = '验证通过';
        error.textContent = '';
        return;
      }
      slider.classList.add('is-failed');
      error.textContent = data.message;
      setTimeout(() => load().catch(() => {}), 500);
    });
    slider.querySelector('.bk-slider__refresh').addEventListener('click', () => load().catch(() => {}));
    load().catch((failure) => {
      error.textContent = failure.message;
    });
  };

  document.addEventListener('DOMContentLoaded', () => {
    for (const slider of document.querySelectorAll('.bk-slider')) initSlider(slider);
  });
})();
