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
    bindUploads();
    const progress = next.querySelector('[data-materials-progress]');
    const mine = document.querySelector('[data-materials-progress]');
    if (progress && mine) mine.textContent = progress.textContent;
    showRefused();
  }

  /**
   * Why an upload was refused (413, 422…), by its file input's id: kept in the card through the swaps of later
   * answers (which do not know of it) until a file is chosen there again.
   */
  const refused = new Map();
  function showRefused() {
    for (const [inputId, message] of refused) {
      const input = root.querySelector(`#${CSS.escape(inputId)}`);
      const form = input?.closest('form[data-upload]');
      if (!form || form.querySelector('.field__error')) continue;
      const error = document.createElement('p');
      error.className = 'field__error';
      error.id = `${inputId}-error`;
      error.setAttribute('role', 'alert');
      error.textContent = message;
      form.append(error);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
    }
  }
  /** The refusal's words: beside the field on the page answered, or the error page's. */
  function refusal(text, inputId, status) {
    const page = new DOMParser().parseFromString(text, 'text/html');
    const said =
      page.querySelector(`#${CSS.escape(inputId)}-error`) ?? page.querySelector('.error-page__text');
    return said?.textContent?.trim() || `上传失败（${status}），请重试`;
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
  /** Uploads and 确认无误 sent and not yet answered: a swap now would put a stale page over them. */
  let posting = 0;
  let savingRoles = null;
  let rolesTimer;
  // Ticks not yet saved (waiting out the pause, or being posted) would be undone by a swap too.
  const busy = () => posting > 0 || savingRoles !== null || rolesTimer !== undefined;

  /** Document events not yet on screen; `refresh` fetches the page once they are all known. */
  let pending = [];
  const onScreen = (data) => {
    const shown =
      data.documentId && root.querySelector(`[data-document="${CSS.escape(String(data.documentId))}"]`);
    return data.removed ? !shown : Boolean(shown) && shown.getAttribute('data-ocr') === data.ocrStatus;
  };
  /**
   * Swaps in a freshly rendered page when an event is not on screen yet. Never while the person is busy: what
   * ends the business (an upload answered, roles saved) calls it again. An event the answer of this page's
   * own upload already shows (its 'pending' arrives before the answer) is dropped: no swap under the person's
   * hands while they pick the next file.
   */
  async function refresh() {
    if (refreshing || busy()) return;
    const wanted = pending.filter((data) => !onScreen(data));
    pending = [];
    if (wanted.length === 0) return;
    refreshing = true;
    try {
      const response = await fetch(window.location.pathname, { credentials: 'same-origin' });
      const text = await response.text();
      // An upload or a tick started while the page was fetched: this page may be older than it.
      if (busy()) pending.unshift(...wanted);
      else if (response.ok) swap(text);
    } finally {
      refreshing = false;
      if (pending.length > 0) void refresh();
    }
  }

  /**
   * The answer of an upload or a 确认无误 is the whole page as the server saw it then. While another upload (or
   * a tick) is still under way it is held, not swapped in: a swap would put that page over the busy card. The
   * answer that lands last wins, once nothing is busy; readings it does not show yet come through refresh.
   */
  let held;
  function settle() {
    if (held !== undefined && !busy()) {
      const answer = held;
      held = undefined;
      swap(answer);
    }
    // A reading that landed meanwhile was held back: fetch it now.
    void refresh();
  }
  function land(answer) {
    held = answer;
    settle();
  }

  // A file chosen is uploaded at once; the answer (the page, or the page with the error beside the field) is
  // swapped in, where the new document already says 「正在识别…」. The listener sits on each file input, not
  // on root: should a swap replace the input while the file chooser is open, the change fires on the old,
  // detached input, which bubbles to root no more. Its form still holds the file, and is sent.
  async function onFileChosen(event) {
    const input = event.currentTarget;
    const form = input.closest('form[data-upload]');
    if (!form || !input.files || input.files.length === 0) return;
    posting += 1;
    refused.delete(input.id);
    form.querySelector('.field__error')?.remove();
    form.classList.add('upload--busy');
    const label = form.querySelector('.upload__pick span:nth-child(2)');
    const slotLabel = label?.textContent;
    if (label) label.textContent = `正在上传 ${input.files[0].name} …`;
    let answer;
    let response;
    try {
      response = await post(form);
      answer = await response.text();
    } catch {
      // The browser sends only a form that is in the page.
      if (!form.isConnected) root.append(form);
      form.submit();
      return;
    } finally {
      posting -= 1;
    }
    if (!response.ok) {
      // Refused: nothing stored. The error stays in the card; an answer held for the others still lands.
      refused.set(input.id, refusal(answer, input.id, response.status));
      form.classList.remove('upload--busy');
      if (label) label.textContent = slotLabel ?? '';
      showRefused();
      settle();
      return;
    }
    if (busy()) {
      // Stored; shown with the page the last upload brings back.
      form.classList.remove('upload--busy');
      if (label) label.textContent = `已上传 ${input.files[0]?.name ?? ''}，其他文件上传完后一并显示`;
    }
    land(answer);
  }
  function bindUploads() {
    for (const input of root.querySelectorAll('form[data-upload] input[type="file"]'))
      input.addEventListener('change', onFileChosen);
  }
  bindUploads();

  // 确认无误 beside a reading.
  root.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-inline-form')) return;
    event.preventDefault();
    const button = form.querySelector('button');
    if (button) button.disabled = true;
    posting += 1;
    let answer;
    try {
      answer = await (await post(form)).text();
    } catch {
      form.submit();
      return;
    } finally {
      posting -= 1;
    }
    land(answer);
  });

  // Role ticks: saved as they change, through the same form 下一步 posts.
  const rolesForm = document.querySelector('[data-roles-form]');
  const status = document.querySelector('[data-roles-status]');
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
    settle();
  }
  document.addEventListener('change', (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.getAttribute('form') !== 'roles-form') return;
    clearTimeout(rolesTimer);
    rolesTimer = setTimeout(() => {
      rolesTimer = undefined;
      void saveRoles();
    }, 120);
  });

  // Readings land while the applicant waits: swap them in, no reload.
  let timer;
  // Only documents change this page (uploads, readings); saves of roles and the form do not.
  window.yijian.liveEvents(['document'], (data) => {
    if (data.applicationId !== applicationId || onScreen(data)) return;
    pending.push(data);
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 50);
  });
})();
