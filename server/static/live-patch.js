// 一件事 · 一键办 — pages marked [data-live-patch] update in place: on a live event (app.js) the page is
// fetched again and each changed [data-patch-id] region is swapped, without a reload. A region the person
// is typing in is left alone (its changed parts inside are still patched), so nothing they type is lost.
(() => {
  const root = document.querySelector('[data-live-patch]');
  if (!root) return;

  /** Someone is typing here: focus in a field, or a value changed from what the page came with. */
  const busy = (element) => {
    const active = document.activeElement;
    if (active && element.contains(active) && active.matches('input, textarea, select')) return true;
    return [...element.querySelectorAll('input, textarea')].some(
      (field) => field.type !== 'hidden' && field.value !== field.defaultValue,
    );
  };

  /** The patch regions directly under `container` (not those inside a nested region). */
  const regionsUnder = (container) =>
    [...container.querySelectorAll('[data-patch-id]')].filter((region) => {
      const outer = region.parentElement?.closest('[data-patch-id]');
      return container.matches('[data-patch-id]') ? outer === container : !outer;
    });

  function patch(current, next) {
    if (current.outerHTML === next.outerHTML) return;
    if (!busy(current)) {
      current.replaceWith(document.importNode(next, true));
      return;
    }
    for (const region of regionsUnder(next)) {
      const old = current.querySelector(`[data-patch-id="${CSS.escape(region.dataset.patchId)}"]`);
      if (old) patch(old, region);
    }
  }

  let timer;
  let running = false;
  let again = false;
  async function refresh() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const response = await fetch(window.location.href, {
        credentials: 'same-origin',
        headers: { Accept: 'text/html' },
      });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const region of regionsUnder(next.body)) {
        const old = document.querySelector(`[data-patch-id="${CSS.escape(region.dataset.patchId)}"]`);
        if (old) patch(old, region);
      }
      tick();
    } catch {
      // The next event tries again; the page stays as it was.
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  }
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
  };
  document.addEventListener('yijian:live', (event) => {
    event.preventDefault();
    schedule();
  });

  // Elapsed times keep counting between events: 「1 分 05 秒」, as the server writes them.
  function tick() {
    for (const element of document.querySelectorAll('[data-since]')) {
      const since = Date.parse(element.getAttribute('data-since') ?? '');
      if (Number.isNaN(since)) continue;
      const total = Math.max(0, Math.round((Date.now() - since) / 1000));
      const minutes = Math.floor(total / 60);
      const seconds = total % 60;
      element.textContent = minutes
        ? `${minutes} 分 ${String(seconds).padStart(2, '0')} 秒`
        : `${seconds} 秒`;
    }
  }
  setInterval(tick, 1000);
})();
