import { describe, expect, it } from 'vitest';
import { SMS_CODE } from './bots-harness.ts';
import { signInPage } from './browser-sign-in.ts';
import { submittedReferenceApplication } from './desk-people.ts';
import { botsServerInChromium } from './server-in-chromium.ts';

/**
 * The clerk's and the admin's main paths in Chromium, on the real queue with scripted bots: the clerk
 * presses one key and watches all seven items reach their receipts while the applicant, on their own
 * phone, types the SMS code the seal portal sent; then an admin opens a run's evidence and pauses a queue.
 * No page is refreshed by hand: every change arrives as a live update.
 */
describe('clerk and admin in Chromium', () => {
  const { web, bots, browser, contexts } = botsServerInChromium(async (web) => {
    await submittedReferenceApplication(web);
  });

  const signIn = (login: string, password: string, viewport?: { width: number; height: number }) =>
    signInPage(browser, contexts, web.base, login, password, viewport);

  it('one key: all seven items reach their receipts, with the applicant answering the SMS code', async () => {
    const clerk = await signIn('clerk.longwen', 'Clerk-pass-1');
    await clerk.getByRole('link', { name: '审核', exact: true }).click();
    await clerk.getByText('自动审核没有发现问题').or(clerk.locator('.findings')).first().waitFor();
    await clerk.getByRole('button', { name: '一键提交各部门' }).click();
    await clerk.locator('.progress').waitFor();

    const applicant = await signIn('13805961234', 'Owner-pass-1', { width: 390, height: 844 });
    await applicant.locator('.app-item__link').first().click();
    // The question arrives while the page is open.
    const code = applicant.getByLabel('短信验证码');
    await code.waitFor({ timeout: 30_000 });
    await code.fill(SMS_CODE);
    await applicant.getByRole('button', { name: '提交', exact: true }).click();
    await applicant.getByText('验证码已提交，机器人正在继续办理。').waitFor();

    await clerk.getByText('已办结 7/7').waitFor({ timeout: 30_000 });
    expect(await clerk.locator('.item--done').count()).toBe(7);
    await clerk.getByText('91350603MA2Y8ABC1X').first().waitFor();
    expect(bots.runner.answers).toEqual([SMS_CODE]);
    await applicant.locator('.alert').getByText('全部事项已办结').waitFor({ timeout: 30_000 });
  }, 90_000);

  it('the admin opens a run’s evidence and pauses a portal’s queue', async () => {
    const admin = await signIn('the.admin', 'Admin-pass-1');
    await admin.getByRole('link', { name: '机器人运行' }).click();
    await admin.getByLabel('部门系统').selectOption('public-security');
    await admin.getByRole('button', { name: '筛选' }).click();
    await admin.getByRole('link', { name: '证据' }).first().click();
    await admin.getByText('填写表单').waitFor();
    const shot = admin.locator('img.run-step__shot').first();
    await shot.waitFor();
    expect(await shot.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await admin.getByRole('link', { name: '下载 Playwright 跟踪文件' }).waitFor();

    await admin.getByRole('link', { name: '部门系统' }).click();
    const card = admin.locator('#portal-housing-fund');
    await card.getByRole('button', { name: '暂停队列' }).click();
    await admin.locator('#portal-housing-fund').getByText('已暂停').waitFor();
    expect((await bots.queue.depth('housing-fund'))?.paused).toBe(true);
    await admin.locator('#portal-housing-fund').getByRole('button', { name: '恢复队列' }).click();
    await admin.locator('#portal-housing-fund').getByText('运行中').waitFor();
    expect((await bots.queue.depth('housing-fund'))?.paused).toBe(false);
  }, 60_000);
});
