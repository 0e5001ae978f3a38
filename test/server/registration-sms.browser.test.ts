import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newChineseContext } from '../../bots/browser/launch.ts';
import { Client } from './client.ts';
import { startTestServer } from './harness.ts';
import { serverInChromium } from './server-in-chromium.ts';

/**
 * Issue 19: registration checks that the phone belongs to the person. The account is created only after the
 * code sent to the phone is typed back; a wrong code says so in Chinese with the tries left, a new code voids
 * the old one, and five wrong tries end the registration. The test server runs as demo mode does (no SMS
 * gateway): the page shows the message the phone would receive (演示环境), which is where a person would
 * read it. A server with no SMS sender at all (production without SMS_WEBHOOK_URL) shows no code and takes
 * no registration.
 */
describe('registration with an SMS code, in Chromium', () => {
  const { web, browser, contexts } = serverInChromium();

  const PHONE = { width: 390, height: 844 };
  const DESKTOP = { width: 1280, height: 900 };

  /** The registration form filled in on a new page of `viewport`'s size, and 获取短信验证码 pressed. */
  async function askForCode(
    name: string,
    phone: string,
    password: string,
    viewport: { width: number; height: number },
  ): Promise<Page> {
    const context = await newChineseContext(browser, { viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${web.base}/register`);
    await page.getByLabel('姓名').fill(name);
    await page.getByLabel('手机号').fill(phone);
    await page.getByLabel('设置密码').fill(password);
    await page.getByLabel('确认密码').fill(password);
    await page.getByLabel(/我同意/).check();
    await page.getByRole('button', { name: '获取短信验证码' }).click();
    return page;
  }

  /** A registration on a phone, up to the page that asks for the code sent. */
  async function fillRegistration(name: string, phone: string): Promise<Page> {
    const page = await askForCode(name, phone, 'Phone-pass-7', PHONE);
    await page.getByRole('heading', { name: '验证手机号' }).waitFor();
    return page;
  }

  /** The code as the phone shows it: in the page’s 演示环境 box. */
  async function codeOnPhone(page: Page): Promise<string> {
    const text = (await page.locator('[data-dev-sms]').allInnerTexts()).join('');
    const code = text.match(/验证码为(\d{6})/)?.[1];
    if (!code) throw new Error('no code shown');
    return code;
  }

  async function enter(page: Page, code: string): Promise<void> {
    await page.getByLabel('短信验证码').fill(code);
    await page.getByRole('button', { name: '验证并完成注册' }).click();
    await page.waitForLoadState('load');
  }

  const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

  it('creates the account only after the right code, saying why a code is refused', async () => {
    const page = await fillRegistration('周晓明', '13866668888');
    expect(await page.getByText('验证码已发送至 138****8888').count()).toBe(1);
    expect(await page.content()).not.toContain('13866668888');
    const first = await codeOnPhone(page);
    // Nothing is created yet, and the store keeps no code in the clear.
    expect(await web.services.users.findByLogin('13866668888')).toBeUndefined();
    const [pending] = await web.store.db.query<{ code_hmac: string; phone: string }>(
      'SELECT code_hmac, phone FROM phone_verifications',
    );
    expect(pending?.phone).toBe('13866668888');
    expect(pending?.code_hmac).not.toContain(first);

    await enter(page, wrongFor(first));
    await page.getByText('短信验证码不正确，还可以再试 4 次').waitFor();
    expect(await web.services.users.findByLogin('13866668888')).toBeUndefined();

    // A new code is not sent again at once…
    await page.getByRole('button', { name: '重新获取验证码' }).click();
    await page.getByText(/请 \d+ 秒后再重新获取验证码/).waitFor();
    // …but a minute later it is, and it voids the first one (the clock is moved, not waited for).
    await web.store.db.query(`UPDATE phone_verifications SET sent_at = now() - interval '2 minutes'`);
    await page.getByRole('button', { name: '重新获取验证码' }).click();
    await page.getByText('已重新发送验证码至 138****8888，之前的验证码作废。').waitFor();
    const second = await codeOnPhone(page);
    if (second !== first) {
      await enter(page, first);
      await page.getByText('短信验证码不正确，还可以再试 4 次').waitFor();
    }

    await enter(page, second);
    await page.waitForURL('**/my?welcome=1');
    await page.getByText('138****8888').first().waitFor();
    const user = await web.services.users.findByLogin('13866668888');
    expect(user).toMatchObject({ role: 'applicant', displayName: '周晓明' });
    expect(await web.store.db.query('SELECT 1 FROM phone_verifications')).toEqual([]);
    const [registered] = await web.services.auditLog.list({ action: 'user.register' });
    expect(registered?.detail).toEqual({ login: '138****8888', verified: '短信验证码' });
  }, 90_000);

  it('ends the registration after five wrong codes', async () => {
    const page = await fillRegistration('吴敏', '13977775555');
    const code = await codeOnPhone(page);
    for (const left of [4, 3, 2, 1]) {
      await enter(page, wrongFor(code));
      await page.getByText(`短信验证码不正确，还可以再试 ${left} 次`).waitFor();
    }
    await enter(page, wrongFor(code));
    await page.getByText('验证码错误次数过多，请重新填写注册信息获取新验证码').waitFor();
    await page.getByRole('heading', { name: '注册申请人账号' }).waitFor();
    // The right code is of no use now: nothing is pending, and no account was made.
    await page.goto(`${web.base}/register/verify`);
    await page.waitForURL('**/register');
    expect(await web.services.users.findByLogin('13977775555')).toBeUndefined();
  }, 90_000);

  it('says a registered phone is taken before sending a code, and never logs a code or a phone', async () => {
    const page = await askForCode('周晓明', '13866668888', 'Other-pass-8', DESKTOP);
    await page.getByText('该手机号已注册，请直接登录').waitFor();
    const logs = web.logs();
    expect(logs).not.toContain('13866668888');
    expect(logs).not.toContain('13977775555');
    expect(logs).not.toMatch(/验证码为\d{6}/);
  }, 90_000);

  it('ends the registration when eight wrong guesses arrive at once', async () => {
    const page = await fillRegistration('孙并发', '13877770000');
    const code = await codeOnPhone(page);
    await page.evaluate(async (wrong) => {
      const form = document.querySelector('form[action="/register/verify"]') as HTMLFormElement;
      const send = () => {
        const data = new URLSearchParams();
        for (const [key, value] of new FormData(form)) data.set(key, String(value));
        data.set('code', wrong);
        return fetch(form.action, { method: 'POST', body: data }).then((r) => r.text());
      };
      await Promise.all(Array.from({ length: 8 }, send));
    }, wrongFor(code));
    await page.goto(`${web.base}/register/verify`);
    await page.waitForURL('**/register');
    expect(await web.services.users.findByLogin('13877770000')).toBeUndefined();
  }, 90_000);

  it('spaces codes to one phone: a second visitor registering it at once waits', async () => {
    await fillRegistration('郑一', '13855554444');
    const page = await askForCode('郑二', '13855554444', 'Other-pass-8', DESKTOP);
    await page.getByText(/该手机号刚收到过验证码，请 \d+ 秒后再试/).waitFor();
    expect(await page.getByRole('heading', { name: '验证手机号' }).count()).toBe(0);
  }, 90_000);
});

describe('registration on a server with no SMS sender (production without SMS_WEBHOOK_URL)', () => {
  const { web, browser, contexts } = serverInChromium({ start: () => startTestServer({ sms: null }) });

  it('says registration is closed instead of offering a form, and never shows or makes a code', async () => {
    const context = await newChineseContext(browser, { viewport: { width: 390, height: 844 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${web.base}/register`);
    await page.getByRole('heading', { name: '暂不能在线注册' }).waitFor();
    await page
      .getByText(
        '本中心尚未接入短信服务，无法发送注册验证码，暂不能在线注册。请到服务中心窗口办理，或联系管理员开通。',
      )
      .waitFor();
    expect(await page.getByLabel('手机号').count()).toBe(0);
    await page.goto(`${web.base}/register/verify`);
    await page.waitForURL('**/register');

    // A form posted anyway (an old tab, a script) is refused the same way: no code, no pending registration.
    const client = new Client(web.base);
    await client.get('/register');
    const posted = await client.postForm('/register', {
      name: '周晓明',
      phone: '13866668888',
      password: 'Phone-pass-7',
      confirm: 'Phone-pass-7',
      consent: '1',
    });
    expect(posted.status).toBe(503);
    expect(posted.text).toContain('暂不能在线注册');
    expect(posted.text).not.toContain('data-dev-sms');
    expect(await web.store.db.query('SELECT 1 FROM phone_verifications')).toEqual([]);
    expect(await web.services.users.findByLogin('13866668888')).toBeUndefined();
  });
});
