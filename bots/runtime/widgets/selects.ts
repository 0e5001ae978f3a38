import type { Locator } from 'playwright-core';
import { PortalChangedError, PortalUnavailableError } from '../../errors/index.ts';
import { escapeRegExp, waitFor, waitForPortal } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { asText, labelFor, type OptionLabels, optionText, selectBox, tap } from './common.ts';

/**
 * A component-library select (Element style): a readonly box that opens a list; the option is clicked by
 * the text a person reads. Skips the clicks when the box already shows the wanted option (portal defaults).
 */
export const divSelect = (options?: OptionLabels): Widget => ({
  kind: 'div-select',
  spec: { kind: 'select', options },
  async fill(run, field, value) {
    const label = labelFor(options, asText(value));
    const box = selectBox(field);
    if ((await box.inputValue()) === label) return;
    await chooseInList(run, box, field.getByRole('listbox'), label);
  },
  read: (_run, field) => selectBox(field).inputValue(),
  expected: (value) => labelFor(options, asText(value)),
  resolve: (run, field, directive) => firstOption(run, field, directive, options),
});

/** How long a list may stay shut after its box was clicked before the box is clicked again. */
const REOPEN_AFTER_MS = 300;
/** How long a tap waits for an option that was shown a moment ago (gone means the list closed under it). */
const TAP_GONE_MS = 300;
/** Taps on a shown option that may miss (the list closing or reloading under them) before giving up. */
const OPTION_TAPS = 3;

/**
 * Opens the list and taps the option, as a person does until the box shows it. A box clicked while its list
 * loads ignores the click, and a list that reloads (the branches of a bank, loaded once for the bank and once
 * more when the address's own timer fires) can close or re-render under the tap: the box is clicked again
 * when its list stays shut, and the option tapped again when the box does not show it — the field after this
 * one (the slots of the branch) goes on from it. A list that stays open without the option means the portal
 * changed.
 */
async function chooseInList(run: RunContext, box: Locator, list: Locator, label: string): Promise<void> {
  const option = optionText(list, label);
  let clickedAt = Date.now();
  await tap(box);
  let taps = 0;
  const chosen = await waitFor(async () => {
    if (await option.isVisible()) {
      taps += 1;
      await tap(option, TAP_GONE_MS).catch(() => undefined);
      if ((await box.inputValue()) === label) return true;
      if (taps >= OPTION_TAPS) throw new PortalUnavailableError(`下拉列表未能选中“${label}”`);
    } else if (Date.now() - clickedAt >= REOPEN_AFTER_MS && !(await list.isVisible())) {
      clickedAt = Date.now();
      await tap(box);
    }
    return undefined;
  }, run.settings.findTimeoutMs);
  if (chosen) return;
  throw new PortalChangedError(
    (await list.isVisible()) ? `下拉列表中没有“${label}”这一项` : `下拉列表未能打开，无法选择“${label}”`,
  );
}

/**
 * `auto:first…`: the portal's own list (already narrowed to the unit's district, or to the choice above) may
 * load after the page; wait for its first entry and take it.
 */
async function firstOption(
  run: RunContext,
  field: Locator,
  directive: string,
  options: OptionLabels | undefined,
): Promise<string> {
  if (!directive.startsWith('auto:first')) throw new PortalChangedError(`下拉列表无法处理“${directive}”`);
  const entries = field.getByRole('listbox', { includeHidden: true }).locator('xpath=./*');
  const label = await waitForPortal(
    run,
    async () => (await entries.allTextContents()).map((t) => t.trim()).find(Boolean),
    run.settings.navigationTimeoutMs,
  );
  if (!label) throw new PortalUnavailableError('门户的可选列表为空或未能加载');
  if (!options) return label;
  if (typeof options === 'function') throw new PortalChangedError('无法从列表文字反查代码');
  const wire = Object.entries(options).find(([, shown]) => shown === label)?.[0];
  if (!wire) throw new PortalChangedError(`列表中的“${label}”不在门户定义的选项中`);
  return wire;
}

/**
 * A tree select whose labels carry codes (企业类型 "[1130] 有限责任公司(自然人投资或控股)"): the leaf is found by
 * its code, the branches above it are opened one by one as a person would, then the leaf is clicked.
 */
export const treeSelect = (): Widget => ({
  kind: 'tree-select',
  async fill(run, field, value) {
    const code = asText(value);
    const box = selectBox(field);
    if ((await box.inputValue()).startsWith(`[${code}]`)) return;
    await box.click();
    const leaf = field.getByText(new RegExp(`^\\[${escapeRegExp(code)}\\]`));
    try {
      await leaf.waitFor({ state: 'attached', timeout: run.settings.findTimeoutMs });
    } catch {
      throw new PortalChangedError(`树形选择中没有代码为 ${code} 的项`);
    }
    // Branches are the list items above the leaf that hold a nested list; outermost first.
    const branches = leaf.locator('xpath=ancestor::li[ul]');
    const depth = await branches.count();
    for (let i = 0; i < depth; i += 1) {
      const branch = branches.nth(i);
      if (!(await branch.locator('xpath=./ul').isVisible())) await tap(branch.locator('xpath=./*[1]'));
    }
    await tap(leaf);
  },
  read: (_run, field) => selectBox(field).inputValue(),
  expected: (value) => `[${asText(value)}]`,
  same: (onPage, expected) => onPage.startsWith(expected),
});
