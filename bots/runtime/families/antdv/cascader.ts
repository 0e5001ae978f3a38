import type { Locator } from 'playwright-core';
import { regionPath } from '../../../../forms/codes/index.ts';
import { PortalChangedError, PortalUnavailableError, ValueRejectedError } from '../../../errors/index.ts';
import { waitFor, waitForPortal } from '../../locate.ts';
import type { RunContext, Widget } from '../../types.ts';
import { asText, tap } from '../../widgets/common.ts';
import { cssString, TRIES } from '../library-dom.ts';
import { chosenText, fits, openPopup } from './dom.ts';

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
  const item = column.locator(`li.ant-cascader-menu-item[title=${cssString(name)}]`);
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
export const region = (): Widget => ({
  kind: 'antdv-cascader',
  waitsOnPortal: true,
  async fill(run, field, value) {
    const names = regionNames(asText(value));
    const selector = await fits(run, field, CASCADER, '级联选择');
    if ((await shownPath(field)) === names.join('/')) return;
    // The menus are the library's to show and the path the page's to take: a busy browser gets the find
    // budget for each, as for a select's option.
    const budget = run.settings.findTimeoutMs;
    const menus = openPopup(run, 'ant-cascader-dropdown').locator('.ant-cascader-menus');
    const isOpen = async () => ((await menus.isVisible()) ? true : undefined);
    for (let attempt = 1; attempt <= TRIES; attempt += 1) {
      // Open menus are not clicked again: that would shut them.
      if (!(await isOpen())) await tap(selector, budget);
      if (!(await waitFor(isOpen, budget))) continue;
      for (const [level, name] of names.entries()) await pickLevel(run, menus, level, name);
      const done = await waitFor(
        async () => ((await shownPath(field)) === names.join('/') ? true : undefined),
        budget,
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
