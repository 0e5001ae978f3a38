import { Queue } from 'bullmq';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newChineseContext } from '../../bots/browser/launch.ts';
import { signIn } from './browser-sign-in.ts';
import { startTestServer, type TestServer } from './harness.ts';

/** A time as a person in `timeZone` reads it, to the second. */
function wallClock(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return parts;
}

/**
 * Issue 19: the queue board showed UTC (a browser on a server) while the pages showed Shanghai, only to
 * the minute, with no way back. Here the admin's browser runs in UTC; every time shown, on our pages and
 * on the board, is the centre's clock (configured: Asia/Urumqi, +06:00, to prove it is not a constant),
 * to the second, and the board links back to the admin menu.
 */
describe('times in the centre’s zone, to the second', () => {
  const zone = 'Asia/Urumqi';
  let web: TestServer;
  let browser: Browser;
  let queue: Queue;

  beforeAll(async () => {
    queue = new Queue(`yj-times-${Date.now()}`, { connection: { url: inject('redisUrl') } });
    web = await startTestServer({ boardQueues: [queue], options: { timeZone: zone } });
    await web.addUser('admin', 'the.admin', 'Admin-pass-1', { name: '李管理' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
  });

  it('shows the audit log and the queue board on the centre’s clock, and the board leads back', async () => {
    const context = await newChineseContext(browser, { timezoneId: 'UTC' });
    const page = await context.newPage();
    await signIn(page, web.base, 'the.admin', 'Admin-pass-1');

    const [login] = await web.services.auditLog.list({ action: 'auth.login', limit: 1 });
    expect(login).toBeDefined();
    await page.goto(`${web.base}/admin/audit`);
    const shown = await page.locator('.table--audit tbody tr').first().locator('td').first().innerText();
    expect(shown).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(shown.slice(11)).toBe(wallClock(login?.at ?? new Date(), zone));

    const job = await queue.add('file', { n: 1 });
    await page.goto(`${web.base}/admin/queues/queue/${encodeURIComponent(queue.name)}?status=waiting`);
    const expected = wallClock(new Date(job.timestamp), zone);
    await page.getByText(expected).first().waitFor({ timeout: 15_000 });
    expect(await page.getByText(wallClock(new Date(job.timestamp), 'UTC')).count()).toBe(0);

    // The board's header menu (its last button) holds the links back to our pages.
    await page.locator('header ul[class^="actions"] > li').last().locator('button').click();
    await page
      .getByRole('menuitem', { name: '返回管理菜单' })
      .or(page.getByRole('link', { name: '返回管理菜单' }))
      .first()
      .click();
    await page.waitForURL(`${web.base}/admin`);
    await context.close();
  }, 60_000);
});
