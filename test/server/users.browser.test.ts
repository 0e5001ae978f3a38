import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newChineseContext } from '../../bots/browser/launch.ts';
import { signIn as signInOn } from './browser-sign-in.ts';
import { serverInChromium } from './server-in-chromium.ts';

/**
 * Issue 19: an admin manages accounts in the browser — creates a clerk, resets the password, moves the
 * clerk to another centre and makes them an admin, disables and enables the account — and each change
 * is what the person signing in meets (and what the audit log records).
 */
describe('admin manages accounts in Chromium', () => {
  const { web, browser, contexts } = serverInChromium({
    setUp: async (web) => {
      await web.addUser('admin', 'the.admin', 'Admin-pass-1', { name: '李管理' });
    },
  });

  async function signIn(login: string, password: string): Promise<{ page: Page; ok: boolean }> {
    const context = await newChineseContext(browser, { viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await signInOn(page, web.base, login, password);
    return { page, ok: !new URL(page.url()).pathname.startsWith('/login') };
  }

  const row = (page: Page, login: string) => page.locator(`tr[data-login="${login}"]`);

  async function manage(page: Page, login: string) {
    const target = row(page, login);
    await target.locator('summary', { hasText: '管理' }).click();
    return target;
  }

  it('creates a clerk, resets the password, changes role and centre, disables and enables', async () => {
    const { page: admin } = await signIn('the.admin', 'Admin-pass-1');
    await admin.getByRole('link', { name: '账号' }).first().click();
    await admin.getByRole('heading', { name: '新建账号' }).waitFor();

    const form = admin.locator('#create-user');
    await form.getByLabel('角色').selectOption('clerk');
    await form.getByLabel('用户名').fill('zhou.clerk');
    await form.getByLabel('姓名').fill('周窗口');
    await form.getByLabel('服务中心').selectOption('longwen');
    await form.getByLabel('初始密码').fill('Start-pass-1');
    await form.getByRole('button', { name: '创建账号' }).click();
    await admin.getByText('账号已创建。').waitFor();
    await expect.poll(() => row(admin, 'zhou.clerk').innerText()).toContain('龙文区政务服务中心');
    expect(await row(admin, 'zhou.clerk').innerText()).toContain('窗口人员');

    const first = await signIn('zhou.clerk', 'Start-pass-1');
    expect(first.ok).toBe(true);

    // A clerk without a centre is refused with the reason, and nothing changes.
    let target = await manage(admin, 'zhou.clerk');
    await target.getByLabel('服务中心', { exact: true }).selectOption('');
    await target.getByRole('button', { name: '保存角色与中心' }).click();
    await admin.getByText('窗口人员必须属于一个服务中心').waitFor();
    expect((await web.services.users.findByLogin('zhou.clerk'))?.centreId).toBe('longwen');

    target = await manage(admin, 'zhou.clerk');
    await target.getByLabel('新密码', { exact: true }).fill('Second-pass-2');
    await target.getByRole('button', { name: '重置密码' }).click();
    await admin.getByText('密码已重置').waitFor();
    // The session the clerk had is over, and only the new password opens a new one.
    await first.page.reload();
    expect(new URL(first.page.url()).pathname).toBe('/login');
    expect((await signIn('zhou.clerk', 'Start-pass-1')).ok).toBe(false);
    expect((await signIn('zhou.clerk', 'Second-pass-2')).ok).toBe(true);

    target = await manage(admin, 'zhou.clerk');
    await target.getByLabel('角色', { exact: true }).selectOption('admin');
    await target.getByLabel('服务中心', { exact: true }).selectOption('xiangcheng');
    await target.getByRole('button', { name: '保存角色与中心' }).click();
    await admin.getByText('角色与服务中心已保存。').waitFor();
    const changed = await row(admin, 'zhou.clerk').innerText();
    expect(changed).toContain('管理员');
    expect(changed).toContain('芗城区政务服务中心');

    target = await manage(admin, 'zhou.clerk');
    await target.getByRole('button', { name: '停用账号' }).click();
    await admin.getByText('账号已停用').waitFor();
    expect(await row(admin, 'zhou.clerk').innerText()).toContain('已停用');
    expect((await signIn('zhou.clerk', 'Second-pass-2')).ok).toBe(false);

    target = await manage(admin, 'zhou.clerk');
    await target.getByRole('button', { name: '启用账号' }).click();
    await admin.getByText('账号已启用。').waitFor();
    expect((await signIn('zhou.clerk', 'Second-pass-2')).ok).toBe(true);

    // The admin cannot lock themselves out.
    target = await manage(admin, 'the.admin');
    await target.getByRole('button', { name: '停用账号' }).click();
    await admin.getByText('不能停用自己的账号').waitFor();

    const audit = await web.services.auditLog.list({ action: 'user.update', limit: 20 });
    expect(audit.map((entry) => entry.actorName)).toEqual(Array(4).fill('李管理'));
    expect(JSON.stringify(audit)).not.toContain('Second-pass-2');
    await admin.goto(`${web.base}/admin/audit?action=user.update`);
    await admin.getByRole('cell', { name: '修改账号' }).first().waitFor();
  }, 90_000);
});
