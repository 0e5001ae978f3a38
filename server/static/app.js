// 一件事 · 一键办 — the little JavaScript every page shares. Pages work without it; this adds confirmations,
// the CSRF header for fetch, and live updates (server-sent events) so nobody has to press refresh.
(() => {
  document.documentElement.classList.add('js');

  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

  /** fetch with the session's CSRF token; resolves to the parsed JSON or throws with the server's message. */
  async function api(url, options = {}) {
    const headers = new Headers(options.headers ?? {});
    headers.set('X-CSRF-Token', csrf());
    if (options.body && !(options.body instanceof FormData)) headers.set('Content-Type', 'application/json');
    const response = await fetch(url, { credentials: 'same-origin', ...options, headers });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(body?.error?.message ?? '操作失败，请稍后再试');
      error.issues = body?.error?.issues ?? [];
      error.status = response.status;
      throw error;
    }
    return body;
  }
  window.yijian = { api, csrf };

  // Buttons that need a second thought.
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-confirm]') : null;
    if (button && !window.confirm(button.getAttribute('data-confirm') ?? '确定吗？')) event.preventDefault();
  });

  function toast(text) {
    let box = document.querySelector('.toast');
    if (!box) {
      box = document.createElement('div');
      box.className = 'toast';
      box.setAttribute('role', 'status');
      document.body.append(box);
    }
    box.textContent = text;
    return box;
  }
  window.yijian.toast = toast;

  /**
   * Follows the server's events of these types, each handed over parsed (a malformed one is dropped), until
   * the page unloads. `since` replays the changes made while this page was being built, so none is lost in
   * the gap between rendering and listening.
   */
  function liveEvents(types, onData) {
    if (!('EventSource' in window)) return;
    const since = document.querySelector('meta[name="live-since"]')?.getAttribute('content');
    const source = new EventSource(since ? `/events?since=${encodeURIComponent(since)}` : '/events');
    const onEvent = (event) => {
      let data = {};
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      onData(data);
    };
    for (const type of types) source.addEventListener(type, onEvent);
    window.addEventListener('beforeunload', () => source.close());
  }
  window.yijian.liveEvents = liveEvents;

  // Live updates: pages that show an application (or a list of them) refresh when it changes, unless the
  // person is in the middle of typing, in which case they are told and choose when.
  const watched = document.querySelector('[data-live-application]')?.getAttribute('data-live-application');
  const list = document.querySelector('[data-live-list]');
  if (watched || list) {
    let dirty = false;
    document.addEventListener('input', () => {
      dirty = true;
    });
    const refresh = () => {
      if (dirty) {
        const box = toast('内容有更新，点此刷新');
        box.addEventListener('click', () => window.location.reload(), { once: true });
        return;
      }
      sessionStorage.setItem('yijian-scroll', String(window.scrollY));
      window.location.reload();
    };
    let timer;
    const types = ['application', 'document', 'item', 'human-task', 'run'];
    // A bot's steps are frequent: only pages that patch themselves in place follow them.
    if (document.querySelector('[data-live-patch]')) types.push('step');
    liveEvents(types, (data) => {
      if (list || data.applicationId === watched) {
        // A page that patches itself in place (live-patch.js) takes the event; the others reload.
        const live = new CustomEvent('yijian:live', { detail: data, cancelable: true });
        if (!document.dispatchEvent(live)) return;
        clearTimeout(timer);
        timer = setTimeout(refresh, 300);
      }
    });
  }
  const scroll = sessionStorage.getItem('yijian-scroll');
  if (scroll) {
    sessionStorage.removeItem('yijian-scroll');
    window.scrollTo(0, Number(scroll));
  }
})();
