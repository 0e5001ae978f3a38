import type { Locator } from 'playwright-core';
import { PortalChangedError, ValueRejectedError } from '../../errors/index.ts';
import type { Widget } from '../types.ts';
import { asText, tap, textControl } from './common.ts';

/** yyyy, MM, dd in any order with literal separators: yyyy-MM-dd, yyyyMMdd, yyyy年MM月dd日, yyyyMM. */
export function parseDate(format: string, text: string): { y: number; m: number; d: number } | undefined {
  const order: string[] = [];
  const pattern = format.replace(/yyyy|MM|dd/g, (token) => {
    order.push(token);
    return token === 'yyyy' ? '(\\d{4})' : '(\\d{2})';
  });
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!match) return undefined;
  const parts: Record<string, number> = { yyyy: 0, MM: 1, dd: 1 };
  order.forEach((token, i) => {
    parts[token] = Number(match[i + 1]);
  });
  return { y: parts.yyyy ?? 0, m: parts.MM ?? 1, d: parts.dd ?? 1 };
}

export function formatDate(format: string, date: { y: number; m: number; d: number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return format.replace('yyyy', String(date.y)).replace('MM', pad(date.m)).replace('dd', pad(date.d));
}

/** A date widget's formats: `wire` the projection's (docs/item-fields.md), `shown` what the portal's box shows. */
export interface DateFormats {
  wire: string;
  shown: string;
  month?: boolean | undefined;
}

/**
 * The date a value names and how the box must show it. A value not in the wire format is rejected, for the
 * clerk to correct.
 */
export function dateToShow(
  formats: DateFormats,
  value: unknown,
): { date: { y: number; m: number; d: number }; wanted: string } {
  const date = parseDate(formats.wire, asText(value));
  if (!date) throw new ValueRejectedError(`日期“${asText(value)}”不是 ${formats.wire} 格式`, []);
  return { date, wanted: formatDate(formats.shown, date) };
}

/** What a date box shows, in wire terms; as it is when it is no date in the shown format. */
export function shownAsWire(formats: DateFormats, shown: string): string {
  const date = parseDate(formats.shown, shown);
  return date ? formatDate(formats.wire, date) : shown;
}

/** The month names the sandbox's calendar (and many portals' calendars) print on its month panel. */
export const MONTHS = [
  '一月',
  '二月',
  '三月',
  '四月',
  '五月',
  '六月',
  '七月',
  '八月',
  '九月',
  '十月',
  '十一月',
  '十二月',
];

const CALENDAR_WALKS = 3;

/** Whether the calendar popup is open, on any of its panels (each heads with a year). */
const calendarShown = (field: Locator) =>
  field
    .getByText(/^\d{4} 年/)
    .first()
    .isVisible();

/** Walks a calendar popup as a person does: year panel, decade arrows, year, month, (day). */
async function pickInCalendar(field: Locator, date: { y: number; m: number; d: number }, monthOnly: boolean) {
  const yearLink = field.getByText(/^\d{4} 年$/);
  if (await yearLink.isVisible()) await tap(yearLink);
  const decade = field.getByText(/^\d{4} 年 - \d{4} 年$/);
  const start = Number(/^(\d{4})/.exec((await decade.textContent()) ?? '')?.[1]);
  if (Number.isNaN(start)) throw new PortalChangedError('日历的年份面板无法识别');
  const jumps = Math.floor((date.y - start) / 10);
  const arrow = field.getByRole('button', { name: jumps < 0 ? '«' : '»', exact: true });
  for (let i = 0; i < Math.abs(jumps); i += 1) await tap(arrow);
  await tap(field.getByRole('cell', { name: String(date.y), exact: true }));
  await tap(field.getByRole('cell', { name: MONTHS[date.m - 1] ?? '', exact: true }));
  if (!monthOnly) await tap(field.getByRole('cell', { name: String(date.d), exact: true }));
}

/**
 * A readonly date (or month) input that only a calendar can set. `wire` is the projection's format
 * (docs/item-fields.md), `shown` the format this portal writes into the box; both are compared in wire terms.
 */
export const datePicker = (formats: DateFormats): Widget => ({
  kind: formats.month ? 'month-picker' : 'date-picker',
  spec: { kind: 'date', ...formats },
  async fill(_run, field, value) {
    const { date, wanted } = dateToShow(formats, value);
    const input = textControl(field);
    // Entries are tapped without Playwright's wait for a still popup: a tap that missed its cell leaves the
    // box as it was, and the calendar is walked again (a date another widget goes on from must be right now,
    // not at the read-back). After three walks the read-back reports what the box shows.
    for (let walk = 1; walk <= CALENDAR_WALKS; walk += 1) {
      if ((await input.inputValue()) === wanted) return;
      // A calendar left open by a missed tap closes when its box is clicked: walk it from where it is.
      if (walk === 1 || !(await calendarShown(field))) await input.click();
      await pickInCalendar(field, date, formats.month ?? false);
    }
  },
  read: async (_run, field) => shownAsWire(formats, await textControl(field).inputValue()),
  expected: (value) => asText(value),
});
