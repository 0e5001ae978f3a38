import type { Locator } from 'playwright-core';
import { regionPath } from '../../../forms/codes/index.ts';
import { PortalChangedError, PortalUnavailableError, ValueRejectedError } from '../../errors/index.ts';
import { turnWheel } from '../bounded.ts';
import { waitFor, waitForPortal } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { asText, labelFor, type OptionLabels, tap } from '../widgets/common.ts';
import { libraryFamily } from './family.ts';
import { boxes } from './layui-boxes.ts';
import { fits } from './layui-dom.ts';
import { laydate } from './layui-laydate.ts';
import { upload } from './layui-upload.ts';
import { cssString, FIT_MS, TRIES } from './library-dom.ts';
import { libraryNotice } from './library-notice.ts';

/**
 * layui (2.x) as its documentation describes its rendered form: `form.render()` hides each <select>,
 * checkbox and radio and puts its own skin right after it —
 *   select   <div class="layui-form-select"><div class="layui-select-title"><input readonly></div><dl><dd lay-value>…
 *            (with `lay-append-to`, the <dl> sits in a `.layui-select-panel-wrap` appended to <body> while open)
 *   checkbox <div class="layui-form-checkbox"><div>title</div><i></i></div>   radio <div class="layui-form-radio">
 *   laydate  a `.layui-laydate` panel appended to <body>: header `.laydate-set-ym span[lay-ym="2026-12"]`,
 *            arrows `.laydate-prev-m/-next-m/-prev-y/-next-y`, days `td[lay-ymd="2026-12-7"]`; with `type: 'month'`
 *            the months `ul.laydate-month-list li[lay-ym="0".."11"]`
 *   upload   `upload.render({ elem })` adds a hidden `input.layui-upload-file` beside the button
 *   layer    `.layui-layer` with `.layui-layer-content` and buttons `.layui-layer-btn a` (btn0 = confirm).
 * A field whose markup is not this fails within FIT_MS as PORTAL_CHANGED naming what was looked for; only
 * what the portal loads (a list's options, an upload's answer) is waited for as long as a page.
 */

// ——— select ———

interface LayuiSelect {
  /** The hidden <select> layui renders from: the options the page has loaded. */
  native: Locator;
  /** The skin: `.layui-form-select` right after the <select>. */
  skin: Locator;
}

const titleOf = (select: LayuiSelect) => select.skin.locator('.layui-select-title input');

async function selectsIn(run: RunContext, field: Locator, count = 1): Promise<LayuiSelect[]> {
  await fits(run, field, 'select + .layui-form-select .layui-select-title', '下拉框');
  const natives = field.locator('select');
  const n = await natives.count();
  if (n < count) throw new PortalChangedError(`layui 下拉框不足 ${count} 个（select + .layui-form-select）`);
  return Array.from({ length: n }, (_, i) => {
    const native = natives.nth(i);
    return {
      native,
      skin: native.locator('xpath=following-sibling::*[contains(@class,"layui-form-select")][1]'),
    };
  });
}

/**
 * The value of the option reading `label`, once the page has loaded it into the <select>. A list that has
 * options but not this one for a while means the portal offers something else; one that never loads is the
 * portal's trouble.
 */
async function optionValue(run: RunContext, select: LayuiSelect, label: string): Promise<string> {
  let loadedSince: number | undefined;
  const found = await waitForPortal(
    run,
    async () => {
      const options = await select.native.evaluate((element) =>
        [...(element as HTMLSelectElement).options].map((o) => ({ value: o.value, text: o.text.trim() })),
      );
      const hit = options.find((o) => o.text === label && o.value !== '');
      if (hit) return hit.value;
      if (options.some((o) => o.value !== '')) {
        loadedSince ??= Date.now();
        if (Date.now() - loadedSince >= run.settings.findTimeoutMs) {
          throw new PortalChangedError(`下拉列表中没有“${label}”这一项`);
        }
      } else loadedSince = undefined;
      return undefined;
    },
    run.settings.navigationTimeoutMs,
  );
  if (found === undefined) throw new PortalUnavailableError(`下拉列表未能加载（等待“${label}”）`);
  return found;
}

/**
 * Opens the list by its title and taps the option, as a person does, until the <select> holds it and the
 * title shows it. The open list is the skin's own <dl>, or the panel layui appended to <body>
 * (`lay-append-to`).
 *
 * Each wait is on what the page shows, never on a fixed time: the option is in the <select> already, so
 * its <dd> is the library's to show, and a <dd> that shows is the browser's to click. A busy browser
 * (a loaded machine, several bots at once) takes well over a second for either, so both get the find
 * budget. A click given less was abandoned before it reached the page, three times over, and a region
 * that was on offer failed as a changed portal.
 */
async function choose(run: RunContext, select: LayuiSelect, label: string): Promise<void> {
  const title = titleOf(select);
  if ((await title.inputValue()) === label) return;
  const value = await optionValue(run, select, label);
  const dd = `dl > dd[lay-value=${cssString(value)}]`;
  const option = select.skin
    .locator(dd)
    .or(run.page.locator(`body > .layui-select-panel-wrap > ${dd}`))
    .filter({ visible: true });
  const budget = run.settings.findTimeoutMs;
  const chosen = async () =>
    (await select.native.inputValue()) === value && (await title.inputValue()) === label ? true : undefined;
  let shown = false;
  for (let attempt = 1; attempt <= TRIES; attempt += 1) {
    // An open list (`layui-form-selected`) is not clicked again: that would shut it.
    const isOpen = await select.skin.evaluate((skin) => skin.classList.contains('layui-form-selected'));
    if (!isOpen) await tap(select.skin.locator('.layui-select-title'), budget).catch(() => undefined);
    if (!(await waitFor(async () => ((await option.count()) > 0 ? true : undefined), budget))) continue;
    shown = true;
    await tap(option.first(), budget).catch(() => undefined);
    // The page takes the choice in the click itself; a list the page re-rendered meanwhile shows again.
    if (await waitFor(chosen, budget)) return;
  }
  throw new PortalChangedError(
    shown
      ? `layui 下拉列表未能选中“${label}”（点击 dd[lay-value=${cssString(value)}] 后 select 的值未变）`
      : `layui 下拉列表未能选中“${label}”（点击 .layui-select-title 后未见可点击的 dd[lay-value=${cssString(value)}]）`,
  );
}

const select = (options: OptionLabels | undefined): Widget => ({
  kind: 'layui-select',
  async fill(run, field, value) {
    const [first] = await selectsIn(run, field);
    if (first) await choose(run, first, labelFor(options, asText(value)));
  },
  async read(run, field) {
    const [first] = await selectsIn(run, field);
    return first ? titleOf(first).inputValue() : '';
  },
  expected: (value) => labelFor(options, asText(value)),
});

const regionNames = (code: string): string[] => {
  const path = regionPath(code).map((region) => region.name);
  if (path.length !== 3) throw new ValueRejectedError(`行政区划代码“${code}”不是区县一级`, []);
  return path;
};

/** 省/市/区 as three layui selects; each level's options load after the level above is chosen. */
const region = (): Widget => ({
  kind: 'layui-region',
  waitsOnPortal: true,
  async fill(run, field, value) {
    const levels = await selectsIn(run, field, 3);
    for (const [i, name] of regionNames(asText(value)).entries()) {
      const level = levels[i];
      if (level) await choose(run, level, name);
    }
  },
  async read(run, field) {
    const levels = await selectsIn(run, field, 3);
    return (await Promise.all(levels.slice(0, 3).map((level) => titleOf(level).inputValue()))).join('/');
  },
  expected: (value) => regionNames(asText(value)).join('/'),
});

// ——— notice ———

/** A notice whose box opens a layer dialog; its text is scrolled to the end before the dialog's first button. */
const notice = libraryNotice({
  kind: 'layui-notice',
  boxes,
  dialog: (run) => run.page.locator('.layui-layer').filter({ visible: true }).last(),
  openMs: (run) => Math.min(FIT_MS, run.settings.findTimeoutMs),
  missing: 'layer 对话框（.layui-layer）',
  name: 'layer 对话框',
  async readToEnd(run, layer) {
    const content = layer.locator('.layui-layer-content');
    await content.hover();
    const read = await waitFor(
      async () => {
        const end = await content.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 4);
        if (end) return true;
        await turnWheel(run, 400);
        return undefined;
      },
      run.settings.navigationTimeoutMs,
      60,
    );
    if (!read) throw new PortalChangedError('layer 对话框的内容无法滚动到末尾（.layui-layer-content）');
  },
  button: (layer, accept) =>
    accept
      ? layer.locator('.layui-layer-btn a').filter({ hasText: accept })
      : layer.locator('.layui-layer-btn0'),
  confirm: '.layui-layer-btn0',
});

/** The layui family: every spec kind, laydate's month panel included. */
export const layuiFamily = libraryFamily('layui', {
  select,
  region,
  date: laydate,
  checkboxes: boxes.checkboxes,
  radio: boxes.radio,
  checkbox: boxes.checkbox,
  upload,
  notice,
});
