import type { Locator, Page } from 'playwright-core';
import { pickDateIn, selectInTree, selectOption, selectRegion } from './widgets.ts';

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
  await selectOption(item(scope, label), option);
}

/** Opens a tree select, expands the branches in `path` and clicks the leaf (its last entry). */
export async function chooseInTree(scope: Scope, label: string, path: readonly string[]): Promise<void> {
  await selectInTree(item(scope, label), path);
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
  await selectRegion(item(scope, label), names);
}

/** Opens the calendar of a readonly date input and clicks year, month and day (yyyy-MM-dd). */
export async function pickDate(scope: Scope, label: string, date: string): Promise<void> {
  await pickDateIn(item(scope, label), date);
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
