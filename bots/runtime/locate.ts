import type { FrameLocator, Locator, Page } from 'playwright-core';
import { PortalChangedError, PortalUnavailableError } from '../errors/index.ts';
import type { Find, RunContext } from './types.ts';

export type Scope = Page | Locator | FrameLocator;

/** Label text as compared: without spaces, required-marks and colons, which portals sprinkle freely. */
export const normaliseLabel = (text: string) => text.replace(/[\s*＊:：]/g, '');
const STRIP = "translate(normalize-space(.), ' *＊:：', '')";
const xpathString = (text: string) =>
  text.includes('"') ? `concat("${text.split('"').join('", \'"\', "')}")` : `"${text}"`;

/**
 * The Playwright locator for a Find (lazy; nothing is looked up yet). A label finds the field *next to* the
 * text a person reads as its label: the content after a <label> (that does not itself wrap a control), the
 * cell after a <th> or label cell, the <dd> after a <dt>, the column after a label's own column, the box
 * after a wrapper holding only the <label> (TDesign's `.t-form__label`) — the layouts government portals use.
 */
export function locatorOf(scope: Scope, find: Find): Locator {
  if ('label' in find) {
    const label = xpathString(normaliseLabel(find.label));
    const noControl = 'not(.//input or .//select or .//textarea or .//button)';
    // A <label> alone in its own cell (Ant Design's and Element's form items: label column, control
    // column) stands for that cell.
    const alone = `parent::*[count(*)=1 and not(self::form or self::td or self::th)]`;
    return scope.locator(
      `xpath=.//*[(self::label[${noControl}] or self::th or self::dt or self::td[${noControl}] or self::*[count(*)=1 and label[${noControl}]]) and ${STRIP}=${label}]/following-sibling::*[1]` +
        ` | .//label[${noControl} and not(following-sibling::*) and ${STRIP}=${label}]/${alone}/following-sibling::*[1]`,
    );
  }
  if ('title' in find) return scope.getByTitle(find.title, { exact: true });
  if ('row' in find) {
    const column = `normalize-space(.)=${xpathString(find.column.trim())}`;
    const head = `ancestor::table[1]//th[${column}]`;
    return scope.locator(
      `xpath=.//table[.//th[${column}]]//tr[*[1][${STRIP}=${xpathString(normaliseLabel(find.row))}]]/*[count(${head}/preceding-sibling::*) + 1]`,
    );
  }
  if ('legend' in find) {
    const wanted = normaliseLabel(find.legend);
    const legend = "translate(normalize-space(.), ' ', '')";
    const next = `substring(${legend}, ${[...wanted].length + 1}, 1)`;
    return scope.locator(
      `xpath=.//fieldset[legend[starts-with(${legend}, ${xpathString(wanted)}) and (${next}="" or not(contains("0123456789", ${next})))]]`,
    );
  }
  if ('tableRow' in find) {
    const header = `normalize-space(.)=${xpathString(find.table.trim())}`;
    return scope.locator(
      `xpath=.//table[.//th[${header}]]//tr[*[1][self::td] and normalize-space(*[1])=${xpathString(find.tableRow.trim())}]`,
    );
  }
  if ('column' in find) {
    const head = `ancestor::table[1]//th[normalize-space(.)=${xpathString(find.column.trim())}]`;
    return scope.locator(`xpath=./*[count(${head}/preceding-sibling::*) + 1][${head}]`);
  }
  if ('role' in find) return scope.getByRole(find.role, { name: find.name, exact: find.exact ?? true });
  if ('placeholder' in find) return scope.getByPlaceholder(find.placeholder, { exact: true });
  if ('text' in find) return scope.getByText(find.text, { exact: true });
  if ('after' in find) {
    return scope.locator(
      `xpath=.//*[not(*) and normalize-space(.)=${xpathString(find.after.trim())}]/following-sibling::*[1]`,
    );
  }
  return scope.locator(find.css);
}

/** How a Find reads in a message for an admin: 标签“企业名称”. */
export function describeFind(find: Find): string {
  if ('label' in find) return `标签“${find.label}”`;
  if ('title' in find) return `标题为“${find.title}”的元素`;
  if ('row' in find) return `表格“${find.row}”行“${find.column}”列`;
  if ('legend' in find) return `标题为“${find.legend}”的一组`;
  if ('tableRow' in find) return `表格“${find.table}”第 ${find.tableRow} 行`;
  if ('column' in find) return `“${find.column}”列`;
  if ('role' in find) return `${find.role}“${String(find.name)}”`;
  if ('placeholder' in find) return `提示文字“${find.placeholder}”`;
  if ('text' in find) return `文字“${String(find.text)}”`;
  if ('after' in find) return `“${find.after}”之后的内容`;
  return `CSS ${find.css}`;
}

/**
 * Finds exactly one element: waits up to `timeoutMs` for it to exist, then refuses ambiguity. Nothing found
 * or several found both mean the portal no longer looks the way its declaration says.
 */
export async function findOne(scope: Scope, find: Find, timeoutMs: number, what?: string): Promise<Locator> {
  const locator = locatorOf(scope, find);
  const name = what ? `${what}（${describeFind(find)}）` : describeFind(find);
  let count = await locator.count();
  if (count === 0) {
    try {
      await locator.first().waitFor({ state: 'attached', timeout: timeoutMs });
    } catch {
      throw new PortalChangedError(`页面上找不到${name}，门户页面可能已改版`);
    }
    count = await locator.count();
  }
  if (count > 1) throw new PortalChangedError(`页面上有 ${count} 处${name}，无法确定应填写哪一处`);
  return locator;
}

/** Whether a Find matches something right now (no waiting). */
export async function exists(scope: Scope, find: Find): Promise<boolean> {
  return (await locatorOf(scope, find).count()) > 0;
}

/**
 * Between two looks at the page. Each look is one browser round trip (≈ 5 ms on an idle machine); a wait
 * overshoots what it waits for by half the pause on average, and a filing waits some thirty times.
 */
const POLL_MS = 25;

/** Polls `check` until it returns a value (not undefined) — waiting on the page's own state, never a fixed sleep. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = POLL_MS,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * `waitFor` for what an XHR brings (a list's options, an upload's result): gives up at once when the portal
 * answers a request with a server error meanwhile, instead of waiting out the timeout for a list that will
 * never load.
 */
export async function waitForPortal<T>(
  run: RunContext,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T | undefined> {
  return waitFor(async () => {
    const value = await check();
    if (value !== undefined) return value;
    // Any server error in this step may be the request this wait depends on (it may have failed already).
    const trouble = run.trouble();
    if (trouble.length > 0) throw new PortalUnavailableError(`门户返回服务器错误（${trouble.at(-1)}）`);
    return undefined;
  }, timeoutMs);
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
