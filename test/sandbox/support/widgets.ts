import type { Locator } from 'playwright-core';
import { MONTHS } from '../../../bots/runtime/widgets/date.ts';

/**
 * How a person works the kit's widgets once the field is found: each portal test finds the field its own way
 * (a form item by its label, a table cell beside its header, the same inside an iframe), then uses these.
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text that reads exactly `text`, white space around it aside. */
export const exactText = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);

/** Opens the field's div select and clicks the option with exactly this text. */
export async function selectOption(field: Locator, option: string): Promise<void> {
  const select = field.locator('.k-select').first();
  await select.locator('.k-select__box').click();
  await select.locator('.k-select__option', { hasText: exactText(option) }).click();
}

/** Opens the field's tree select, expands the branches in `path` and clicks the leaf (its last entry). */
export async function selectInTree(field: Locator, path: readonly string[]): Promise<void> {
  const select = field.locator('.k-select').first();
  await select.locator('.k-select__box').click();
  for (const step of path) await select.locator('.k-tree__label', { hasText: exactText(step) }).click();
}

/** Picks 省, 市 and 区 in turn, waiting for each level to load as a person would. */
export async function selectRegion(field: Locator, names: readonly string[]): Promise<void> {
  const levels = field.locator('.k-region__level');
  for (const [i, name] of names.entries()) {
    const level = levels.nth(i);
    await level
      .locator('xpath=self::*[not(contains(@class,"is-loading")) and not(contains(@class,"is-disabled"))]')
      .waitFor();
    await level.locator('.k-select__box').click();
    await level.locator('.k-select__option', { hasText: exactText(name) }).click();
  }
}

/** Opens the field's calendar, moves to the decade of `year` and clicks the year, then the month. */
async function openAtMonth(field: Locator, year: number, month: number): Promise<Locator> {
  const box = field.locator('.k-date').first();
  await box.locator('input').click();
  const calendar = box.locator('.k-cal');
  await calendar.locator('.k-cal__link', { hasText: '年' }).click();
  for (let guard = 0; guard < 30; guard += 1) {
    const title = (await calendar.locator('.k-cal__title').textContent()) ?? '';
    const start = Number(/(\d{4})/.exec(title)?.[1]);
    if (year < start) await calendar.locator('[data-cal="year-10"]').click();
    else if (year > start + 9) await calendar.locator('[data-cal="year+10"]').click();
    else break;
  }
  await calendar.locator('.k-cal__cell', { hasText: exactText(String(year)) }).click();
  await calendar.locator('.k-cal__cell', { hasText: exactText(MONTHS[month - 1] ?? '') }).click();
  return calendar;
}

/** A month picker (yyyyMM or yyyy-MM): the year, then the month. */
export async function pickMonthIn(field: Locator, year: number, month: number): Promise<void> {
  await openAtMonth(field, year, month);
}

/** A date picker: year, month and day of a yyyy-MM-dd date. */
export async function pickDateIn(field: Locator, date: string): Promise<void> {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const calendar = await openAtMonth(field, year, month);
  await calendar.locator('.k-cal__cell', { hasText: exactText(String(day)) }).click();
}
