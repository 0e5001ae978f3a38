import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SMS_CODE, until } from './bots-harness.ts';
import { signInPage } from './browser-sign-in.ts';
import { Client } from './client.ts';
import { submittedReferenceApplication } from './desk-people.ts';
import { botsServerInChromium } from './server-in-chromium.ts';

/**
 * Issue 19: the seal portal refuses the SMS code the applicant typed on their phone. Right after answering,
 * the item is no longer 等待验证码; when the portal has sent a new code, the new question says why
 * (「验证码不正确，已重新发送」) and arrives on the open page; the second code files the item.
 */
describe('an SMS code the portal refuses, on the applicant’s phone', () => {
  let id = '';
  let sendNewCode: () => void = () => {};
  const { web, bots, browser, contexts } = botsServerInChromium(async (web) => {
    id = await submittedReferenceApplication(web);
    bots.runner.refusedSmsCodes.add('135790');
    bots.runner.beforeNewSmsCode = new Promise((resolve) => {
      sendNewCode = resolve;
    });
  });
  // Before the server closes (this describe's afterAll runs before the suite's): a held run may end.
  afterAll(() => sendNewCode());

  const seal = (page: Page) => page.locator('li[data-item="seal-engraving"]');
  const text = async (page: Page, selector: string) =>
    ((await seal(page).locator(selector).first().textContent()) ?? '').trim();

  it('shows the state at once, then the new question with its reason, and files with the next code', async () => {
    const clerk = new Client(web.base);
    await clerk.login('clerk.longwen', 'Clerk-pass-1');
    expect((await clerk.postForm(`/desk/applications/${id}/dispatch`, {})).status).toBe(303);

    const phone = await signInPage(browser, contexts, web.base, '13805961234', 'Owner-pass-1', {
      width: 390,
      height: 844,
    });
    await phone.goto(`${web.base}/my/applications/${id}`);
    const code = seal(phone).getByLabel('短信验证码');
    await code.waitFor({ timeout: 30_000 });
    expect(await text(phone, '.badge')).toBe('等待验证码');
    expect(await text(phone, '.task__prompt')).toBe('请输入发送到 138****1234 的短信验证码');

    // A wrong code: the page that follows shows the item on its way again, not still waiting.
    await code.fill('135790');
    await seal(phone).getByRole('button', { name: '提交', exact: true }).click();
    await phone.getByText('验证码已提交，机器人正在继续办理。').waitFor();
    expect(await text(phone, '.badge')).toBe('办理中');
    expect(await seal(phone).locator('.task').count()).toBe(0);
    await until(
      () => bots.queue.items(id),
      (rows) => rows.find((row) => row.itemId === 'seal-engraving')?.status === 'running',
    );

    // The portal sent a new code: the question arrives on the open page, saying why.
    sendNewCode();
    await seal(phone).getByText('验证码不正确，已重新发送。').waitFor({ timeout: 30_000 });
    expect(await text(phone, '.task__prompt')).toBe(
      '验证码不正确，已重新发送。请输入发送到 138****1234 的短信验证码',
    );
    expect(await text(phone, '.badge')).toBe('等待验证码');

    await seal(phone).getByLabel('短信验证码').fill(SMS_CODE);
    await seal(phone).getByRole('button', { name: '提交', exact: true }).click();
    await phone.getByText('验证码已提交，机器人正在继续办理。').waitFor();
    expect(await text(phone, '.badge')).not.toBe('等待验证码');
    await seal(phone).locator('.badge', { hasText: '已办结' }).waitFor({ timeout: 30_000 });
    expect(bots.runner.answers).toEqual(['135790', SMS_CODE]);
    expect(bots.runner.filed).toContain('seal-engraving');
  }, 90_000);
});
