import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../errors/index.ts';
import { waitFor } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { asText } from '../widgets/common.ts';
import { type DateFormats, dateToShow, shownAsWire } from '../widgets/date.ts';
import { TRIES } from './library-dom.ts';
import { fits, openPopup, shown } from './tdesign-dom.ts';

/**
 * t-date-picker, day or month (`mode="month"`). Both teleport a `.t-popup .t-date-picker__panel` to <body>
 * with arrows `.t-pagination-mini__prev/__next` in its header:
 *   date   month and year in `.t-date-picker__header-controller-month/-year input`; the arrows move a month;
 *          days `td.t-date-picker__cell[type=current-month] .t-date-picker__cell-inner`
 *   month  `.t-date-picker__panel-month`: the year alone in `.t-date-picker__header-controller-year input`;
 *          the arrows move a year; twelve cells `td.t-date-picker__cell`, January first (their text is
 *          the locale's, `1 月`, so a month is taken by its place)
 * The input previews a hovered cell while the panel is open: a value counts once the panel has closed.
 */

export const PICKER = '.t-date-picker';
/** The month panel's own markup, also how the census tells a month picker from a day picker. */
export const MONTH_PANEL = '.t-date-picker__panel-month';

type Ymd = { y: number; m: number; d: number };

/** A number read from a header input (`2026`, `12 月`), or PORTAL_CHANGED when the header is not TDesign's. */
async function headerNumber(input: Locator, pattern: RegExp, timeoutMs: number): Promise<number> {
  const found = pattern.exec(await input.inputValue({ timeout: timeoutMs }));
  if (!found)
    throw new PortalChangedError('TDesign 日期面板的年月无法识别（.t-date-picker__header-controller）');
  return Number(found[1]);
}

/**
 * Steps the panel by its arrows until `at()` (what the header shows, in arrow steps) is `target`. The
 * arrows are dispatched, not clicked at a point: their tooltip (上个月) soon covers that point, and a click
 * landing on it is outside the panel, which closes it. Each step waits for the header to move, up to
 * `timeoutMs` (a busy browser re-draws late; stepping on meanwhile overshoots).
 */
async function walk(
  panel: Locator,
  at: () => Promise<number>,
  target: number,
  timeoutMs: number,
): Promise<void> {
  for (let steps = 0; steps < 1200; steps += 1) {
    const now = await at();
    if (now === target) return;
    await panel
      .locator(now < target ? '.t-pagination-mini__next' : '.t-pagination-mini__prev')
      .first()
      .dispatchEvent('click');
    await waitFor(async () => ((await at()) !== now ? true : undefined), timeoutMs);
  }
}

/** Opens the panel, walks it to the date's month (or, for a month panel, its year) and taps the cell. */
async function pick(run: RunContext, box: Locator, date: Ymd, month: boolean): Promise<void> {
  const panel = await openPopup(run, box, '.t-date-picker__panel', '日期选择');
  const budget = run.settings.findTimeoutMs;
  const year = panel.locator('.t-date-picker__header-controller-year input').first();
  let cell: Locator;
  if (month) {
    if ((await panel.locator(MONTH_PANEL).count()) === 0)
      throw new PortalChangedError(`TDesign 日期面板不是月份面板（找不到 ${MONTH_PANEL}）`);
    await walk(panel, () => headerNumber(year, /(\d{4})/, budget), date.y, budget);
    const cells = panel.locator(`${MONTH_PANEL} td.t-date-picker__cell`);
    if ((await cells.count()) !== 12)
      throw new PortalChangedError(`TDesign 月份面板不是 12 个月（${MONTH_PANEL} td.t-date-picker__cell）`);
    cell = cells.nth(date.m - 1);
  } else {
    const monthInput = panel.locator('.t-date-picker__header-controller-month input').first();
    const at = async () =>
      (await headerNumber(year, /(\d{4})/, budget)) * 12 +
      (await headerNumber(monthInput, /(\d{1,2})/, budget));
    await walk(panel, at, date.y * 12 + date.m, budget);
    cell = panel.locator('td.t-date-picker__cell[type=current-month]').filter({
      has: run.page.locator('.t-date-picker__cell-inner', { hasText: new RegExp(`^${date.d}$`) }),
    });
    if ((await cell.count()) !== 1)
      throw new PortalChangedError(
        `TDesign 日期面板中找不到 ${date.d} 日（td.t-date-picker__cell[type=current-month]）`,
      );
  }
  // The cell is there: a busy browser gets the find budget to take the click and close the panel.
  await cell.click({ timeout: budget });
  await waitFor(async () => ((await panel.count()) === 0 ? true : undefined), budget);
}

/** The day or month picker: `wire` is the projection's format, `shown` what the portal's input shows. */
export const tdesignPicker = (formats: DateFormats): Widget => {
  const month = formats.month === true;
  const what = month ? '月份选择' : '日期选择';
  return {
    kind: month ? 'tdesign-month' : 'tdesign-date',
    async fill(run, field, value) {
      const { date, wanted } = dateToShow(formats, value);
      const box = (await fits(run, field, PICKER, what)).first();
      const panel = run.page.locator('.t-popup:has(.t-date-picker__panel)').filter({ visible: true });
      const taken = async () => (await panel.count()) === 0 && (await shown(box)) === wanted;
      for (let attempt = 1; attempt <= TRIES; attempt += 1) {
        if (await taken()) return;
        await pick(run, box, date, month);
      }
      if (!(await taken()))
        throw new PortalChangedError(`TDesign ${what}未显示“${wanted}”（${PICKER} input）`);
    },
    read: async (run, field) =>
      shownAsWire(formats, await shown((await fits(run, field, PICKER, what)).first())),
    expected: (value) => asText(value),
  };
};
