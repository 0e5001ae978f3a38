import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newChineseContext } from '../../bots/browser/launch.ts';
import { signIn } from './browser-sign-in.ts';
import { Client } from './client.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { fillReference } from './reference.ts';

/**
 * The clerk's desk in Chromium: who applied (masked), the 一件事, submission and 办理时限 with a countdown,
 * overdue rows highlighted; search and filters; and the printable 受理单 of one application.
 */
describe('the clerk’s desk in Chromium', () => {
  let web: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const ids: string[] = [];

  beforeAll(async () => {
    web = await startTestServer();
    await web.addUser('applicant', '13805961234', 'Owner-pass-1', { name: '林志远' });
    await web.addUser('applicant', '13905961235', 'Owner-pass-2', { name: '陈晓梅' });
    await web.addUser('clerk', 'clerk.longwen', 'Clerk-pass-1', { name: '王窗口', centreId: 'longwen' });
    for (const [login, password] of [
      ['13805961234', 'Owner-pass-1'],
      ['13905961235', 'Owner-pass-2'],
    ] as const) {
      const applicant = new Client(web.base);
      await applicant.login(login, password);
      const id = (
        await applicant.sendJson('POST', '/api/applications', {
          bundleId: 'open-company',
          centreId: 'longwen',
        })
      ).json<{ id: string }>().id;
      await fillReference(applicant, id);
      expect((await applicant.sendJson('POST', `/api/applications/${id}/submit`)).status).toBe(200);
      ids.push(id);
    }
    // The first one was submitted ten days ago: long past its 办理时限.
    await web.store.db.query(
      `UPDATE applications SET submitted_at = now() - interval '10 days' WHERE id = $1`,
      [ids[0]],
    );
    browser = await launchChromium();
    context = await newChineseContext(browser, { viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page, web.base, 'clerk.longwen', 'Clerk-pass-1');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await web?.close();
  });

  it('lists each application with its applicant masked, its 一件事 and a deadline countdown', async () => {
    await page.goto(`${web.base}/desk`);
    const headers = await page.locator('table.table--desk th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['申请人', '一件事', '状态', '提交时间', '办理时限']));
    const rows = page.locator('table.table--desk tbody tr');
    expect(await rows.count()).toBe(2);
    const text = await page.locator('table.table--desk').textContent();
    expect(text).toContain('林*远');
    expect(text).toContain('陈*梅');
    expect(text).not.toContain('林志远');
    expect(text).not.toContain('13805961234');
    // Most urgent first, highlighted, and saying by how much.
    const first = rows.first();
    expect(await first.getAttribute('class')).toContain('row--overdue');
    await first
      .locator('.countdown--overdue')
      .getByText(/^已超时/)
      .waitFor();
    expect(await rows.nth(1).locator('.countdown').textContent()).toMatch(/^剩余/);
  });

  it('searches and filters', async () => {
    await page.getByLabel('搜索').fill('陈晓梅');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/q=/);
    expect(await page.locator('table.table--desk tbody tr').count()).toBe(1);
    expect(await page.locator('table.table--desk').textContent()).toContain('陈*梅');

    await page.getByRole('link', { name: '清除' }).click();
    await page.getByLabel('办理时限').selectOption('overdue');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/due=overdue/);
    const rows = page.locator('table.table--desk tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('林*远');

    await page.getByLabel('搜索').fill('没有这个办件');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByText('没有符合条件的办件').waitFor();
  });

  it('prints a 受理单 with the items, their 办理时限 and the materials received', async () => {
    await page.goto(`${web.base}/desk/applications/${ids[1]}`);
    await page.getByRole('link', { name: '打印受理单' }).click();
    const slip = page.locator('.slip');
    await slip.waitFor();
    const text = (await slip.textContent()) ?? '';
    const reference = (await web.services.applications.find({ kind: 'all' }, ids[1] ?? ''))?.reference ?? '';
    expect(text).toContain(reference);
    for (const words of [
      '企业设立登记',
      '市场监督管理局',
      '1 个工作日',
      '公章刻制备案',
      '半个工作日',
      '住所使用证明',
      '经办人 王窗口',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('13905961235');
    // Printed: the site's header and the button are gone, the slip stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印受理单' }).isVisible()).toBe(false);
    expect(await slip.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
