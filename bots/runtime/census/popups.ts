import type { Frame, Locator, Page } from 'playwright-core';
import { MONTH_PANEL } from '../families/tdesign-picker.ts';
import { waitFor } from '../locate.ts';

/**
 * What the census learns only by opening a field, as a person does: the options of a list a component
 * library teleports to <body> (outside the field, so the in-page scan cannot see them), and whether a date
 * box opens a day or a month panel (closed, they are the same box). Each popup is opened, read and closed
 * again; nothing is chosen.
 */

type Scope = Page | Frame;

interface Teleported {
  /** What a person clicks in the field to open it. */
  opener: string;
  /** The open popup, wherever the library put it. */
  popup: string;
}

/** Lists drawn in a teleported popup: their options, and the scrolling box of a virtual (partly drawn) list. */
const LISTS: Record<string, Teleported & { option: string; virtual?: string }> = {
  'tdesign-select': {
    opener: '.t-select .t-input',
    popup: '.t-popup:is(.t-select__dropdown), .t-popup:has(.t-select__dropdown)',
    option: 'li.t-select-option',
  },
  'antdv-select': {
    opener: '.ant-select:not(.ant-cascader) .ant-select-selector',
    popup: '.ant-select-dropdown:not(.ant-select-dropdown-hidden)',
    option: '.ant-select-item-option',
    virtual: '.rc-virtual-list-holder',
  },
};

/** Date boxes whose panel tells a month picker (`kind`) by its own markup (`month`). */
const PICKERS: Record<string, Teleported & { month: string; kind: string }> = {
  'tdesign-date': {
    opener: '.t-date-picker .t-input',
    popup: '.t-popup .t-date-picker__panel',
    month: MONTH_PANEL,
    kind: 'tdesign-month',
  },
  'antdv-date': {
    opener: '.ant-picker input',
    popup: '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)',
    month: '.ant-picker-month-panel',
    kind: 'antdv-month',
  },
  // laydate opens a `type: 'month'` panel on its month list; a day panel shows it only when asked.
  'layui-date': {
    opener: 'input[lay-key]',
    popup: '.layui-laydate',
    month: 'ul.laydate-month-list',
    kind: 'layui-month',
  },
};

const pageOf = (scope: Scope): Page => ('page' in scope ? scope.page() : scope);

/**
 * Opens field `i`'s popup; the popup, or undefined when the field has no such opener or nothing opened.
 */
async function open(
  scope: Scope,
  i: number,
  of: Teleported,
  timeoutMs: number,
): Promise<Locator | undefined> {
  const opener = scope.locator(`[data-yijian-census="${i}"]`).locator(of.opener).first();
  if ((await opener.count()) === 0) return undefined;
  const popup = scope.locator(of.popup).filter({ visible: true }).last();
  await opener.click({ timeout: timeoutMs }).catch(() => {});
  const shown = await waitFor(async () => ((await popup.count()) > 0 ? true : undefined), timeoutMs);
  return shown ? popup : undefined;
}

/**
 * Closes the popups opened: Escape, then, for libraries that ignore it (TDesign's popup, laydate), a click
 * away from them, as a person closes them (the page's top left corner).
 */
async function close(scope: Scope, of: Teleported, timeoutMs: number): Promise<void> {
  const popup = scope.locator(of.popup).filter({ visible: true });
  await pageOf(scope)
    .keyboard.press('Escape')
    .catch(() => {});
  if (await waitFor(async () => ((await popup.count()) === 0 ? true : undefined), 300)) return;
  await scope
    .locator('body')
    .click({ position: { x: 1, y: 1 }, timeout: timeoutMs })
    .catch(() => {});
  await waitFor(async () => ((await popup.count()) === 0 ? true : undefined), timeoutMs);
}

/** The option texts shown in an open list (an option's title, else its text). */
const shownOptions = (popup: Locator, option: string): Promise<string[]> =>
  popup.evaluate(
    (root, selector) =>
      [...root.querySelectorAll(selector)].map((o) =>
        (o.getAttribute('title') ?? o.textContent ?? '').trim(),
      ),
    option,
  );

/**
 * Every option of a virtual list, which draws only the part in view: read, then scrolled on by the mouse
 * wheel, until the list no longer moves.
 */
async function allOptions(scope: Scope, popup: Locator, option: string, holder: string, timeoutMs: number) {
  const texts = new Set(await shownOptions(popup, option));
  const box = popup.locator(holder).first();
  if ((await box.count()) === 0) return [...texts];
  const offset = () => box.evaluate((el) => el.firstElementChild?.firstElementChild?.getAttribute('style'));
  for (let turn = 0; turn < 200; turn += 1) {
    const before = await offset();
    await box.hover({ timeout: timeoutMs }).catch(() => {});
    await pageOf(scope).mouse.wheel(0, 200);
    const moved = await waitFor(async () => ((await offset()) !== before ? true : undefined), timeoutMs);
    for (const text of await shownOptions(popup, option)) texts.add(text);
    if (!moved) break;
  }
  return [...texts];
}

/**
 * The options of field `i`'s teleported list, once loaded; undefined when the field's kind has no such
 * list or it shows none within `timeoutMs`.
 */
export async function teleportedOptions(
  scope: Scope,
  i: number,
  kind: string,
  timeoutMs: number,
): Promise<string[] | undefined> {
  const list = LISTS[kind];
  if (!list) return undefined;
  const popup = await open(scope, i, list, timeoutMs);
  if (!popup) return undefined;
  try {
    const loaded = await waitFor(
      async () => ((await popup.locator(list.option).count()) > 0 ? true : undefined),
      timeoutMs,
    );
    if (!loaded) return undefined;
    return list.virtual
      ? await allOptions(scope, popup, list.option, list.virtual, timeoutMs)
      : await shownOptions(popup, list.option);
  } finally {
    await close(scope, list, timeoutMs);
  }
}

/** The month kind of field `i` when its date box opens a month panel; undefined for a day picker. */
export async function monthKind(
  scope: Scope,
  i: number,
  kind: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const picker = PICKERS[kind];
  if (!picker) return undefined;
  const popup = await open(scope, i, picker, timeoutMs);
  if (!popup) return undefined;
  try {
    return (await popup.locator(picker.month).count()) > 0 ? picker.kind : undefined;
  } finally {
    await close(scope, picker, timeoutMs);
  }
}
