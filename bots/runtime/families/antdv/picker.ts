import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../../errors/index.ts';
import { waitFor } from '../../locate.ts';
import type { RunContext, Widget } from '../../types.ts';
import { asText, tap } from '../../widgets/common.ts';
import { type DateFormats, dateToShow, formatDate, shownAsWire } from '../../widgets/date.ts';
import { cssString, openOwnPopup, TRIES } from '../library-dom.ts';
import { fits, openPopup } from './dom.ts';

const PICKER_INPUT = '.ant-picker input';

/**
 * Walks the open panel by its arrows to the cell titled `title`, then taps it. Each arrow is followed by a
 * wait for the panel to move (a busy browser re-draws it late; tapping on meanwhile overshoots), and every
 * wait and tap gets the find budget.
 */
async function pickCell(run: RunContext, title: string, month: boolean): Promise<void> {
  const budget = run.settings.findTimeoutMs;
  const panel = openPopup(run, 'ant-picker-dropdown');
  const target = panel.locator(`td.ant-picker-cell-in-view[title=${cssString(title)}]`);
  const first = panel.locator('td.ant-picker-cell-in-view').first();
  const [y, m] = title.split('-').map(Number) as [number, number];
  for (let step = 0; step < 240 && (await target.count()) === 0; step += 1) {
    const shownTitle = await first.getAttribute('title', { timeout: budget });
    const shown = /^(\d{4})-(\d{2})/.exec(shownTitle ?? '');
    if (!shown)
      throw new PortalChangedError(`Ant Design Vue 日期面板无法识别（td.ant-picker-cell-in-view[title]）`);
    const months = y * 12 + m - (Number(shown[1]) * 12 + (month ? m : Number(shown[2])));
    const byYear = month || Math.abs(months) >= 12;
    const arrow = `.ant-picker-header-${byYear ? 'super-' : ''}${months > 0 ? 'next' : 'prev'}-btn`;
    await tap(panel.locator(arrow).first(), budget);
    await waitFor(
      async () =>
        (await first.getAttribute('title', { timeout: budget }).catch(() => shownTitle)) !== shownTitle
          ? true
          : undefined,
      budget,
    );
  }
  await tap(target.first(), budget);
}

/** Opens this box's panel: one shown is ours only while our box has the focus (openOwnPopup). */
function openPanel(run: RunContext, input: Locator): Promise<boolean> {
  const panel = openPopup(run, 'ant-picker-dropdown');
  const focused = () => input.evaluate((el) => el.closest('.ant-picker-focused') !== null);
  return openOwnPopup(
    run,
    () => panel.isVisible(),
    { owns: async () => (await panel.isVisible()) && (await focused()), click: () => input.click() },
    2,
  );
}

export const picker = (formats: DateFormats): Widget => ({
  kind: formats.month ? 'antdv-month' : 'antdv-date',
  async fill(run, field, value) {
    const { date, wanted } = dateToShow(formats, value);
    const input = await fits(run, field, PICKER_INPUT, formats.month ? '月份选择框' : '日期选择框');
    const title = formatDate(formats.month ? 'yyyy-MM' : 'yyyy-MM-dd', date);
    for (let attempt = 1; attempt <= TRIES; attempt += 1) {
      if ((await input.inputValue()) === wanted) return;
      if (!(await openPanel(run, input)))
        throw new PortalChangedError('点击日期框后没有弹出 Ant Design Vue 日期面板（.ant-picker-dropdown）');
      await pickCell(run, title, formats.month === true).catch((error: unknown) => {
        if (error instanceof PortalChangedError) throw error;
      });
      await waitFor(
        async () => ((await input.inputValue()) === wanted ? true : undefined),
        run.settings.findTimeoutMs,
      );
    }
  },
  read: async (run, field) =>
    shownAsWire(formats, await (await fits(run, field, PICKER_INPUT, '日期选择框')).inputValue()),
  expected: (value) => asText(value),
});
