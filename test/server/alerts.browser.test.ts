import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/logger.ts';
import { AlertNotifier } from '../../server/alerts.ts';
import { signInPage } from './browser-sign-in.ts';
import { botsServerInChromium } from './server-in-chromium.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook.ts';

/**
 * Issue 19: a paused portal is an alert on the admin overview, with a link to where it is resumed, and
 * is posted once to the webhook while it lasts (again if it comes back after it ended).
 */
describe('alerts on the admin page and to a webhook', () => {
  const { web, bots, browser } = botsServerInChromium(async (web) => {
    await web.addUser('admin', 'the.admin', 'Admin-pass-1', { name: '李管理' });
  });
  let hook: WebhookReceiver<{ text: string; alert: { key: string; kind: string } }>;
  beforeAll(async () => {
    hook = await startWebhookReceiver();
  });
  afterAll(() => hook?.close());

  it('shows a paused portal on /admin and posts it to the webhook once', async () => {
    const { queue } = bots;
    const notifier = new AlertNotifier(queue, hook.url, silentLogger);
    expect(await notifier.check()).toEqual([]);

    await queue.updateSettings('tax', { paused: true }, 'test');
    const page = await signInPage(browser, [], web.base, 'the.admin', 'Admin-pass-1');
    await page.goto(`${web.base}/admin`);
    const alert = page
      .getByRole('region', { name: '告警' })
      .getByRole('link', { name: /「税务」队列已暂停/ });
    await alert.click();
    expect(new URL(page.url()).pathname).toBe('/admin/portals');
    await page.context().close();

    expect((await notifier.check()).map((posted) => posted.key)).toEqual(['paused:tax']);
    expect(await notifier.check()).toEqual([]);
    expect(hook.received).toEqual([
      expect.objectContaining({
        text: expect.stringContaining('「税务」队列已暂停'),
        alert: expect.objectContaining({ kind: 'portal-paused' }),
      }),
    ]);

    await queue.updateSettings('tax', { paused: false }, 'test');
    expect(await notifier.check()).toEqual([]);
    await queue.updateSettings('tax', { paused: true }, 'test');
    expect((await notifier.check()).map((posted) => posted.key)).toEqual(['paused:tax']);
    expect(hook.received).toHaveLength(2);
    await queue.updateSettings('tax', { paused: false }, 'test');
  }, 60_000);
});
