import type { Locator } from 'playwright-core';
import { PortalChangedError, PortalUnavailableError } from '../../errors/index.ts';
import { escapeRegExp, waitForPortal } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { asText, labelFor, type OptionLabels, optionText, selectBox, tap } from './common.ts';

/**
 * A component-library select (Element style): a readonly box that opens a list; the option is clicked by
 * the text a person reads. Skips the clicks when the box already shows the wanted option (portal defaults).
 */
export const divSelect = (options?: OptionLabels): Widget => ({
  kind: 'div-select',
  async fill(run, field, value) {
    const label = labelFor(options, asText(value));
    const box = selectBox(field);
    if ((await box.inputValue()) === label) return;
    const list = field.getByRole('listbox');
    const option = optionText(list, label);
    // A list that reloads (the branches of the bank just chosen) can close under the click; a person then
    // opens it again. A list that stays open without the option means the portal changed.
    for (let attempt = 1; ; attempt += 1) {
      await box.click();
      try {
        await option.waitFor({ state: 'visible', timeout: run.settings.findTimeoutMs });
        break;
      } catch {
        if (attempt >= 3 || (await list.isVisible()))
          throw new PortalChangedError(`下拉列表中没有“${label}”这一项`);
      }
    }
    await tap(option);
  },
  read: (_run, field) => selectBox(field).inputValue(),
  expected: (value) => labelFor(options, asText(value)),
  resolve: (run, field, directive) => firstOption(run, field, directive, options),
});

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
