import type { Locator } from 'playwright-core';
import { regionPath } from '../../../forms/codes/index.ts';
import { PortalChangedError, PortalUnavailableError, ValueRejectedError } from '../../errors/index.ts';
import { waitFor, waitForPortal } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { asText, labelFor, type OptionLabels, tap } from '../widgets/common.ts';
import { libraryFamily } from './family.ts';
import { cssString, TRIES } from './library-dom.ts';
import { boxes, fits, openPopup, shown } from './tdesign-dom.ts';
import { tdesignPicker } from './tdesign-picker.ts';
import { tdesignNotice, tdesignUpload } from './tdesign-upload.ts';

/**
 * TDesign (tdesign-vue-next 1.x) as its documentation renders its components:
 *   select    `.t-select` with a readonly-or-filter `input.t-input__inner`; its list is teleported to <body>:
 *             `.t-popup.t-select__dropdown li.t-select-option[title=…]` (the chosen label shows in the input)
 *   cascader  `.t-cascader` with a readonly input; the columns `.t-cascader__menu li.t-cascader__item` sit in
 *             a teleported `.t-popup`; a lazy (`load`) column appears after its parent item is clicked
 *   date      `.t-date-picker` (day or `mode="month"`) with a teleported panel: see tdesign-picker.ts
 *   checkbox  `label.t-checkbox` (`.t-is-checked` when ticked, text in `.t-checkbox__label`); radio `.t-radio`
 *   upload    `.t-upload input[type=file]` (hidden, behind the 选择文件 button)
 *   dialog    `.t-dialog` teleported, buttons `.t-dialog__footer button` (`.t-dialog__confirm`)
 * A field whose markup is not this fails within FIT_MS as PORTAL_CHANGED naming the selector; only what the
 * portal loads (a list's options, a cascader's next column, an upload's answer) is waited for as long as a page.
 */

// ——— select ———

/**
 * Opens the list and taps the option by its title. A list still loading (`.t-select__loading-tips`, or no
 * options at all) is the portal's to bring; one that has options but not this one for `findTimeoutMs`
 * means the portal offers something else.
 */
async function choose(run: RunContext, box: Locator, label: string): Promise<void> {
  if ((await shown(box)) === label) return;
  for (let attempt = 1; attempt <= TRIES; attempt += 1) {
    const popup = await openPopup(run, box, '.t-select__dropdown', '下拉框');
    let loadedSince: number | undefined;
    const option = await waitForPortal(
      run,
      async () => {
        const options = popup.locator('li.t-select-option');
        const hit = options.and(popup.locator(`li[title=${cssString(label)}]`));
        if ((await hit.count()) > 0) return hit.first();
        if ((await options.count()) > 0) {
          loadedSince ??= Date.now();
          if (Date.now() - loadedSince >= run.settings.findTimeoutMs)
            throw new PortalChangedError(`TDesign 下拉列表中没有“${label}”这一项`);
        }
        return undefined;
      },
      run.settings.navigationTimeoutMs,
    );
    if (!option) throw new PortalUnavailableError(`下拉列表未能加载（等待“${label}”）`);
    // The option shows: the browser's to click and the page's to take, which a busy browser takes well
    // over a second for (given 600 ms, the click was abandoned and an option on offer failed as a changed
    // portal), so both get the find budget.
    await tap(option, run.settings.findTimeoutMs).catch(() => undefined);
    const chosen = async () => ((await shown(box)) === label ? true : undefined);
    if (await waitFor(chosen, run.settings.findTimeoutMs)) return;
  }
  throw new PortalChangedError(
    `TDesign 下拉框未能选中“${label}”（.t-select__dropdown li.t-select-option[title=${cssString(label)}]）`,
  );
}

const SELECT = '.t-select:not(.t-date-picker__header-controller .t-select)';

const select = (options: OptionLabels | undefined): Widget => ({
  kind: 'tdesign-select',
  waitsOnPortal: true,
  async fill(run, field, value) {
    const box = await fits(run, field, SELECT, '下拉框');
    await choose(run, box.first(), labelFor(options, asText(value)));
  },
  async read(run, field) {
    return shown((await fits(run, field, SELECT, '下拉框')).first());
  },
  expected: (value) => labelFor(options, asText(value)),
});

// ——— cascader ———

const regionNames = (code: string): string[] => {
  const path = regionPath(code).map((region) => region.name);
  if (path.length !== 3) throw new ValueRejectedError(`行政区划代码“${code}”不是区县一级`, []);
  return path;
};

/** What the cascader shows, without the separators' spaces: 福建省/漳州市/龙文区. */
const cascaderText = async (box: Locator) => (await shown(box)).replace(/\s+/g, '');

/** Clicks the path column by column; a column that is lazy appears after its parent is clicked. */
async function pickPath(run: RunContext, box: Locator, names: readonly string[]): Promise<void> {
  const wanted = names.join('/');
  if ((await cascaderText(box)) === wanted) return;
  const popup = await openPopup(run, box, '.t-cascader__popup, .t-cascader__menus', '级联选择');
  for (const [level, name] of names.entries()) {
    const menu = popup.locator('.t-cascader__menu').nth(level);
    const item = menu.locator('li.t-cascader__item').filter({
      has: run.page.locator(`.t-cascader__item-label[title=${cssString(name)}]`),
    });
    let loadedSince: number | undefined;
    const found = await waitForPortal(
      run,
      async () => {
        if ((await item.count()) > 0) return item.first();
        if ((await menu.locator('li.t-cascader__item').count()) > 0) {
          loadedSince ??= Date.now();
          if (Date.now() - loadedSince >= run.settings.findTimeoutMs)
            throw new PortalChangedError(`TDesign 级联选择第 ${level + 1} 列中没有“${name}”`);
        }
        return undefined;
      },
      run.settings.navigationTimeoutMs,
    );
    if (!found) throw new PortalUnavailableError(`级联选择第 ${level + 1} 列未能加载（等待“${name}”）`);
    await found.click();
  }
  const done = await waitFor(
    async () => ((await cascaderText(box)) === wanted ? true : undefined),
    run.settings.findTimeoutMs,
  );
  if (!done)
    throw new PortalChangedError(`TDesign 级联选择点选“${wanted}”后未显示该路径（.t-cascader input）`);
}

const region = (): Widget => ({
  kind: 'tdesign-cascader',
  waitsOnPortal: true,
  async fill(run, field, value) {
    const box = await fits(run, field, '.t-cascader', '级联选择');
    await pickPath(run, box.first(), regionNames(asText(value)));
  },
  async read(run, field) {
    return cascaderText((await fits(run, field, '.t-cascader', '级联选择')).first());
  },
  expected: (value) => regionNames(asText(value)).join('/'),
});

/** The TDesign family: every spec kind. */
export const tdesignFamily = libraryFamily('tdesign', {
  select,
  region,
  date: tdesignPicker,
  checkboxes: boxes.checkboxes,
  radio: boxes.radio,
  checkbox: boxes.checkbox,
  upload: tdesignUpload,
  notice: tdesignNotice,
});
