import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newChineseContext } from '../../bots/browser/launch.ts';
import { listWorkers, startHeartbeat } from '../../queue/heartbeat.ts';
import { signIn } from './browser-sign-in.ts';
import { recordLostWorker } from './lost-worker.ts';
import { botsServerInChromium } from './server-in-chromium.ts';

/**
 * Issue 19: the admin sees every process that runs bots — where, which version, which portals, how many
 * jobs now, the last heartbeat — and a process that stopped beating is shown as lost.
 */
describe('the admin’s 工作进程 page in Chromium', () => {
  const { web, bots, browser } = botsServerInChromium(async (web) => {
    await web.addUser('admin', 'the.admin', 'Admin-pass-1', { name: '李管理' });
  });
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(bots.redisUrl);
  });
  afterAll(() => redis?.disconnect());

  it('lists this process’s workers with their portals, and a silent one as lost', async () => {
    await recordLostWorker(redis, 'far-away', { version: '0.0.9', portals: ['tax'] });
    const context = await newChineseContext(browser);
    const page = await context.newPage();
    await signIn(page, web.base, 'the.admin', 'Admin-pass-1');
    await page.getByRole('link', { name: '工作进程' }).click();

    const ours = page.locator(`tr[data-worker="${hostname()}:${process.pid}"]`);
    const text = await ours.innerText();
    expect(text).toContain(`PID ${process.pid}`);
    expect(text).toContain(hostname());
    expect(text).toContain('0.1.0');
    expect(text).toContain('住房公积金');
    expect(text).toContain('协调');
    expect(text).toContain('在线');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    const lost = await page.locator('tr[data-worker="far-away:4242"]').innerText();
    expect(lost).toContain('失联');
    expect(lost).toContain('税务');
    await context.close();
  }, 60_000);

  it('removes a process’s entry when it stops cleanly', async () => {
    const beat = startHeartbeat({
      redis,
      portals: ['bank'],
      coordinator: false,
      concurrency: 1,
      running: () => 0,
      intervalMs: 50,
      id: 'short-lived:1',
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    const id = 'short-lived:1';
    expect((await listWorkers(redis)).find((worker) => worker.id === id)?.portals).toEqual(['bank']);
    await beat.stop();
    expect((await listWorkers(redis)).map((worker) => worker.id)).not.toContain(id);
  });
});
