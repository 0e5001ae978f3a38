import type { Locator } from 'playwright-core';
import { PortalChangedError, PortalUnavailableError } from '../../../errors/index.ts';
import { turnWheel } from '../../bounded.ts';
import { waitFor, waitForPortal } from '../../locate.ts';
import type { RunContext, Widget } from '../../types.ts';
import { asText, labelFor, type OptionLabels, tap } from '../../widgets/common.ts';
import { cssString, TRIES } from '../library-dom.ts';
import { chosenText, fits } from './dom.ts';

const SELECT = '.ant-select:not(.ant-cascader) > .ant-select-selector input[role=combobox]';

/** The field's select (its outer `.ant-select`), once its markup is there. */
async function selectIn(run: RunContext, field: Locator): Promise<Locator> {
  await fits(run, field, SELECT, '下拉框');
  return field.locator('.ant-select:not(.ant-cascader)').first();
}

/**
 * Scrolls a virtual list a page further; false once it is at its end. The list moves when antd has
 * re-drawn it (a new offset on its inner box), which a busy browser may take well over a second to do:
 * a list that has not moved within the find budget is at its end.
 */
const scrollOn = async (run: RunContext, holder: Locator): Promise<boolean> => {
  if ((await holder.count()) === 0) return false;
  const offset = () =>
    holder.evaluate((el) => el.firstElementChild?.firstElementChild?.getAttribute('style'));
  const before = await offset();
  await holder.hover({ timeout: run.settings.findTimeoutMs });
  await turnWheel(run, 200);
  const moved = await waitFor(
    async () => ((await offset()) !== before ? true : undefined),
    run.settings.findTimeoutMs,
  );
  return moved === true;
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
  const option = dropdown.locator(`.ant-select-item-option[title=${cssString(label)}]`);
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

/**
 * Opens the list and taps the option, as a person does, until the box shows it. Each wait is on what the
 * page shows, never on a fixed time: an opened list is the library's to show, a shown option the browser's
 * to click, and a busy browser (a loaded machine, several bots at once) takes over a second for either, so
 * each gets the find budget. Given 600 ms, a click on a shown option was abandoned and a value on offer
 * failed as a changed portal.
 */
async function choose(run: RunContext, field: Locator, label: string): Promise<void> {
  const box = await selectIn(run, field);
  const combobox = box.locator('input[role=combobox]').first();
  if ((await chosenText(box)) === label) return;
  const listId = (await combobox.getAttribute('aria-controls')) ?? (await combobox.getAttribute('aria-owns'));
  if (!listId) throw new PortalChangedError('Ant Design Vue 下拉框的 combobox 没有 aria-controls');
  const dropdown = run.page
    .locator('.ant-select-dropdown')
    .filter({ has: run.page.locator(`[id=${cssString(listId)}]`) });
  const searchable = (await combobox.getAttribute('readonly')) === null;
  const budget = run.settings.findTimeoutMs;
  const isShown = async () => ((await dropdown.isVisible()) ? true : undefined);
  let opened = false;
  for (let attempt = 1; attempt <= TRIES; attempt += 1) {
    // An open list is not clicked again: that would shut it.
    if (!(await isShown())) await tap(box.locator('.ant-select-selector'), budget).catch(() => undefined);
    if (!(await waitFor(isShown, budget))) continue;
    opened = true;
    // A searchable select filters its list by what is typed, as a person narrows a long list.
    if (searchable) await combobox.fill(label);
    const option = await findOption(run, dropdown, label, searchable ? combobox : undefined);
    await tap(option, budget).catch(() => undefined);
    const chosen = await waitFor(async () => ((await chosenText(box)) === label ? true : undefined), budget);
    if (chosen) return;
  }
  throw new PortalChangedError(
    opened
      ? `Ant Design Vue 下拉列表未能选中“${label}”（点击 .ant-select-item-option[title=${cssString(label)}] 后 .ant-select-selection-item 未显示该项）`
      : `Ant Design Vue 下拉列表未能选中“${label}”（点击 .ant-select-selector 后未见 .ant-select-dropdown）`,
  );
}

export const select = (options: OptionLabels | undefined): Widget => ({
  kind: 'antdv-select',
  waitsOnPortal: true,
  fill: (run, field, value) => choose(run, field, labelFor(options, asText(value))),
  read: async (run, field) => chosenText(await selectIn(run, field)),
  expected: (value) => labelFor(options, asText(value)),
});
