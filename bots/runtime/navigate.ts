import type { Locator } from 'playwright-core';
import {
  type FieldRejection,
  PortalChangedError,
  PortalUnavailableError,
  ValueRejectedError,
} from '../errors/index.ts';
import { assertServing, busyText } from './health.ts';
import { describeFind, findOne, locatorOf, type Scope, waitFor } from './locate.ts';
import type { Run } from './run.ts';
import type { BoundField, Find } from './types.ts';

/** A pause before asking a busy portal again: doubled each time, with jitter so workers do not march in step. */
export function backoff(run: Run, attempt: number): Promise<void> {
  const base = Math.min(run.settings.retryDelayMs * 2 ** (attempt - 1), run.settings.retryDelayMaxMs);
  const ms = base * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Opens a page of the portal and checks that the portal actually served it; a busy answer to a GET is
 * simply asked again (a person presses 刷新) before the step gives up.
 */
export async function goto(run: Run, path: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await run.page.goto(run.url(path), {
      waitUntil: 'load',
      timeout: run.settings.navigationTimeoutMs,
    });
    const busy =
      response && response.status() >= 500
        ? `门户返回 ${response.status()}（${path}）`
        : ((await busyText(run)) ?? brokenPage(run));
    // A new document starts with no trouble of its own (Run forgets the old page's on navigation).
    if (!busy) return;
    if (attempt >= 3) throw new PortalUnavailableError(`门户暂不可用：${busy}`);
    await backoff(run, attempt);
  }
}

/** Clicks something that loads a new document (a form post, a link) and waits for it to load. */
export async function clickAndLoad(run: Run, target: Locator): Promise<void> {
  const page = run.page;
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: run.settings.navigationTimeoutMs,
  });
  await target.click();
  await navigated;
  await page.waitForLoadState('load', { timeout: run.settings.navigationTimeoutMs });
  await assertServing(run);
  // The page after a post-redirect-get is a GET: when its scripts or styles failed, reload it as a person
  // would. The direct answer to a POST is not reloaded (that would post again); the step decides.
  for (let attempt = 1; brokenPage(run); attempt += 1) {
    if (run.documentMethod() !== 'GET' || attempt > 3)
      throw new PortalUnavailableError(`门户暂不可用：${brokenPage(run)}`);
    await backoff(run, attempt);
    await page.reload({ waitUntil: 'load', timeout: run.settings.navigationTimeoutMs });
    await assertServing(run);
  }
}

/** Why the page now shown is broken although its document arrived: scripts, styles or frames that failed. */
function brokenPage(run: Run): string | undefined {
  const broken = run.brokenAssets();
  return broken.length > 0 ? `页面资源未能加载（${broken.slice(-3).join('，')}）` : undefined;
}

const visibleAlerts = (scope: Scope): Promise<string[]> =>
  scope
    .getByRole('alert')
    .filter({ visible: true })
    .allInnerTexts()
    .then((texts) => texts.map((t) => t.trim()).filter(Boolean));

/** The portal's messages beside the bound fields (and above the form), by field id. */
export async function readRejections(
  run: Run,
  scope: Scope,
  bound: readonly BoundField[],
  pageErrorField = 'form',
): Promise<FieldRejection[]> {
  const fields: FieldRejection[] = [];
  for (const entry of bound) {
    const texts = await visibleAlerts(entry.field);
    if (texts.length) fields.push({ fieldId: entry.fieldId, message: texts.join('；') });
  }
  if (fields.length > 0) return fields;
  return (await visibleAlerts(scope)).map((message) => ({ fieldId: pageErrorField, message }));
}

type Outcome = 'arrived' | 'continue' | 'messages';

/** Page state can be read mid-navigation; a read that loses its document counts as "not yet". */
const settled = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await read();
  } catch {
    return undefined;
  }
};

/** Refusals of an SMS code in one run before the item goes back to the clerk. */
const SMS_CODE_TRIES = 3;

const isSmsCode = (bound: readonly BoundField[], fieldId: string) =>
  bound.some((entry) => entry.fieldId === fieldId && entry.binding.widget.kind === 'sms-code');

/**
 * Leaves a page by its button and follows whatever the portal answers: the next page (`arrival` shows), a
 * warning that wants "继续", or messages beside fields (→ ValueRejectedError with the field ids). A form
 * that posts by XHR (`navigates: false`) stays on its page until the answer arrives; its messages count
 * once they stay put (a success toast is soon followed by the next page).
 */
export async function leavePage(
  run: Run,
  scope: Scope,
  button: Find,
  arrival: Find,
  bound: readonly BoundField[],
  options: { pageErrorField?: string | undefined; navigates?: boolean | undefined } = {},
): Promise<void> {
  const target = await findOne(scope, button, run.settings.findTimeoutMs, '按钮');
  if (options.navigates ?? true) await clickAndLoad(run, target);
  else await target.click();
  const page = run.page;
  const proceed = (where: Scope) =>
    where.getByRole('dialog').filter({ visible: true }).getByRole('button', { name: '继续' });
  const patience = options.navigates === false ? 1000 : 0;
  for (let round = 0; round < 3; round += 1) {
    let seen = '';
    let since = 0;
    const outcome = await waitFor<Outcome>(
      async () => {
        if (await settled(() => locatorOf(page, arrival).first().isVisible())) return 'arrived';
        if ((await settled(() => proceed(scope).count())) ?? 0) return 'continue';
        const messages = ((await settled(() => visibleAlerts(scope))) ?? []).join('|');
        if (!messages) return undefined;
        if (run.saysNotNow(messages)) return 'messages';
        if (messages !== seen) [seen, since] = [messages, Date.now()];
        return Date.now() - since >= patience ? 'messages' : undefined;
      },
      options.navigates === false ? run.settings.navigationTimeoutMs : run.settings.findTimeoutMs,
    );
    if (outcome === 'arrived') return;
    if (outcome === 'continue') {
      await clickAndLoad(run, proceed(scope).first());
      continue;
    }
    if (outcome === undefined) break;
    const rejections = await readRejections(run, scope, bound, options.pageErrorField);
    const busy = rejections.find((r) => run.saysNotNow(r.message));
    if (busy) throw new PortalUnavailableError(`门户暂不可用：${busy.message}`);
    if (rejections.length > 0 && rejections.every((r) => isSmsCode(bound, r.fieldId))) {
      // A refused SMS code was usually voided by a newer one (another filing texted the same phone) or
      // expired: a person presses 获取验证码 again. The step is tried anew, asking for a fresh code; only
      // after SMS_CODE_TRIES refusals in one run is it the clerk's business.
      if (run.noteSmsRefusal(rejections[0]?.message) < SMS_CODE_TRIES)
        throw new PortalUnavailableError(
          `短信验证码未通过（${rejections[0]?.message ?? ''}），重新获取验证码`,
        );
    }
    if (rejections.length > 0) {
      throw new ValueRejectedError(
        `门户退回了 ${rejections.length} 项：${rejections.map((r) => `${r.fieldId}（${r.message}）`).join('；')}`,
        rejections,
      );
    }
    break;
  }
  throw new PortalChangedError(`提交后没有出现预期的页面（${describeFind(arrival)}）`);
}
