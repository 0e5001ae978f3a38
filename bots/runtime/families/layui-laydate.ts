import { PortalChangedError } from '../../errors/index.ts';
import { waitFor } from '../locate.ts';
import type { RunContext, Widget } from '../types.ts';
import { asText, tap, textControl } from '../widgets/common.ts';
import { type DateFormats, dateToShow, shownAsWire } from '../widgets/date.ts';
import { cssString, FIT_MS, TRIES } from './library-dom.ts';

// laydate, layui's date and month picker, filled by walking its panel's arrows. The panel is the library's to
// draw and a shown cell the browser's to click: a busy browser takes over a second for either, so each wait
// and click gets the find budget (`findTimeoutMs`), never a fixed short time.

/** The open laydate panel (appended to <body>, one at a time). */
const laydatePanel = (run: RunContext) => run.page.locator('.layui-laydate').filter({ visible: true }).last();

/** Walks the open panel to the wanted month by its arrows, then taps the day. */
async function pickDay(run: RunContext, date: { y: number; m: number; d: number }): Promise<void> {
  const panel = laydatePanel(run);
  const header = panel.locator('.laydate-set-ym span[lay-ym]').first();
  const budget = run.settings.findTimeoutMs;
  const shown = /^(\d{4})-(\d{1,2})$/.exec((await header.getAttribute('lay-ym', { timeout: budget })) ?? '');
  if (!shown) throw new PortalChangedError('layui 日历的年月无法识别（.laydate-set-ym span[lay-ym]）');
  let months = date.y * 12 + date.m - (Number(shown[1]) * 12 + Number(shown[2]));
  const years = Math.trunc(months / 12);
  for (let i = 0; i < Math.abs(years); i += 1)
    await tap(panel.locator(years > 0 ? '.laydate-next-y' : '.laydate-prev-y'));
  months -= years * 12;
  for (let i = 0; i < Math.abs(months); i += 1)
    await tap(panel.locator(months > 0 ? '.laydate-next-m' : '.laydate-prev-m'));
  await tap(panel.locator(`td[lay-ymd=${cssString(`${date.y}-${date.m}-${date.d}`)}]`), budget);
  // A panel with a confirm button (showBottom) keeps the choice until it is pressed.
  const confirm = panel.locator('.laydate-btns-confirm');
  if (await confirm.isVisible()) await tap(confirm);
}

/**
 * A month panel (`laydate.render({ type: 'month' })`): the year in `.laydate-set-ym span[lay-ym="2026-12"]`,
 * moved by `.laydate-prev-y/-next-y`; the months `ul.laydate-month-list li[lay-ym="0".."11"]` (0 = 一月).
 */
async function pickMonth(run: RunContext, date: { y: number; m: number }): Promise<void> {
  const panel = laydatePanel(run);
  const header = panel.locator('.laydate-set-ym span[lay-ym]').first();
  const list = panel.locator('ul.laydate-month-list');
  const budget = run.settings.findTimeoutMs;
  const year = async () =>
    /^(\d{4})-/.exec((await header.getAttribute('lay-ym', { timeout: budget })) ?? '')?.[1];
  const shown = await year();
  if (!shown || (await list.count()) === 0)
    throw new PortalChangedError(
      'layui 月份面板无法识别（.laydate-set-ym span[lay-ym]、ul.laydate-month-list）',
    );
  const years = date.y - Number(shown);
  for (let i = 0; i < Math.abs(years); i += 1)
    await tap(panel.locator(years > 0 ? '.laydate-next-y' : '.laydate-prev-y'));
  await waitFor(async () => ((await year()) === String(date.y) ? true : undefined), budget);
  await tap(list.locator(`li[lay-ym=${cssString(String(date.m - 1))}]`), budget);
  const confirm = panel.locator('.laydate-btns-confirm');
  if (await confirm.isVisible()) await tap(confirm);
}

export const laydate = (formats: DateFormats): Widget => ({
  kind: formats.month ? 'layui-month' : 'layui-date',
  async fill(run, field, value) {
    const { date, wanted } = dateToShow(formats, value);
    const input = textControl(field);
    for (let attempt = 1; attempt <= TRIES; attempt += 1) {
      if ((await input.inputValue()) === wanted) return;
      if (!(await laydatePanel(run).isVisible())) await input.click();
      const opened = await waitFor(
        async () => ((await laydatePanel(run).isVisible()) ? true : undefined),
        Math.min(FIT_MS, run.settings.findTimeoutMs),
      );
      if (!opened) throw new PortalChangedError('点击日期框后没有弹出 layui 日历（.layui-laydate）');
      await (formats.month ? pickMonth(run, date) : pickDay(run, date)).catch((error: unknown) => {
        if (error instanceof PortalChangedError) throw error;
      });
      await waitFor(
        async () => ((await input.inputValue()) === wanted ? true : undefined),
        run.settings.findTimeoutMs,
      );
    }
  },
  read: async (_run, field) => shownAsWire(formats, await textControl(field).inputValue()),
  expected: (value) => asText(value),
});
