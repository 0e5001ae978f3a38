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
