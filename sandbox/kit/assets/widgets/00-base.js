// Shared helpers of the portal widgets: a namespace, XHR with JSON, init hooks for rows added later.
window.K = (() => {
  const initializers = [];
  const request = (method, url, body) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      if (body && !(body instanceof FormData)) xhr.setRequestHeader('Content-Type', 'application/json');
      xhr.onload = () => {
        let data = null;
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = { ok: false, message: '系统繁忙，请稍后再试' };
        }
        resolve({ status: xhr.status, data });
      };
      xhr.onerror = () => reject(new Error('网络异常，请检查网络后重试'));
      xhr.send(body instanceof FormData ? body : body ? JSON.stringify(body) : null);
    });
  return {
    request,
    /** Text made safe to put into HTML built as a string (option labels, titles). */
    escapeText: (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`),
    /** Registers `fn(root)`, run on the page and on every row added later. */
    onInit(fn) {
      initializers.push(fn);
    },
    init(root) {
      for (const fn of initializers) fn(root);
    },
    /** The value a form field currently has (checked radio, or the input's value). */
    valueOf(name, scope = document) {
      const fields = [...scope.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
      const radio = fields.find((field) => field.type === 'radio' || field.type === 'checkbox');
      if (radio) return fields.find((field) => field.checked)?.value || '';
      return fields[0] ? fields[0].value : '';
    },
    fire(element, type) {
      element.dispatchEvent(new Event(type, { bubbles: true }));
    },
  };
})();
document.addEventListener('DOMContentLoaded', () => {
  K.init(document);
  for (const dialog of document.querySelectorAll(
    '[data-open-on-load] > .k-modal, .k-modal[data-open-on-load]',
  ))
    dialog.hidden = false;
});
// A form submits once: its buttons turn into "提交中…" until the next page arrives.
document.addEventListener('submit', (event) => {
  const form = event.target;
  setTimeout(() => {
    for (const button of form.querySelectorAll('button[type=submit]')) {
      button.disabled = true;
      button.classList.add('is-loading');
    }
  }, 0);
});
