import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../bots/browser/launch.ts';
import { createDriftChecker, type InstalledDriftChecker } from '../../cli/drift-checker.ts';
import { sandboxAccount } from '../../cli/portals-check.ts';
import { silentLogger } from '../../lib/logger.ts';
import { AlertNotifier } from '../../server/alerts.ts';
import { Sandbox } from '../bots/support/sandbox.ts';
import { SMS_CODE, startTestBots, type TestBots } from './bots-harness.ts';
import { signInPage } from './browser-sign-in.ts';
import { submittedReferenceApplication } from './desk-people.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook.ts';

/**
 * Issue 17 in Chromium: the housing-fund portal renames a label (a sandbox drift fault). The admin
 * switches on auto-pause and presses 立即检查: the real drift check walks the sandbox portal in the
 * workers, the portal's card turns red with the finding in Chinese, its queue holds new filings and the
 * webhook receives the alert. The clerk's one key files every other item while the housing fund waits,
 * saying why; once the portal is back and a check is clean, the hold lifts and the item is filed. The
 * checks file nothing on the portal. (Filings are scripted, as in the other web tests; the checks are not.)
 */
describe('drift check on the admin’s 部门系统 page', () => {
  const sandbox = new Sandbox();
  let web: TestServer;
  let bots: TestBots | undefined;
  let checker: InstalledDriftChecker | undefined;
  let browser: Browser;
  let hook: WebhookReceiver<{ text: string; alert: { key: string; kind: string; message: string } }>;
  let notifier: AlertNotifier | undefined;
  const contexts: BrowserContext[] = [];
  let id = '';

  beforeAll(async () => {
    await sandbox.start();
    web = await startTestServer({
      bots: async (db, dataDir) => {
        bots = await startTestBots(db, dataDir, {
          sandboxUrls: sandbox.portals.urls,
          driftCheck: (directory) => {
            checker = createDriftChecker({
              directory,
              publishCompany: async (company) => sandbox.portals.shared.registry.register(company),
              logger: silentLogger,
            });
            return checker.check;
          },
        });
        return bots;
      },
    });
    const account = sandboxAccount('housing-fund');
    if (!account || !bots) throw new Error('no housing-fund account or bots');
    await bots.queue.setCredentials('housing-fund', account.username, account.password, 'test');
    id = await submittedReferenceApplication(web);

    hook = await startWebhookReceiver();
    // As `yijian server` runs it with ALERT_WEBHOOK_URL set, checking often for the test's sake.
    notifier = new AlertNotifier(bots.queue, hook.url, silentLogger);
    notifier.start(300);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    notifier?.stop();
    for (const context of contexts) await context.close();
    await browser?.close();
    hook?.close();
    await web?.close();
    await checker?.close();
    await sandbox.stop();
  });

  const signIn = (login: string, password: string) =>
    signInPage(browser, contexts, web.base, login, password);

  /** Reloads the admin's page until the housing-fund card is (or is no longer) red: a check takes a while. */
  async function untilCard(admin: Page, red: boolean): Promise<void> {
    const deadline = Date.now() + 150_000;
    for (;;) {
      const card = admin.locator('#portal-housing-fund');
      const isRed = (await card.getAttribute('data-drift')) === 'will-fail';
      const checked = (await card.locator('.drift__result').textContent())?.startsWith('上次检查') ?? false;
      if (checked && isRed === red) return;
      if (Date.now() > deadline)
        throw new Error(`the housing-fund card did not become ${red ? 'red' : 'clean'}`);
      await admin.waitForTimeout(1000);
      await admin.reload();
    }
  }

  let admin: Page;
  let clerk: Page;

  it('a renamed label: the card turns red with the finding, the queue holds, the webhook hears', async () => {
    admin = await signIn('the.admin', 'Admin-pass-1');
    await admin.getByRole('link', { name: '部门系统' }).click();
    const card = admin.locator('#portal-housing-fund');
    await card.getByRole('button', { name: '开启自动暂停' }).click();
    await admin.locator('#portal-housing-fund').getByText('自动暂停：已开启').waitFor();

    await sandbox.setFaults('housing-fund', {
      drift: [{ kind: 'rename-label', label: '单位全称', to: '单位名称' }],
    });
    await admin.locator('#portal-housing-fund').getByRole('button', { name: '立即检查' }).click();
    await admin.getByText('已开始检查').waitFor();
    await untilCard(admin, true);

    const red = admin.locator('#portal-housing-fund');
    const finding = red.locator('.drift__finding--will-fail').filter({ hasText: '单位全称' }).first();
    expect(await finding.textContent()).toMatch(
      /必定失败\s*单位基本信息：找不到“unitName”的控件（标签“单位全称”）/,
    );
    expect(await red.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(192, 49, 43)');
    await red.getByText('部门系统已变更', { exact: true }).waitFor();
    await red.getByText('已因系统变更暂停').waitFor();
    expect((await bots?.queue.depth('housing-fund'))?.paused).toBe(true);
    // The admin's own pause is untouched: a clean check may lift the drift hold, never an admin's pause.
    expect((await bots?.queue.settings())?.find((s) => s.portalId === 'housing-fund')?.paused).toBe(false);

    const deadline = Date.now() + 15_000;
    while (!hook.received.some((r) => r.alert.kind === 'portal-drift') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const alert = hook.received.find((r) => r.alert.kind === 'portal-drift');
    expect(alert?.text).toMatch(
      /【一件事·一键办告警】「住房公积金[^」]*」部门系统已变更，\d+ 项必定失败：单位基本信息：找不到“unitName”/,
    );
    expect(await sandbox.submissions('housing-fund')).toHaveLength(0);
  }, 200_000);

  it('one key: the held portal’s item waits and the clerk reads why; the others are filed', async () => {
    clerk = await signIn('clerk.longwen', 'Clerk-pass-1');
    await clerk.goto(`${web.base}/desk/applications/${id}`);
    await clerk.getByRole('button', { name: '一键提交各部门' }).click();
    await clerk.locator('.progress').waitFor();
    const code = clerk.getByLabel('短信验证码');
    await code.waitFor({ timeout: 30_000 });
    await code.fill(SMS_CODE);
    await clerk.getByRole('button', { name: '提交', exact: true }).click();
    await clerk.getByText('已办结 6/7').waitFor({ timeout: 60_000 });
    const fund = clerk.locator('[data-item="housing-fund"]');
    await fund.getByText('排队中').waitFor();
    expect(await fund.locator('.item__hold').textContent()).toMatch(
      /^部门系统已变更，暂停提交：单位基本信息：找不到“unitName”的控件（标签“单位全称”）/,
    );
    // Held, not failed: no bot has run for it.
    await clerk.waitForTimeout(1500);
    expect(await bots?.queue.runs({ portalId: 'housing-fund', limit: 10 })).toEqual([]);
    expect((await bots?.queue.items(id))?.find((row) => row.itemId === 'housing-fund')?.status).toBe(
      'queued',
    );
  }, 120_000);

  it('the portal is back: a clean check lifts the hold and the waiting item is filed', async () => {
    await sandbox.setFaults('housing-fund', { drift: [] });
    await admin.goto(`${web.base}/admin/portals`);
    await admin.locator('#portal-housing-fund').getByRole('button', { name: '立即检查' }).click();
    await untilCard(admin, false);
    const card = admin.locator('#portal-housing-fund');
    expect(await card.locator('.drift__result').textContent()).not.toMatch(/必定失败/);
    expect(await card.getByText('已因系统变更暂停').count()).toBe(0);
    expect((await bots?.queue.depth('housing-fund'))?.paused).toBe(false);

    await clerk.getByText('已办结 7/7').waitFor({ timeout: 60_000 });
    expect(await clerk.locator('.item__hold').count()).toBe(0);
    // Two checks walked the portal up to its last page; neither filed anything.
    expect(await sandbox.submissions('housing-fund')).toHaveLength(0);
  }, 200_000);
});
