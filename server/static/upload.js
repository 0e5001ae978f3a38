// Uploads start as soon as a file is chosen (no separate "上传" click); the form still posts normally, so
// the server answers beside the field exactly as it does without JavaScript.
(() => {
  for (const form of document.querySelectorAll('form[data-upload]')) {
    const input = form.querySelector('input[type="file"]');
    if (!input) continue;
    input.addEventListener('change', () => {
      if (!input.files || input.files.length === 0) return;
      form.classList.add('upload--busy');
      const label = form.querySelector('.upload__pick span:nth-child(2)');
      if (label) label.textContent = `正在上传 ${input.files[0].name} …`;
      form.submit();
    });
  }
})();
