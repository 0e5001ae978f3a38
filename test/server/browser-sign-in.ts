import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newChineseContext } from '../../bots/browser/launch.ts';

/** Signs in on the login page with `login` (a phone number or a user name) and its password. */
export async function signIn(page: Page, base: string, login: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('手机号或用户名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForLoadState('load');
}

/**
 * Fills the registration page as a person does (the password typed twice, the notice agreed to) and asks
 * for the SMS code; what the page shows next is the test's to wait for.
 */
export async function askForRegistrationCode(
  page: Page,
  base: string,
  person: { name: string; phone: string; password: string },
): Promise<void> {
  await page.goto(`${base}/register`);
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('手机号').fill(person.phone);
  await page.getByLabel('设置密码').fill(person.password);
  await page.getByLabel('确认密码').fill(person.password);
  await page.getByLabel(/我同意/).check();
  await page.getByRole('button', { name: '获取短信验证码' }).click();
}

/**
 * Signs in on the login page in a fresh Chinese context, which goes into `contexts` for the test to close;
 * confirmation dialogs are accepted, as a person would.
 */
export async function signInPage(
  browser: Browser,
  contexts: BrowserContext[],
  base: string,
  login: string,
  password: string,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await newChineseContext(browser, { viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, base, login, password);
  return page;
}
