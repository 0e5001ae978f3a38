import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../errors/index.ts';
import { waitFor } from '../locate.ts';
import type { RunContext } from '../types.ts';

/** What every layui widget of the family shares: how long its markup may take, and the check that it is there. */

/** How long a layui widget's own markup may take to appear (layui renders right after the page loads). */
export const FIT_MS = 2_000;
/** Tries at opening a list and tapping an option before the portal is taken to be misbehaving. */
export const TRIES = 3;

export const cssString = (text: string) => JSON.stringify(text);

/**
 * Whether layui has drawn its skins on the page yet: a page that loads layui but shows none of them is
 * still rendering (a busy browser takes seconds); a page without layui has nothing to wait for.
 */
const RENDERED = `typeof layui === 'undefined' || !!document.querySelector('.layui-form-select, .layui-form-checkbox, .layui-form-radio, .layui-form-switch')`;

/**
 * Waits briefly for the library's markup in the field; absent means the page is not what was declared.
 * The brief wait starts once layui has rendered the page: that is the page loading, given a page's time.
 */
export async function fits(
  run: RunContext,
  scope: Locator,
  selector: string,
  what: string,
): Promise<Locator> {
  await waitFor(
    async () =>
      (await scope
        .page()
        .evaluate(RENDERED)
        .catch(() => false))
        ? true
        : undefined,
    run.settings.navigationTimeoutMs,
  );
  const found = scope.locator(selector);
  try {
    await found.first().waitFor({ state: 'attached', timeout: Math.min(FIT_MS, run.settings.findTimeoutMs) });
  } catch {
    throw new PortalChangedError(`不是 layui ${what}（找不到 ${selector}）`);
  }
  return found;
}
