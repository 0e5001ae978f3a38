import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../errors/index.ts';
import type { RunContext } from '../types.ts';
import { tap } from '../widgets/common.ts';
import { type BoxType, libraryBoxes } from './library-boxes.ts';
import { fitsMarkup, openOwnPopup } from './library-dom.ts';

/** The library's markup in the field, waited for briefly (Vue renders right after the page loads). */
export const fits = (run: RunContext, scope: Locator, selector: string, what: string) =>
  fitsMarkup(run, scope, selector, 'TDesign', what);

/** The box's shown text (what a person reads in a select, cascader or date picker). */
export const shown = (box: Locator) => box.locator('input.t-input__inner').first().inputValue();

/** Whether this box's own popup is open: TDesign's SelectInput (select, cascader, date picker) marks it. */
const isOpen = (box: Locator) =>
  box.evaluate((el) => {
    const open = '.t-select-input--popup-visible';
    return el.closest(open) !== null || el.querySelector(open) !== null;
  });

/**
 * Opens the popup a box teleports to <body> (`.t-popup` holding `inner`) and returns it (openOwnPopup); a
 * popup this box already opened is kept, as a second click would shut it. A box that opens nothing is not
 * the declared component.
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
  const opened = await openOwnPopup(
    run,
    async () => (await popup.count()) > 0,
    { owns: () => isOpen(box), click: () => tap(box.locator('.t-input').first()) },
    3,
  );
  if (opened) return popup;
  throw new PortalChangedError(`点击 TDesign ${what}后没有弹出面板（.t-popup ${inner}）`);
}

// ——— checkboxes and radios ———

const BOX = { checkbox: 't-checkbox', radio: 't-radio' } as const;

/** TDesign's checkboxes and radios: a <label> that takes the clicks and says whether it is ticked. */
export const boxes = libraryBoxes({
  family: 'tdesign',
  library: 'TDesign',
  async boxes(run, field, type) {
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
  },
  click: (field: Locator, type: BoxType, box) => tap(field.locator(`label.${BOX[type]}`).nth(box.index)),
});
