/**
 * The look for sensitive values in one frame's DOM, run inside the page just before a step's screenshot. It is
 * JavaScript source rather than a function handed to `evaluate`: the CLI runs through tsx, which names nested
 * functions with a helper that does not exist in the browser (as bots/runtime/census/scan.ts).
 *
 * It is called with the values already spelt the way it compares them (separators removed, upper case) and
 * the mask colour. It finds each value in the page's text (across text nodes, so `<b>3506</b>03…` counts) and
 * in the values of inputs, textareas and selects, covers every place with a box of the mask colour, and
 * returns those places in the frame's viewport coordinates. The boxes sit in one element marked
 * `data-yijian-mask`, on top of everything (in the top layer too when a modal <dialog> or a popover is open);
 * `CLEAR_SOURCE` removes it after the screenshot.
 */
export const MASK_SOURCE = String.raw`(({ needles, color }) => {
  const SEPARATOR = /[\s\u00a0\u3000\-\u2010-\u2015\uff0d]/;
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'OPTION', 'TEXTAREA']);
  const spell = (value) => {
    let out = '';
    for (const c of value) if (!SEPARATOR.test(c)) out += c.toUpperCase();
    return out;
  };
  const holds = (value) => { const s = spell(value); return needles.some((n) => s.includes(n)); };
  const rects = [];
  const keep = (r) => { if (r.width > 0 && r.height > 0) rects.push([r.left, r.top, r.width, r.height]); };
  document.querySelectorAll('[data-yijian-mask]').forEach((e) => e.remove());
  // Text: one string of every visible character but separators, each with its node and offset.
  let text = '';
  const nodes = [];
  const offsets = [];
  const root = document.body || document.documentElement;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || SKIP.has(parent.tagName)) continue;
    const data = node.data;
    for (let i = 0; i < data.length; i += 1) {
      const c = data[i];
      if (SEPARATOR.test(c)) continue;
      text += c.toUpperCase();
      nodes.push(node);
      offsets.push(i);
    }
  }
  const range = document.createRange();
  for (const needle of needles) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length - 1;
      range.setStart(nodes[at], offsets[at]);
      range.setEnd(nodes[end], offsets[end] + 1);
      for (const r of range.getClientRects()) keep(r);
    }
  }
  // Values typed into fields (a field bound under another name, a summary repeating the form).
  for (const el of document.querySelectorAll('input, textarea, select')) {
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (['hidden', 'file', 'checkbox', 'radio'].includes(type)) continue;
    const shown = el.tagName === 'SELECT' ? [...el.selectedOptions].map((o) => o.text + ' ' + o.value).join(' ') : el.value;
    if (shown && holds(shown)) keep(el.getBoundingClientRect());
  }
  if (rects.length === 0) return { rects, scrollX: window.scrollX, scrollY: window.scrollY };
  const host = document.createElement('div');
  host.setAttribute('data-yijian-mask', '');
  // The host is the boxes' containing block: at the document's origin, in the top layer as elsewhere.
  const still = 'position:absolute;inset:auto;left:0;top:0;width:0;height:0;margin:0;padding:0;border:0;'
    + 'overflow:visible;background:transparent;pointer-events:none;z-index:2147483647;';
  host.setAttribute('style', still);
  for (const [x, y, w, h] of rects) {
    const box = document.createElement('div');
    // One pixel more on each side: anti-aliased glyph edges stay under the box.
    box.setAttribute('style', 'position:absolute;margin:0;padding:0;border:0;background:' + color
      + ';left:' + (x + window.scrollX - 1) + 'px;top:' + (y + window.scrollY - 1) + 'px;width:' + (w + 2)
      + 'px;height:' + (h + 2) + 'px;');
    host.appendChild(box);
  }
  document.documentElement.appendChild(host);
  // A modal <dialog> or an open popover is drawn in the top layer, above any z-index: join it there.
  let topLayer = false;
  try { topLayer = !!document.querySelector(':modal, :popover-open'); } catch (e) { topLayer = false; }
  if (topLayer && host.showPopover) {
    host.setAttribute('popover', 'manual');
    host.showPopover();
    host.setAttribute('style', still);
  }
  return { rects, scrollX: window.scrollX, scrollY: window.scrollY };
})`;

/** Takes the boxes away again once the screenshot is taken. */
export const CLEAR_SOURCE = `(() => {
  document.querySelectorAll('[data-yijian-mask]').forEach((e) => e.remove());
})()`;
