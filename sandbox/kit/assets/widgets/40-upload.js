// Upload slots: the file is posted at once; the form keeps only the id the server returns.
(() => {
  document.addEventListener('click', (event) => {
    const button = event.target.closest('.k-upload__btn');
    if (button) button.closest('.k-upload').querySelector('.k-upload__file').click();
  });
  document.addEventListener('change', async (event) => {
    const input = event.target;
    if (!input.classList?.contains('k-upload__file') || !input.files.length) return;
    const slot = input.closest('.k-upload');
    const hidden = slot.querySelector(':scope > input[type=hidden]');
    const name = slot.querySelector('.k-upload__name');
    const error = slot.querySelector('.k-upload__error');
    const file = input.files[0];
    const body = new FormData();
    body.append('slot', slot.dataset.slot);
    body.append('file', file, file.name);
    error.textContent = '';
    name.textContent = '上传中…';
    slot.classList.remove('is-done', 'is-error');
    slot.classList.add('is-uploading');
    try {
      const { data } = await K.request('POST', slot.dataset.url, body);
      if (!data.ok) throw new Error(data.message || '上传失败');
      hidden.value = data.id;
      name.textContent = `${data.fileName}（${Math.ceil(data.size / 1024)}KB）`;
      slot.classList.add('is-done');
    } catch (failure) {
      hidden.value = '';
      name.textContent = '';
      error.textContent = failure.message;
      slot.classList.add('is-error');
    } finally {
      slot.classList.remove('is-uploading');
      input.value = '';
      K.fire(hidden, 'change');
    }
  });
})();
