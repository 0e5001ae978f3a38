import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../../errors/index.ts';
import type { RunContext } from '../../types.ts';

// What every antdv widget uses: how long to wait for the library's markup, and where its popups are.

/** How long a component's own markup may take to appear (the Vue app mounts right after the page loads). */
export const FIT_MS = 2_000;
/** Tries at opening a list and tapping an option before the portal is taken to be misbehaving. */
export const TRIES = 3;

export const css = (text: string) => JSON.stringify(text);

/** Waits briefly for the library's markup in the field; absent means the page is not what was declared. */
export async function fits(
  run: RunContext,
  scope: Locator,
  selector: string,
  what: string,
): Promise<Locator> {
  const found = scope.locator(selector);
  try {
    await found.first().waitFor({ state: 'attached', timeout: Math.min(FIT_MS, run.settings.findTimeoutMs) });
  } catch {
    throw new PortalChangedError(`不是 Ant Design Vue ${what}（找不到 ${selector}）`);
  }
  return found.first();
}

/** An open popup of `kind` teleported to <body> (hidden ones keep their node with a `-hidden` class). */
export const openPopup = (run: RunContext, kind: string) =>
  run.page.locator(`body .${kind}:not(.${kind}-hidden)`).filter({ visible: true }).last();

/** What a select or cascader shows as chosen. */
export const chosenText = async (box: Locator): Promise<string> => {
  const item = box.locator('.ant-select-selection-item');
  if ((await item.count()) === 0) return '';
  return ((await item.first().getAttribute('title')) ?? (await item.first().textContent()) ?? '').trim();
};
