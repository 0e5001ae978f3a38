import { itemDef } from '../../forms/index.ts';
import { centreTimeZone } from '../html/components.ts';

/**
 * 办理时限 as a point in time: an item's promised working days (forms/items) counted from submission on the
 * centre's calendar, Saturdays and Sundays not counted. Public holidays and 调休 are not known here, so a
 * deadline over a holiday reads earlier than the legal one, never later.
 */
const HOUR = 3_600_000;

function isWeekend(instant: number, weekday: Intl.DateTimeFormat): boolean {
  const day = weekday.format(new Date(instant));
  return day === 'Sat' || day === 'Sun';
}

export function addWorkingDays(start: Date, days: number): Date {
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone: centreTimeZone(), weekday: 'short' });
  let cursor = start.getTime();
  // Submitted at a weekend: the clock starts on Monday at the same time of day.
  while (isWeekend(cursor, weekday)) cursor += 24 * HOUR;
  let left = Math.round(days * 24);
  while (left > 0) {
    cursor += HOUR;
    if (!isWeekend(cursor, weekday)) left -= 1;
  }
  return new Date(cursor);
}

export function itemTimeLimitDays(itemId: string): number | undefined {
  try {
    return itemDef(itemId).timeLimitDays;
  } catch {
    return undefined;
  }
}

/** When the item is due, given when the application was submitted (none: not submitted, or no limit). */
export function itemDeadline(itemId: string, submittedAt: Date | null): Date | undefined {
  const days = itemTimeLimitDays(itemId);
  return submittedAt && days !== undefined ? addWorkingDays(submittedAt, days) : undefined;
}

/** The application's: the latest of its items' (the 一件事 is done when all of them are). */
export function applicationDeadline(itemIds: readonly string[], submittedAt: Date | null): Date | undefined {
  const due = itemIds.flatMap((id) => itemDeadline(id, submittedAt)?.getTime() ?? []);
  return due.length ? new Date(Math.max(...due)) : undefined;
}

/** 「剩余 1 天 3 小时」 or 「已超时 2 小时」, to the minute under an hour. */
export function countdown(deadline: Date, now = new Date()): { text: string; overdue: boolean } {
  const ms = deadline.getTime() - now.getTime();
  const overdue = ms < 0;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const span =
    days > 0
      ? `${days} 天${hours ? ` ${hours} 小时` : ''}`
      : hours > 0
        ? `${hours} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`
        : `${minutes % 60} 分钟`;
  return { text: overdue ? `已超时 ${span}` : `剩余 ${span}`, overdue };
}

/** 「1 个工作日」「半个工作日」. */
export function timeLimitText(days: number): string {
  return days === 0.5 ? '半个工作日' : `${days} 个工作日`;
}
