import type { Locator } from 'playwright-core';
import type { RunContext } from '../../types.ts';
import { fitsMarkup } from '../library-dom.ts';

// What every antdv widget uses: the check for the library's markup, and where its popups are.

/** The first of the library's markup in the field, waited for briefly (the Vue app mounts right after the page loads). */
export const fits = async (run: RunContext, scope: Locator, selector: string, what: string) =>
  (await fitsMarkup(run, scope, selector, 'Ant Design Vue', what)).first();

/** An open popup of `kind` teleported to <body> (hidden ones keep their node with a `-hidden` class). */
export const openPopup = (run: RunContext, kind: string) =>
  run.page.locator(`body .${kind}:not(.${kind}-hidden)`).filter({ visible: true }).last();

/** What a select or cascader shows as chosen. */
export const chosenText = async (box: Locator): Promise<string> => {
  const item = box.locator('.ant-select-selection-item');
  if ((await item.count()) === 0) return '';
  return ((await item.first().getAttribute('title')) ?? (await item.first().textContent()) ?? '').trim();
};
