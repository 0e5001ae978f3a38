import type { Locator } from 'playwright-core';
import { waitFor } from '../locate.ts';
import type { RunContext } from '../types.ts';
import { fitsMarkup } from './library-dom.ts';

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
  return fitsMarkup(run, scope, selector, 'layui', what);
}
