import { regionPath } from '../../../forms/codes/index.ts';
import { PortalChangedError, PortalUnavailableError, ValueRejectedError } from '../../errors/index.ts';
import { waitForPortal } from '../locate.ts';
import type { Widget } from '../types.ts';
import { asText, optionText, tap } from './common.ts';

const namesOf = (code: string): string[] => {
  const path = regionPath(code).map((region) => region.name);
  if (path.length !== 3) throw new ValueRejectedError(`行政区划代码“${code}”不是区县一级`, []);
  return path;
};

/**
 * 省/市/区 cascade (GB/T 2260): each level's list arrives over XHR after the level above is chosen, so each
 * pick waits for its option to be loaded — the page's own signal — before opening the level.
 */
export const regionCascade = (): Widget => ({
  kind: 'region-cascade',
  spec: { kind: 'region' },
  waitsOnPortal: true,
  async fill(run, field, value) {
    const names = namesOf(asText(value));
    const boxes = field.getByRole('textbox');
    if ((await boxes.count()) < names.length) throw new PortalChangedError('省/市/区选择框不足三级');
    const levelOf = (i: number) => boxes.nth(i).locator('xpath=ancestor::*[.//*[@role="listbox"]][1]');
    const pick = async (i: number, name: string) => {
      // A full click: nothing here clicks a box again that ignored the click while its level loaded.
      await boxes.nth(i).click();
      await tap(optionText(levelOf(i).getByRole('listbox'), name));
    };
    for (const [i, name] of names.entries()) {
      const box = boxes.nth(i);
      const option = levelOf(i)
        .getByRole('listbox', { includeHidden: true })
        .getByText(name, { exact: true });
      for (let attempt = 1; ; attempt += 1) {
        try {
          const loaded = await waitForPortal(
            run,
            async () => ((await option.count()) > 0 ? true : undefined),
            run.settings.navigationTimeoutMs,
          );
          if (!loaded) {
            // After a failed load the list may simply not have come again (choosing the same entry above
            // does not always reload it): that is the portal's trouble, and the step is done afresh.
            if (attempt > 1) throw new PortalUnavailableError(`省/市/区第 ${i + 1} 级未能重新加载`);
            throw new PortalChangedError(`省/市/区第 ${i + 1} 级没有“${name}”`);
          }
          break;
        } catch (error) {
          // A level that failed to load is loaded again by choosing the level above once more, as a
          // person does after "加载失败，请重新选择"; the first level only comes back with the page.
          const above = names[i - 1];
          if (!(error instanceof PortalUnavailableError) || above === undefined || attempt >= 2) throw error;
          run.clearTrouble();
          await pick(i - 1, above);
        }
      }
      if ((await box.inputValue()) === name && i < names.length - 1) continue;
      await pick(i, name);
    }
  },
  async read(_run, field) {
    const boxes = field.getByRole('textbox');
    const shown: string[] = [];
    for (let i = 0; i < (await boxes.count()); i += 1) shown.push(await boxes.nth(i).inputValue());
    return shown.join('/');
  },
  expected: (value) => namesOf(asText(value)).join('/'),
});
