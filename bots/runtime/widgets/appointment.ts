import type { Locator } from 'playwright-core';
import { PortalUnavailableError, ValueRejectedError } from '../../errors/index.ts';
import { findOne, waitForPortal } from '../locate.ts';
import type { Find, RunContext, Widget } from '../types.ts';
import { asText, textControl } from './common.ts';
import { datePicker, formatDate, parseDate } from './date.ts';

interface Wanted {
  date: string;
  slot: string;
}

const SLOT_NAME = /^\d{2}:\d{2}-\d{2}:\d{2}/;
const EARLIEST = 'auto:earliest-free';

/** The working days between two dates (yyyy-MM-dd), in order. */
function workdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); ) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 86_400_000);
  }
  return days;
}

/** The portal's words shown instead of slot tiles (the declaration's, so the runtime holds none of them). */
export interface AppointmentTexts {
  /** The day has no free slot (none offered, or all taken): the next day is tried. */
  noSlots: RegExp;
  /** The page lost what the tiles load for (the branch, the date), or failed to load them. */
  lost: RegExp;
}

/** The slot tiles of the day now shown, once they have loaded (a message instead of tiles: none). */
async function tilesOf(
  run: RunContext,
  field: Locator,
  texts: AppointmentTexts,
): Promise<{ name: string; free: boolean }[]> {
  const tiles = field.getByRole('button', { name: SLOT_NAME });
  return (
    (await waitForPortal(
      run,
      async () => {
        const count = await tiles.count();
        if (count === 0) {
          const text = (await field.innerText()).trim();
          // The tiles may have come between the two looks, and a full one reads like `noSlots`: look again.
          if ((await tiles.count()) > 0) return undefined;
          // A page that lost the branch (or the date) the tiles load for: going on to the next day would book
          // a later slot than the earliest free one, so the step is done again.
          if (run.saysNotNow(text) || texts.lost.test(text)) throw new PortalUnavailableError(text);
          return texts.noSlots.test(text) ? [] : undefined;
        }
        // All tiles in one look (two per tile took a second of a bank filing): a greyed-out tile is a
        // disabled button, or marked aria-disabled as component libraries do.
        const read = await tiles.evaluateAll((buttons) =>
          buttons.map((button) => ({
            text: (button as HTMLElement).innerText.trim(),
            free: !button.matches(':disabled') && button.closest('[aria-disabled="true"]') === null,
          })),
        );
        return read.map(({ text, free }) => ({ name: SLOT_NAME.exec(text)?.[0] ?? '', free }));
      },
      run.settings.navigationTimeoutMs,
    )) ?? []
  );
}

/**
 * An appointment: a date from a calendar and a time slot from the tiles that load for that day (full ones
 * are greyed out). `auto:earliest-free` walks the bookable working days the page names ("可预约 … 至 …")
 * and takes the first free slot, as a person does when the first choice is full.
 */
export const appointmentSlots = (options: { date: Find; shown: string; texts: AppointmentTexts }): Widget => {
  const picks = new WeakMap<RunContext, Wanted>();
  const calendar = datePicker({ wire: 'yyyy-MM-dd', shown: options.shown });
  const wantedOf = (value: unknown): Wanted => ({
    date: asText((value as Partial<Wanted> | undefined)?.date),
    slot: asText((value as Partial<Wanted> | undefined)?.slot),
  });
  return {
    kind: 'appointment',
    waitsOnPortal: true,
    async fill(run, field, value) {
      const wanted = wantedOf(value);
      const dateField = await findOne(run.page, options.date, run.settings.findTimeoutMs, '预约日期');
      let days = [wanted.date];
      if (wanted.date === EARLIEST) {
        const range = (await dateField.innerText()).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
        days = range.length >= 2 ? workdays(range[0] ?? '', range[1] ?? '') : [];
      }
      let shownTiles = false;
      for (const day of days) {
        await calendar.fill(run, dateField, day);
        // The tiles shown belong to the day in the box: another day's would be read as this one's.
        if ((await calendar.read(run, dateField)) !== day)
          throw new PortalUnavailableError(`预约日期未能选中 ${day}`);
        const tiles = await tilesOf(run, field, options.texts);
        shownTiles ||= tiles.length > 0;
        const tile =
          wanted.slot === EARLIEST ? tiles.find((t) => t.free) : tiles.find((t) => t.name === wanted.slot);
        if (!tile?.free) continue;
        await field.getByRole('button', { name: new RegExp(`^${tile.name}`) }).click();
        picks.set(run, { date: day, slot: tile.name });
        return;
      }
      // Only days whose tiles were all greyed out mean "fully booked"; no tiles at all means the page lost
      // the branch or the list did not load.
      if (!shownTiles) throw new PortalUnavailableError('预约时段未能加载');
      throw new ValueRejectedError('可预约的日期内没有空闲时段', []);
    },
    async read(run, field) {
      const dateField = await findOne(run.page, options.date, run.settings.findTimeoutMs, '预约日期');
      const shown = parseDate(options.shown, await textControl(dateField).inputValue());
      // The chosen tile is marked only by its colour; the form keeps its value in the slot's hidden input.
      const slot = await field.locator('xpath=.//input[@type="hidden"]').first().inputValue();
      return `${shown ? formatDate('yyyy-MM-dd', shown) : ''} ${slot}`;
    },
    expected(value, run) {
      const picked = picks.get(run) ?? wantedOf(value);
      return `${picked.date} ${picked.slot}`;
    },
    repicks: (value) => wantedOf(value).slot === EARLIEST,
  };
};
