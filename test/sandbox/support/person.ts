import type { Locator, Page } from 'playwright-core';

/**
 * How a person works the kit's widgets in a browser: find the form item by the label they read, then click
 * and type in it. Shared by the portal browser tests; never used by the bots (they have their own runtime).
 */
type Scope = Page | Locator;

/** The form item (label + control + error) whose label reads exactly `label`. */
export function item(scope: Scope, label: string): Locator {
  // `has` locators are relative to the element filtered, so they are built from the page.
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  const labelled = page.locator(':scope > .k-form-item__label', {
    hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`),
  });
  return scope.locator('.k-form-item').filter({ has: labelled }).first();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function typeInto(scope: Scope, label: string, value: string): Promise<void> {
  await item(scope, label).locator('input.k-input, textarea').first().fill(value);
}

/** Opens a div select and clicks the option with exactly this text. */
export async function choose(scope: Scope, label: string, option: string): Promise<void> {
  const select = item(scope, label).locator('.k-select').first();
  await select.locator('.k-select__box').click();
  await select.locator('.k-select__option', { hasText: new RegExp(`^${escapeRegExp(option)}$`) }).click();
}

/** Opens a tree select, expands the branches in `path` and clicks the leaf (its last entry). */
export async function chooseInTree(scope: Scope, label: string, path: readonly string[]): Promise<void> {
  const select = item(scope, label).locator('.k-select').first();
  await select.locator('.k-select__box').click();
  for (const step of path) {
    await select.locator('.k-tree__label', { hasText: new RegExp(`^${escapeRegExp(step)}$`) }).click();
  }
}

export async function clickRadio(scope: Scope, label: string, option: string): Promise<void> {
  await item(scope, label).locator('label.k-radio', { hasText: option }).click();
}

export async function tick(scope: Scope, label: string, options: readonly string[]): Promise<void> {
  for (const option of options) {
    await item(scope, label)
      .locator('label.k-check', { hasText: new RegExp(`^${escapeRegExp(option)}$`) })
      .click();
  }
}

/** Picks 省, 市 and 区 in turn, waiting for each level to load as a person would. */
export async function chooseRegion(scope: Scope, label: string, names: readonly string[]): Promise<void> {
  const levels = item(scope, label).locator('.k-region__level');
  for (const [i, name] of names.entries()) {
    const level = levels.nth(i);
    await level
      .locator('xpath=self::*[not(contains(@class,"is-loading")) and not(contains(@class,"is-disabled"))]')
      .waitFor();
    await level.locator('.k-select__box').click();
    await level.locator('.k-select__option', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }).click();
  }
}

const MONTHS = [
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

/** Opens the calendar of a readonly date input and clicks year, month and day (yyyy-MM-dd). */
export async function pickDate(scope: Scope, label: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const box = item(scope, label).locator('.k-date').first();
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
  await calendar.locator('.k-cal__cell', { hasText: new RegExp(`^${year}$`) }).click();
  await calendar.locator('.k-cal__cell', { hasText: new RegExp(`^${MONTHS[month - 1]}$`) }).click();
  await calendar.locator('.k-cal__cell', { hasText: new RegExp(`^${day}$`) }).click();
}

export async function upload(
  scope: Scope,
  label: string,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const slot = item(scope, label).locator('.k-upload');
  await slot.locator('input[type=file]').setInputFiles(file);
  await slot.locator('xpath=self::*[contains(@class,"is-done") or contains(@class,"is-error")]').waitFor();
}

/** The message shown beside a field. */
export function errorOf(scope: Scope, label: string): Locator {
  return item(scope, label).locator('.k-form-item__error').first();
}
