import type { Locator } from 'playwright-core';
import { ValueRejectedError } from '../../errors/index.ts';

/** Option labels of a portal's list by wire value, or a function giving them (national tables). */
export type OptionLabels = Readonly<Record<string, string>> | ((wire: string) => string | undefined);

export function labelFor(options: OptionLabels | undefined, wire: string): string {
  if (!options) return wire;
  const label = typeof options === 'function' ? options(wire) : options[wire];
  // The filler adds the field id: a value the portal does not offer goes back to the clerk.
  if (label === undefined) throw new ValueRejectedError(`门户的选项中没有值“${wire}”`, []);
  return label;
}

export const asText = (value: unknown): string =>
  value === undefined || value === null ? '' : Array.isArray(value) ? value.join(',') : String(value);

export const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined || value === '' ? [] : [String(value)];

/** The typing control of a field: the field itself when it is one, else the one input or textarea inside. */
export function textControl(field: Locator): Locator {
  const typeable =
    'not(@type="hidden" or @type="file" or @type="radio" or @type="checkbox" or @type="button" or @type="submit")';
  return field.locator(
    `xpath=self::input[${typeable}] | self::textarea | .//input[${typeable}] | .//textarea`,
  );
}

/** The box a person clicks to open a component-library select (its readonly text box). */
export const selectBox = (field: Locator): Locator => field.getByRole('textbox');

/** The text of the element in `scope` that has exactly this text, among visible ones. */
export const optionText = (scope: Locator, text: string | RegExp): Locator =>
  scope.getByText(text, { exact: true }).filter({ visible: true });

/**
 * Clicks an entry of a popup the widget has just opened (a calendar cell, a list option, a tree node), or the
 * box of a div select, which clicks it again when its list stays shut. Playwright's
 * actionability checks wait for the element to stand still over two animation frames before every click,
 * ≈ 25–40 ms each (more on a busy machine), a large share of a long form's browser time. Skipping them risks
 * a click on a popup still sliding open landing on the wrong entry, or a click on a box that ignores it
 * (disabled while its list loads); the read-back before leaving the page catches a wrong entry and types the
 * field again. Buttons, whose clicks the portal acts on (uploads, SMS codes, rows, saving), and boxes without
 * such a second click (the cascade's, the tree select's, a date's) keep the full checks.
 */
export const tap = (entry: Locator, timeoutMs?: number): Promise<void> =>
  entry.click({ force: true, timeout: timeoutMs });

/**
 * Ticks or clears a checkbox or radio without the stability wait (see `tap`). Playwright still checks that
 * the click changed the box, and throws when it did not (a disabled box), so nothing is left unnoticed.
 */
export const tick = (box: Locator, checked = true): Promise<void> => box.setChecked(checked, { force: true });
