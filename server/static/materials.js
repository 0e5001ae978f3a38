// 上传材料 without page reloads: a chosen file is sent at once and the card shows 「正在识别…」, readings are
// swapped in as they land (server-sent events), role ticks are saved as they change and 确认无误 is sent in
// place. Without JavaScript every form still posts and the server answers with the whole page.
(() => {
  const root = document.querySelector('[data-live-self]');
  if (!root) return;
  const applicationId = root.getAttribute('data-live-self');
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

  /** Replaces the materials and the progress line with those of a freshly rendered page. */
  function swap(text) {
    const next = new DOMParser().parseFromString(text, 'text/html');
    const materials = next.querySelector('[data-live-self]');
    if (!materials) return;
    root.innerHTML = materials.innerHTML;
    const progress = next.querySelector('[data-materials-progress]');
    const mine = document.querySelector('[data-materials-progress]');
    if (progress && mine) mine.textContent = progress.textContent;
  }

  async function post(form, extraHeaders = {}) {
    // Only uploads are multipart; the other forms post as a browser would without JavaScript.
    const data = new FormData(form);
    const body = form.enctype === 'multipart/form-data' ? data : new URLSearchParams(data);
    const response = await fetch(form.action, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf(), ...extraHeaders },
    });
    return response;
  }

  let refreshing = false;
  let again = false;
  async function refresh() {
    if (refreshing || savingRoles || root.querySelector('.upload--busy')) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      const response = await fetch(window.location.pathname, { credentials: 'same-origin' });
      if (response.ok && !savingRoles) swap(await response.text());
    } finally {
      refreshing = false;
      if (again) {
        again = false;
        void refresh();
      }
    }
  }

  // A file chosen is uploaded at once; the answer (the page, or the page with the error beside the field) is
  // swapped in, where the new document already says 「正在识别…」.
  root.addEventListener('change', async (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    const form = input.closest('form[data-upload]');
    if (!form || !input.files || input.files.length === 0) return;
    form.classList.add('upload--busy');
    const label = form.querySelector('.upload__pick span:nth-child(2)');
    if (label) label.textContent = `正在上传 ${input.files[0].name} …`;
    try {
      const response = await post(form);
      swap(await response.text());
    } catch {
      form.submit();
      return;
    }
    // A reading that landed meanwhile was held back: fetch it now.
    if (again) {
      again = false;
      void refresh();
    }
  });

  // 确认无误 beside a reading.
  root.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-inline-form')) return;
    event.preventDefault();
    const button = form.querySelector('button');
    if (button) button.disabled = true;
    try {
      const response = await post(form);
      swap(await response.text());
    } catch {
      form.submit();
    }
  });

  // Role ticks: saved as they change, through the same form 下一步 posts.
  const rolesForm = document.querySelector('[data-roles-form]');
  const status = document.querySelector('[data-roles-status]');
  let savingRoles = null;
  let rolesTimer;
  async function saveRoles() {
    if (!rolesForm) return;
    if (status) status.textContent = '正在保存职务…';
    const saving = post(rolesForm, { 'X-Requested-With': 'fetch' })
      .then((response) => {
        if (status) status.textContent = response.ok ? '职务已保存' : '职务保存失败，请点下一步重试';
      })
      .catch(() => {
        if (status) status.textContent = '职务保存失败，请点下一步重试';
      });
    savingRoles = saving;
    await saving;
    if (savingRoles === saving) savingRoles = null;
    if (!savingRoles && again) {
      again = false;
      void refresh();
    }
  }
  document.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.getAttribute('form') !== 'roles-form') return;
    clearTimeout(rolesTimer);
    rolesTimer = setTimeout(() => void saveRoles(), 120);
  });

  // Readings land while the applicant waits: swap them in, no reload.
  if ('EventSource' in window) {
    const since = document.querySelector('meta[name="live-since"]')?.getAttribute('content');
    const source = new EventSource(since ? `/events?since=${encodeURIComponent(since)}` : '/events');
    let timer;
    const onEvent = (event) => {
      let data = {};
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (data.applicationId !== applicationId) return;
      // Already on screen (this page's own upload, swapped in with its answer): no swap under the person's
      // hands while they pick the next file.
      const shown =
        data.documentId && root.querySelector(`[data-document="${CSS.escape(String(data.documentId))}"]`);
      if (data.removed ? !shown : shown && shown.getAttribute('data-ocr') === data.ocrStatus) return;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), 50);
    };
    // Only documents change this page (uploads, readings); saves of roles and the form do not.
    source.addEventListener('document', onEvent);
    window.addEventListener('beforeunload', () => source.close());
  }
})();
