import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newChineseContext } from '../../bots/browser/launch.ts';
import { silentLogger } from '../../lib/logger.ts';
import { AlertNotifier } from '../../server/alerts.ts';
import { startTestBots, type TestBots } from './bots-harness.ts';
import { startTestServer, type TestServer } from './harness.ts';

/**
 * Issue 19: a paused portal is an alert on the admin overview, with a link to where it is resumed, and
 * is posted once to the webhook while it lasts (again if it comes back after it ended).
 */
describe('alerts on the admin page and to a webhook', () => {
  let web: TestServer;
  let bots: TestBots | undefined;
  let browser: Browser;
  let hook: Server;
  const received: { text: string; alert: { key: string; kind: string } }[] = [];

  beforeAll(async () => {
    web = await startTestServer({
      bots: async (db, dataDir) => {
        bots = await startTestBots(db, dataDir);
        return bots;
      },
    });
    await web.addUser('admin', 'the.admin', 'Admin-pass-1', { name: '李管理' });
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    hook?.close();
    await web?.close();
  });

  it('shows a paused portal on /admin and posts it to the webhook once', async () => {
    const queue = bots?.queue;
    if (!queue) throw new Error('no bots');
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    const notifier = new AlertNotifier(queue, url, silentLogger);
    expect(await notifier.check()).toEqual([]);

    await queue.updateSettings('tax', { paused: true }, 'test');
    const context = await newChineseContext(browser);
    const page = await context.newPage();
    await page.goto(`${web.base}/login`);
    await page.getByLabel('手机号或用户名').fill('the.admin');
    await page.getByLabel('密码').fill('Admin-pass-1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForLoadState('load');
    await page.goto(`${web.base}/admin`);
    const alert = page
      .getByRole('region', { name: '告警' })
      .getByRole('link', { name: /「税务」队列已暂停/ });
    await alert.click();
    expect(new URL(page.url()).pathname).toBe('/admin/portals');
    await context.close();

    expect((await notifier.check()).map((posted) => posted.key)).toEqual(['paused:tax']);
    expect(await notifier.check()).toEqual([]);
    expect(received).toEqual([
      expect.objectContaining({
        text: expect.stringContaining('「税务」队列已暂停'),
        alert: expect.objectContaining({ kind: 'portal-paused' }),
      }),
    ]);

    await queue.updateSettings('tax', { paused: false }, 'test');
    expect(await notifier.check()).toEqual([]);
    await queue.updateSettings('tax', { paused: true }, 'test');
    expect((await notifier.check()).map((posted) => posted.key)).toEqual(['paused:tax']);
    expect(received).toHaveLength(2);
    await queue.updateSettings('tax', { paused: false }, 'test');
  }, 60_000);
});
