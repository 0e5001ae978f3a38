import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { regionPath } from '../../../forms/codes/index.ts';
import { PortalChangedError, PortalUnavailableError, ValueRejectedError } from '../../errors/index.ts';
import type { AttachedDocument } from '../../item-runner.ts';
import { waitFor, waitForPortal } from '../locate.ts';
import { UNAVAILABLE_TEXTS } from '../run.ts';
import type { RunContext, Widget, WidgetSpec } from '../types.ts';
import { asList, asText, labelFor, type OptionLabels, tap } from '../widgets/common.ts';
import { formatDate, parseDate } from '../widgets/date.ts';
import type { UiFamily } from './family.ts';

/**
 * Ant Design Vue (4.x) as its documentation and ARIA roles describe the rendered components:
 *   select    `.ant-select` > `.ant-select-selector` with an `input[role=combobox]` whose `aria-controls` names
 *             the `[role=listbox]` inside the `.ant-select-dropdown` teleported to <body>; the options are a
 *             virtual list of `.ant-select-item-option[title]` (only part drawn); a `show-search` select
 *             types into the combobox to filter; the chosen value shows in `.ant-select-selection-item`.
 *   cascader  `.ant-cascader` (a select) whose dropdown `.ant-cascader-dropdown` holds `.ant-cascader-menus`:
 *             one `ul.ant-cascader-menu[role=menu]` per level of `li.ant-cascader-menu-item[title]`; a lazy
 *             level appears once the item above is clicked; the path shows as "a / b / c".
 *   picker    `.ant-picker` with an <input>; the panel `.ant-picker-dropdown` is teleported to <body>, its
 *             cells `td[title="2026-12-07"]` (date) or `td[title="2026-12"]` (month), arrows
 *             `.ant-picker-header-prev-btn/-next-btn` (month) and `-super-prev-btn/-super-next-btn` (year).
 *   checkbox  `label.ant-checkbox-wrapper` > `input.ant-checkbox-input` + `<span>text</span>`; radio the same
 *             with `ant-radio-wrapper` / `ant-radio-input` (or `ant-radio-button-wrapper`).
 *   upload    `.ant-upload` > `input[type=file]` (hidden) beside the button; the list `.ant-upload-list` shows
 *             `.ant-upload-list-item-name` in an item `-done` or `-error`.
 *   modal     `.ant-modal-wrap[role=dialog]` > `.ant-modal` teleported to <body>: `.ant-modal-body`, buttons in `.ant-modal-footer`.
 * A field whose markup is not this fails within FIT_MS as PORTAL_CHANGED naming what was looked for; only
 * what the portal loads (a list's options, a cascader level, an upload's answer) is waited for as long as a
 * page, and a 5xx meanwhile is PORTAL_UNAVAILABLE.
 */

/** How long a component's own markup may take to appear (the Vue app mounts right after the page loads). */
const FIT_MS = 2_000;
/** How long an opened list or panel may take to show before its box is clicked again. */
const OPEN_MS = 600;
/** Tries at opening a list and tapping an option before the portal is taken to be misbehaving. */
const TRIES = 3;

const css = (text: string) => JSON.stringify(text);

/** Waits briefly for the library's markup in the field; absent means the page is not what was declared. */
async function fits(run: RunContext, scope: Locator, selector: string, what: string): Promise<Locator> {
  const found = scope.locator(selector);
  try {
    await found.first().waitFor({ state: 'attached', timeout: Math.min(FIT_MS, run.settings.findTimeoutMs) });
  } catch {
    throw new PortalChangedError(`不是 Ant Design Vue ${what}（找不到 ${selector}）`);
  }
  return found.first();
}

/** An open popup of `kind` teleported to <body> (hidden ones keep their node with a `-hidden` class). */
const openPopup = (run: RunContext, kind: string) =>
  run.page.locator(`body .${kind}:not(.${kind}-hidden)`).filter({ visible: true }).last();

/** What a select or cascader shows as chosen. */
const chosenText = async (box: Locator): Promise<string> => {
  const item = box.locator('.ant-select-selection-item');
  if ((await item.count()) === 0) return '';
  return ((await item.first().getAttribute('title')) ?? (await item.first().textContent()) ?? '').trim();
};

// ——— select ———

const SELECT = '.ant-select:not(.ant-cascader) > .ant-select-selector input[role=combobox]';

/** The field's select (its outer `.ant-select`), once its markup is there. */
async function selectIn(run: RunContext, field: Locator): Promise<Locator> {
  await fits(run, field, SELECT, '下拉框');
  return field.locator('.ant-select:not(.ant-cascader)').first();
}

/** Scrolls a virtual list a page further; false once it is at its end. */
const scrollOn = async (run: RunContext, holder: Locator): Promise<boolean> => {
  if ((await holder.count()) === 0) return false;
  const before = await holder.evaluate((el) =>
    el.firstElementChild?.firstElementChild?.getAttribute('style'),
  );
  await holder.hover({ timeout: OPEN_MS });
  await run.page.mouse.wheel(0, 200);
  await run.page.waitForTimeout(50);
  return (
    before !== (await holder.evaluate((el) => el.firstElementChild?.firstElementChild?.getAttribute('style')))
  );
};

/**
 * The option reading `label` in the select's own dropdown (the one its combobox controls), once the page
 * has loaded it. A list that has options but not this one for a while means the portal offers something
 * else; one that never loads is the portal's trouble.
 */
async function findOption(
  run: RunContext,
  dropdown: Locator,
  label: string,
  search: Locator | undefined,
): Promise<Locator> {
  const option = dropdown.locator(`.ant-select-item-option[title=${css(label)}]`);
  const any = dropdown.locator('.ant-select-item-option');
  let loadedSince: number | undefined;
  let scrolling = true;
  let searched = search !== undefined;
  const found = await waitForPortal(
    run,
    async () => {
      if ((await option.count()) > 0) return option.first();
      if ((await any.count()) === 0) {
        // A select may filter by its values rather than by what it shows (antd's default): when the
        // label typed leaves nothing, the search is cleared and the whole list walked instead.
        if (searched && search) {
          searched = false;
          await search.fill('');
        }
        loadedSince = undefined;
        return undefined;
      }
      loadedSince ??= Date.now();
      // Only part of a long list is drawn: scroll on until the option shows or the list ends.
      if (scrolling) scrolling = await scrollOn(run, dropdown.locator('.rc-virtual-list-holder').first());
      else if (Date.now() - loadedSince >= run.settings.findTimeoutMs) {
        throw new PortalChangedError(`下拉列表中没有“${label}”这一项`);
      }
      return undefined;
    },
    run.settings.navigationTimeoutMs,
  );
  if (!found) throw new PortalUnavailableError(`下拉列表未能加载（等待“${label}”）`);
  return found;
}

async function choose(run: RunContext, field: Locator, label: string): Promise<void> {
  const box = await selectIn(run, field);
  const combobox = box.locator('input[role=combobox]').first();
  if ((await chosenText(box)) === label) return;
  const listId = (await combobox.getAttribute('aria-controls')) ?? (await combobox.getAttribute('aria-owns'));
  if (!listId) throw new PortalChangedError('Ant Design Vue 下拉框的 combobox 没有 aria-controls');
  const dropdown = run.page
    .locator('.ant-select-dropdown')
    .filter({ has: run.page.locator(`[id=${css(listId)}]`) });
  const searchable = (await combobox.getAttribute('readonly')) === null;
  for (let attempt = 1; attempt <= TRIES; attempt += 1) {
    await tap(box.locator('.ant-select-selector'), run.settings.findTimeoutMs);
    const shown = await waitFor(async () => ((await dropdown.isVisible()) ? true : undefined), OPEN_MS);
    if (!shown) continue;
    // A searchable select filters its list by what is typed, as a person narrows a long list.
    if (searchable) await combobox.fill(label);
    const option = await findOption(run, dropdown, label, searchable ? combobox : undefined);
    await tap(option, OPEN_MS).catch(() => undefined);
    const chosen = await waitFor(async () => ((await chosenText(box)) === label ? true : undefined), OPEN_MS);
    if (chosen) return;
  }
  throw new PortalChangedError(
    `Ant Design Vue 下拉列表未能选中“${label}”（点击 .ant-select-selector 后未见 .ant-select-item-option[title=${css(label)}]）`,
  );
}

const select = (options: OptionLabels | undefined): Widget => ({
  kind: 'antdv-select',
  waitsOnPortal: true,
  fill: (run, field, value) => choose(run, field, labelFor(options, asText(value))),
  read: async (run, field) => chosenText(await selectIn(run, field)),
  expected: (value) => labelFor(options, asText(value)),
});

// ——— cascader ———

const CASCADER = '.ant-cascader .ant-select-selector';

const regionNames = (code: string): string[] => {
  const path = regionPath(code).map((region) => region.name);
  if (path.length !== 3) throw new ValueRejectedError(`行政区划代码“${code}”不是区县一级`, []);
  return path;
};

/** The cascader's path as shown ("福建省 / 漳州市 / 龙文区") in the runtime's terms (福建省/漳州市/龙文区). */
const shownPath = async (field: Locator) =>
  (await chosenText(field.locator('.ant-cascader').first()))
    .split(/\s*\/\s*/)
    .filter(Boolean)
    .join('/');

/** Clicks `name` in column `level` of the open menus once the portal has loaded that column. */
async function pickLevel(run: RunContext, menus: Locator, level: number, name: string): Promise<void> {
  const column = menus.locator('ul.ant-cascader-menu').nth(level);
  const item = column.locator(`li.ant-cascader-menu-item[title=${css(name)}]`);
  let loadedSince: number | undefined;
  const found = await waitForPortal(
    run,
    async () => {
      if ((await item.count()) > 0) return item.first();
      if ((await column.locator('li').count()) === 0) return undefined;
      loadedSince ??= Date.now();
      if (Date.now() - loadedSince >= run.settings.findTimeoutMs) {
        throw new PortalChangedError(`级联选择第 ${level + 1} 级中没有“${name}”`);
      }
      return undefined;
    },
    run.settings.navigationTimeoutMs,
  );
  if (!found) throw new PortalUnavailableError(`级联选择第 ${level + 1} 级未能加载（等待“${name}”）`);
  await found.scrollIntoViewIfNeeded();
  await tap(found, run.settings.findTimeoutMs);
}

/** 省/市/区 as one cascader whose columns load one after another in a menu teleported to <body>. */
const region = (): Widget => ({
  kind: 'antdv-cascader',
  waitsOnPortal: true,
  async fill(run, field, value) {
    const names = regionNames(asText(value));
    const selector = await fits(run, field, CASCADER, '级联选择');
    if ((await shownPath(field)) === names.join('/')) return;
    for (let attempt = 1; attempt <= TRIES; attempt += 1) {
      await tap(selector, run.settings.findTimeoutMs);
      const menus = openPopup(run, 'ant-cascader-dropdown').locator('.ant-cascader-menus');
      const opened = await waitFor(async () => ((await menus.isVisible()) ? true : undefined), OPEN_MS);
      if (!opened) continue;
      for (const [level, name] of names.entries()) await pickLevel(run, menus, level, name);
      const done = await waitFor(
        async () => ((await shownPath(field)) === names.join('/') ? true : undefined),
        OPEN_MS,
      );
      if (done) return;
    }
    throw new PortalChangedError(
      `Ant Design Vue 级联选择未能选中“${names.join(' / ')}”（.ant-cascader-menus）`,
    );
  },
  async read(run, field) {
    await fits(run, field, CASCADER, '级联选择');
    return shownPath(field);
  },
  expected: (value) => regionNames(asText(value)).join('/'),
});

// ——— date and month pickers ———

const PICKER_INPUT = '.ant-picker input';

/** Walks the open panel by its arrows to the cell titled `title`, then taps it. */
async function pickCell(run: RunContext, title: string, month: boolean): Promise<void> {
  const panel = openPopup(run, 'ant-picker-dropdown');
  const target = panel.locator(`td.ant-picker-cell-in-view[title=${css(title)}]`);
  const [y, m] = title.split('-').map(Number) as [number, number];
  for (let step = 0; step < 240 && (await target.count()) === 0; step += 1) {
    const shownTitle = await panel.locator('td.ant-picker-cell-in-view').first().getAttribute('title', {
      timeout: OPEN_MS,
    });
    const shown = /^(\d{4})-(\d{2})/.exec(shownTitle ?? '');
    if (!shown)
      throw new PortalChangedError(`Ant Design Vue 日期面板无法识别（td.ant-picker-cell-in-view[title]）`);
    const months = y * 12 + m - (Number(shown[1]) * 12 + (month ? m : Number(shown[2])));
    const byYear = month || Math.abs(months) >= 12;
    const arrow = `.ant-picker-header-${byYear ? 'super-' : ''}${months > 0 ? 'next' : 'prev'}-btn`;
    await tap(panel.locator(arrow).first(), OPEN_MS);
  }
  await tap(target.first(), OPEN_MS);
}

const picker = (formats: { wire: string; shown: string; month?: boolean | undefined }): Widget => ({
  kind: formats.month ? 'antdv-month' : 'antdv-date',
  async fill(run, field, value) {
    const date = parseDate(formats.wire, asText(value));
    if (!date) throw new ValueRejectedError(`日期“${asText(value)}”不是 ${formats.wire} 格式`, []);
    const input = await fits(run, field, PICKER_INPUT, formats.month ? '月份选择框' : '日期选择框');
    const wanted = formatDate(formats.shown, date);
    const title = formatDate(formats.month ? 'yyyy-MM' : 'yyyy-MM-dd', date);
    for (let attempt = 1; attempt <= TRIES; attempt += 1) {
      if ((await input.inputValue()) === wanted) return;
      const panel = openPopup(run, 'ant-picker-dropdown');
      if (!(await panel.isVisible())) await input.click();
      const opened = await waitFor(
        async () => ((await panel.isVisible()) ? true : undefined),
        Math.min(FIT_MS, run.settings.findTimeoutMs),
      );
      if (!opened)
        throw new PortalChangedError('点击日期框后没有弹出 Ant Design Vue 日期面板（.ant-picker-dropdown）');
      await pickCell(run, title, formats.month === true).catch((error: unknown) => {
        if (error instanceof PortalChangedError) throw error;
      });
      await waitFor(async () => ((await input.inputValue()) === wanted ? true : undefined), OPEN_MS);
    }
  },
  async read(run, field) {
    const shown = await (await fits(run, field, PICKER_INPUT, '日期选择框')).inputValue();
    const date = parseDate(formats.shown, shown);
    return date ? formatDate(formats.wire, date) : shown;
  },
  expected: (value) => asText(value),
});

// ——— checkboxes and radios ———

interface Box {
  label: string;
  checked: boolean;
  index: number;
}

const WRAPPER = {
  checkbox: 'label.ant-checkbox-wrapper:has(input.ant-checkbox-input)',
  radio: 'label:is(.ant-radio-wrapper, .ant-radio-button-wrapper):has(input[type=radio])',
} as const;

/** The wrappers of a field with the text a person reads beside each box and its state. */
async function boxes(run: RunContext, field: Locator, type: 'checkbox' | 'radio'): Promise<Box[]> {
  await fits(run, field, WRAPPER[type], type === 'checkbox' ? '复选框' : '单选框');
  return field.locator(WRAPPER[type]).evaluateAll((wrappers) =>
    wrappers.map((wrapper, index) => ({
      // The text is the wrapper's last <span>; the first holds the box itself.
      label: (wrapper.querySelector(':scope > span:last-child')?.textContent ?? '').trim(),
      checked: (wrapper.querySelector('input') as HTMLInputElement | null)?.checked ?? false,
      index,
    })),
  );
}

const clickBox = (field: Locator, type: 'checkbox' | 'radio', box: Box) =>
  tap(field.locator(WRAPPER[type]).nth(box.index));

async function tickExactly(run: RunContext, field: Locator, type: 'checkbox' | 'radio', wanted: Set<string>) {
  const states = await boxes(run, field, type);
  const missing = [...wanted].filter((label) => !states.some((state) => state.label === label));
  if (missing.length) {
    throw new PortalChangedError(
      `Ant Design Vue ${type === 'radio' ? '单' : '多'}选项中没有“${missing.join('、')}”`,
    );
  }
  for (const state of states) {
    if (state.checked !== wanted.has(state.label) && (type === 'checkbox' || !state.checked)) {
      await clickBox(field, type, state);
    }
  }
}

const checkedLabels = async (run: RunContext, field: Locator, type: 'checkbox' | 'radio') =>
  (await boxes(run, field, type))
    .filter((box) => box.checked)
    .map((box) => box.label)
    .join('、');

const sortedJoin = (text: string) => text.split('、').filter(Boolean).sort().join('、');

const checkboxes = (options: OptionLabels | undefined): Widget => ({
  kind: 'antdv-checkboxes',
  fill: (run, field, value) =>
    tickExactly(run, field, 'checkbox', new Set(asList(value).map((wire) => labelFor(options, wire)))),
  read: (run, field) => checkedLabels(run, field, 'checkbox'),
  expected: (value) =>
    asList(value)
      .map((wire) => labelFor(options, wire))
      .join('、'),
  same: (onPage, expected) => sortedJoin(onPage) === sortedJoin(expected),
});

const radio = (options: OptionLabels | undefined): Widget => ({
  kind: 'antdv-radio',
  fill: (run, field, value) => tickExactly(run, field, 'radio', new Set([labelFor(options, asText(value))])),
  read: (run, field) => checkedLabels(run, field, 'radio'),
  expected: (value) => labelFor(options, asText(value)),
});

async function boxOf(run: RunContext, field: Locator, label: string): Promise<Box> {
  const box = (await boxes(run, field, 'checkbox')).find((state) => state.label === label);
  if (!box) throw new PortalChangedError(`Ant Design Vue 复选框中没有“${label}”`);
  return box;
}

const isTicked = async (run: RunContext, field: Locator, label: string) =>
  (await boxOf(run, field, label)).checked;

const checkbox = (label: string): Widget => ({
  kind: 'antdv-checkbox',
  async fill(run, field, value) {
    const box = await boxOf(run, field, label);
    if (box.checked !== (asText(value) === '1')) await clickBox(field, 'checkbox', box);
  },
  read: async (run, field) => ((await isTicked(run, field, label)) ? '1' : '0'),
  expected: (value) => asText(value),
});

// ——— a-upload ———

const documentOf = (run: RunContext, value: unknown): AttachedDocument => {
  const id = (value as { document?: unknown } | undefined)?.document;
  if (typeof id !== 'string') throw new ValueRejectedError('上传材料未指明文件', []);
  return run.document(id);
};

async function handOver(run: RunContext, field: Locator, document: AttachedDocument): Promise<void> {
  const input = await fits(run, field, '.ant-upload input[type=file]', '上传（.ant-upload 的文件框）');
  await input.setInputFiles({
    name: document.fileName,
    mimeType: document.mimeType,
    buffer: await readFile(document.path),
  });
}

/** The name of the file the list shows as uploaded ('' when none or when it failed). */
async function shownFile(field: Locator): Promise<string> {
  const done = field.locator('.ant-upload-list-item-done .ant-upload-list-item-name');
  return (await done.count()) > 0 ? ((await done.last().textContent()) ?? '').trim() : '';
}

/** Waits for the list to show the file or the portal's complaint; a busy answer is handed over again. */
async function settleUpload(run: RunContext, field: Locator, document: AttachedDocument): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await waitFor(async () => {
      const complaint = (await field.getByRole('alert').allInnerTexts()).join('').trim();
      if (complaint) return { complaint };
      if ((await field.locator('.ant-upload-list-item-error').count()) > 0) return { complaint: '上传失败' };
      return (await shownFile(field)) === document.fileName ? { complaint: '' } : undefined;
    }, run.settings.navigationTimeoutMs);
    if (!outcome) throw new PortalUnavailableError(`上传“${document.fileName}”后门户长时间无响应`);
    if (!outcome.complaint) {
      if (attempt > 1) run.clearTrouble();
      return;
    }
    const busy = UNAVAILABLE_TEXTS.some((text) => outcome.complaint.includes(text));
    if (!busy) throw new ValueRejectedError(outcome.complaint, []);
    if (attempt >= TRIES) throw new PortalUnavailableError(outcome.complaint);
    await handOver(run, field, document);
  }
}

const upload = (): Widget => ({
  kind: 'antdv-upload',
  async fill(run, field, value) {
    const document = documentOf(run, value);
    if ((await shownFile(field)) === document.fileName) return;
    await handOver(run, field, document);
    return () => settleUpload(run, field, document);
  },
  read: (_run, field) => shownFile(field),
  expected: (value, run) => documentOf(run, value).fileName,
});

// ——— a-modal notice ———

/** Scrolls the modal's text to its end as a person reads it (the portal may keep 确定 disabled till then). */
async function readToEnd(run: RunContext, modal: Locator): Promise<boolean | undefined> {
  const body = modal.locator('.ant-modal-body');
  await body.hover();
  return waitFor(
    async () => {
      const end = await body.evaluate((root) =>
        [root, ...root.querySelectorAll('*')].every(
          (el) =>
            el.scrollHeight <= el.clientHeight + 4 || el.scrollTop + el.clientHeight >= el.scrollHeight - 4,
        ),
      );
      if (end) return true;
      await run.page.mouse.wheel(0, 400);
      return undefined;
    },
    run.settings.navigationTimeoutMs,
    60,
  );
}

/** A button's text as antd shows it: a two-character one gets a space between (确 定, 同 意). */
const spacedText = (text: string) =>
  new RegExp(`^\\s*${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);

/**
 * A notice signed by ticking its box: the box opens an a-modal over the form with the text, which is read
 * to its end and confirmed (`accept`, or the modal's primary button); the box is then ticked.
 */
const notice = (agree: string, accept: string | undefined): Widget => ({
  kind: 'antdv-notice',
  async fill(run, field, value) {
    const box = await boxOf(run, field, agree);
    if (asText(value) !== '1' || box.checked) return;
    await clickBox(field, 'checkbox', box);
    const modal = run.page.getByRole('dialog').filter({ visible: true }).locator('.ant-modal').last();
    const opened = await waitFor(
      async () => ((await modal.count()) > 0 ? true : undefined),
      Math.min(FIT_MS, run.settings.findTimeoutMs),
    );
    if (!opened)
      throw new PortalChangedError(
        `勾选“${agree}”后没有弹出 Ant Design Vue 对话框（[role=dialog] .ant-modal）`,
      );
    if (!(await readToEnd(run, modal)))
      throw new PortalChangedError('对话框的内容无法滚动到末尾（.ant-modal-body）');
    const footer = modal.locator('.ant-modal-footer button');
    const button = accept
      ? footer.filter({ hasText: spacedText(accept) })
      : footer.and(modal.locator('.ant-btn-primary'));
    if ((await button.count()) === 0) {
      throw new PortalChangedError(
        `对话框中没有${accept ? `“${accept}”按钮` : '确认按钮（.ant-btn-primary）'}`,
      );
    }
    await button.first().click({ timeout: run.settings.findTimeoutMs });
    const ticked = await waitFor(
      async () => ((await isTicked(run, field, agree)) ? true : undefined),
      run.settings.findTimeoutMs,
    );
    if (!ticked) throw new PortalChangedError(`确认对话框后“${agree}”仍未勾选`);
  },
  read: async (run, field) => ((await isTicked(run, field, agree)) ? '1' : '0'),
  expected: (value) => asText(value),
});

/** The Ant Design Vue family: every spec kind, the month picker included. */
export const antdvFamily: UiFamily = {
  name: 'antdv',
  widget(spec: WidgetSpec): Widget | undefined {
    switch (spec.kind) {
      case 'select':
        return select(spec.options);
      case 'region':
        return region();
      case 'date':
        return picker(spec);
      case 'checkboxes':
        return checkboxes(spec.options);
      case 'radio':
        return radio(spec.options);
      case 'checkbox':
        return checkbox(spec.label);
      case 'upload':
        return upload();
      case 'notice':
        return notice(spec.agree, spec.accept);
    }
  },
};
