import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../errors/index.ts';
import { waitFor } from '../locate.ts';
import type { RunContext } from '../types.ts';
import { tap } from '../widgets/common.ts';

/** How long a TDesign component's own markup may take to appear (Vue renders right after the page loads). */
export const FIT_MS = 2_000;
/** Tries at opening a popup and tapping an entry before the portal is taken to be misbehaving. */
export const TRIES = 3;

/** Waits briefly for the library's markup in the field; absent means the page is not what was declared. */
export async function fits(
  run: RunContext,
  scope: Locator,
  selector: string,
  what: string,
): Promise<Locator> {
  const found = scope.locator(selector);
  try {
    await found.first().waitFor({ state: 'attached', timeout: Math.min(FIT_MS, run.settings.findTimeoutMs) });
  } catch {
    throw new PortalChangedError(`不是 TDesign ${what}（找不到 ${selector}）`);
  }
  return found;
}

/** The box's shown text (what a person reads in a select, cascader or date picker). */
export const shown = (box: Locator) => box.locator('input.t-input__inner').first().inputValue();

/** Whether this box's own popup is open: TDesign's SelectInput (select, cascader, date picker) marks it. */
const isOpen = (box: Locator) =>
  box.evaluate((el) => {
    const open = '.t-select-input--popup-visible';
    return el.closest(open) !== null || el.querySelector(open) !== null;
  });

/**
 * Opens the popup a box teleports to <body> (`.t-popup` holding `inner`) and returns it; a popup this box
 * already opened is kept (a second click would shut it). Another box's popup still fading out is waited
 * away first: taken for this box's, it emptied as it closed and the list seemed never to load. A box that
 * opens nothing is not the declared component. The popup is the library's to show: a busy browser gets
 * the find budget for it before the box is clicked again.
 */
export async function openPopup(
  run: RunContext,
  box: Locator,
  inner: string,
  what: string,
): Promise<Locator> {
  const popup = run.page
    .locator(`.t-popup:is(${inner}), .t-popup:has(${inner})`)
    .filter({ visible: true })
    .last();
  const hasPopup = async () => ((await popup.count()) > 0 ? true : undefined);
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    if (await isOpen(box)) {
      if (await waitFor(hasPopup, run.settings.findTimeoutMs)) return popup;
    } else {
      await waitFor(async () => ((await popup.count()) === 0 ? true : undefined), run.settings.findTimeoutMs);
      await tap(box.locator('.t-input').first());
      if (await waitFor(hasPopup, run.settings.findTimeoutMs)) return popup;
    }
  }
  throw new PortalChangedError(`点击 TDesign ${what}后没有弹出面板（.t-popup ${inner}）`);
}

// ——— checkboxes and radios ———

const BOX = { checkbox: 't-checkbox', radio: 't-radio' } as const;

export interface Box {
  label: string;
  checked: boolean;
  index: number;
}

/** The library's boxes in a field: the text a person reads and whether each is ticked. */
export async function boxes(run: RunContext, field: Locator, type: 'checkbox' | 'radio'): Promise<Box[]> {
  await fits(run, field, `label.${BOX[type]}`, type === 'checkbox' ? '复选框' : '单选框');
  return field.evaluate(
    (root, cls) =>
      [...root.querySelectorAll<HTMLLabelElement>(`label.${cls}`)].map((label, index) => ({
        label: (label.querySelector(`.${cls}__label`)?.textContent ?? '').trim(),
        checked: label.classList.contains('t-is-checked'),
        index,
      })),
    BOX[type],
  );
}

export const clickBox = (field: Locator, type: 'checkbox' | 'radio', box: Box) =>
  tap(field.locator(`label.${BOX[type]}`).nth(box.index));

export async function boxOf(run: RunContext, field: Locator, label: string): Promise<Box> {
  const box = (await boxes(run, field, 'checkbox')).find((state) => state.label === label);
  if (!box) throw new PortalChangedError(`TDesign 复选框中没有“${label}”`);
  return box;
}
