import type { Locator } from 'playwright-core';
import { PortalChangedError } from '../../errors/index.ts';
import { waitFor } from '../locate.ts';
import type { RunContext } from '../types.ts';

// What every component library's widgets share: how long to wait for the library's own markup, how often
// to try a list or a popup, and the check that the markup is there.

/** How long a component's own markup may take to appear (the library renders right after the page loads). */
export const FIT_MS = 2_000;
/** Tries at opening a list or popup and tapping an entry before the portal is taken to be misbehaving. */
export const TRIES = 3;

/** A text as a CSS attribute value: `[title=${cssString(label)}]`. */
export const cssString = (text: string) => JSON.stringify(text);

/**
 * Waits briefly for the library's markup (`selector`) in the field and returns every match; absent means the
 * page is not what was declared: a changed portal naming the `library`, `what` it looked for and the selector.
 */
export async function fitsMarkup(
  run: RunContext,
  scope: Locator,
  selector: string,
  library: string,
  what: string,
): Promise<Locator> {
  const found = scope.locator(selector);
  try {
    await found.first().waitFor({ state: 'attached', timeout: Math.min(FIT_MS, run.settings.findTimeoutMs) });
  } catch {
    throw new PortalChangedError(`不是 ${library} ${what}（找不到 ${selector}）`);
  }
  return found;
}

/**
 * Opens a box's popup, which the library teleports to <body>. One already shown is the box's own only while
 * `owns` says so (the library's open or focus mark on the box), and that is believed once; another box's
 * popup still fading out is waited away before the click, or it would be taken for this one's and empty as
 * it closed. A busy browser gets the find budget for every wait. False when `attempts` tries (a belief or a click each) showed nothing.
 */
export async function openOwnPopup(
  run: RunContext,
  shows: () => Promise<boolean>,
  box: { owns: () => Promise<boolean>; click: () => Promise<unknown> },
  attempts: number,
): Promise<boolean> {
  const budget = run.settings.findTimeoutMs;
  const shown = async () => ((await shows()) ? true : undefined);
  let believeOwn = true;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    if (believeOwn && (await box.owns())) {
      believeOwn = false;
      if (await waitFor(shown, budget)) return true;
      continue;
    }
    await waitFor(async () => ((await shows()) ? undefined : true), budget);
    await box.click();
    if (await waitFor(shown, budget)) return true;
  }
  return false;
}
