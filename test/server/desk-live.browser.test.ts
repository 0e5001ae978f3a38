import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInPage } from './browser-sign-in.ts';
import { Client } from './client.ts';
import { botsServerInChromium } from './server-in-chromium.ts';
import { fillWithUnsureReadings } from './unsure-readings.ts';

/**
 * The clerk's review and one key in Chromium: the values OCR was unsure of come first, each beside its
 * crop, and must be confirmed before one key; then the progress page updates in place (no navigation at
 * all) as the bot's steps arrive, each item showing its current step and elapsed time, with a link to the
 * run's evidence that the clerk may open.
 */
describe('clerk review and live progress in Chromium', () => {
  let id = '';
  const { web, bots, browser, contexts } = botsServerInChromium(
    async (web) => {
      await web.addUser('applicant', '13805961234', 'Owner-pass-1', { name: '林志远' });
      await web.addUser('clerk', 'clerk.longwen', 'Clerk-pass-1', { name: '王窗口', centreId: 'longwen' });
      const applicant = new Client(web.base);
      await applicant.login('13805961234', 'Owner-pass-1');
      id = (
        await applicant.sendJson('POST', '/api/applications', {
          bundleId: 'open-company',
          centreId: 'longwen',
        })
      ).json<{ id: string }>().id;
      await fillWithUnsureReadings(web, applicant, id);
      expect((await applicant.sendJson('POST', `/api/applications/${id}/submit`)).status).toBe(200);
    },
    // Closing waits for the bot run the last test left going; a loaded machine took over a minute.
    { closeTimeoutMs: 120_000 },
  );

  const signIn = (login: string, password: string): Promise<Page> =>
    signInPage(browser, contexts, web.base, login, password);

  it('confirms the unsure readings beside their crops before one key', async () => {
    const clerk = await signIn('clerk.longwen', 'Clerk-pass-1');
    await clerk.goto(`${web.base}/desk/applications/${id}`);
    const checks = clerk.locator('#ocr-checks');
    await checks.waitFor();
    expect(await clerk.getByText('自动审核没有发现问题').count()).toBe(0);
    // On top: the first thing of the main column after the findings.
    const above = await checks.evaluate(
      (element) =>
        element.getBoundingClientRect().top <
        (document.querySelector('.form-section')?.getBoundingClientRect().top ?? 0),
    );
    expect(above).toBe(true);
    const crops = checks.locator('img.ocr-check__crop');
    expect(await crops.count()).toBe(2);
    for (const crop of await crops.all()) {
      await expect
        .poll(() => crop.evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
    }

    await clerk.getByRole('button', { name: '一键提交各部门' }).click();
    await clerk.getByText('还有 2 项识别结果未核对').waitFor();
    expect(await web.services.applications.find({ kind: 'all' }, id)).toMatchObject({ status: 'submitted' });

    await clerk.getByRole('button', { name: '已核对，确认以上内容' }).click();
    await clerk.getByText('已确认 2 项识别结果').waitFor();
    expect(await clerk.locator('#ocr-checks').count()).toBe(0);
  }, 60_000);

  it('updates each item in place with its step and elapsed time, and links to its evidence', async () => {
    bots.runner.stepPauseMs = 2500;
    bots.runner.slowSteps.set('business-registration', ['登录部门系统', '填写基本信息', '填写股东信息']);
    const clerk = await signIn('clerk.longwen', 'Clerk-pass-1');
    await clerk.goto(`${web.base}/desk/applications/${id}`);
    await clerk.getByRole('button', { name: '一键提交各部门' }).click();
    await clerk.locator('.progress').waitFor();
    await clerk.waitForLoadState('load');

    let navigations = 0;
    clerk.on('framenavigated', (frame) => {
      if (frame === clerk.mainFrame()) navigations += 1;
    });
    const item = clerk.locator('[data-item="business-registration"]');
    const step = item.locator('.item__step');
    await step.getByText('第 1 步「登录部门系统」').waitFor({ timeout: 20_000 });
    await step.getByText('第 2 步「填写基本信息」').waitFor({ timeout: 20_000 });
    // The elapsed time counts on the page between events.
    const elapsed = item.locator('[data-since]');
    const first = await elapsed.textContent();
    await expect.poll(() => elapsed.textContent(), { timeout: 5000 }).not.toBe(first);
    await item
      .locator('.badge')
      .getByText('已受理，等待部门审核')
      .or(item.locator('.badge').getByText('已办结'))
      .waitFor({ timeout: 20_000 });
    expect(navigations).toBe(0);

    await item.getByRole('link', { name: /办理过程/ }).click();
    await clerk.getByRole('heading', { name: '步骤' }).waitFor();
    // The latest run may be the follow-up that fetched the approval; the filing run is one click away.
    const runs = clerk.locator('.run-list a');
    if ((await clerk.getByText('填写股东信息').count()) === 0) await runs.first().click();
    await clerk.getByText('填写股东信息').waitFor();
    const shot = clerk.locator('img.run-step__shot').first();
    await expect
      .poll(() => shot.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(clerk.url()).toContain(`/desk/applications/${id}/runs/`);
  }, 90_000);
});
