import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchAndAnswerSms, startTestServerWithBots, type TestBots, until } from './bots-harness.ts';
import { Client } from './client.ts';
import { submittedReferenceApplication } from './desk-people.ts';
import type { TestServer } from './harness.ts';

/**
 * Issue 19: an admin queues a failed item again from its run's evidence page (a portal that was down, a
 * declaration fixed since), and the item reaches its receipt without the clerk.
 */
describe('admin retries a failed item from its run page', () => {
  let web: TestServer;
  let bots: TestBots | undefined;
  let id = '';

  beforeAll(async () => {
    ({ web, bots } = await startTestServerWithBots());
    id = await submittedReferenceApplication(web);
  });
  afterAll(() => web.close());

  const items = () => bots?.queue.items(id) ?? Promise.resolve([]);

  it('shows 重新办理 on a failed item’s run, queues it again, and the item gets its receipt', async () => {
    bots?.runner.rejectOnce.add('housing-fund');
    if (!bots) throw new Error('no bots');
    const clerk = await dispatchAndAnswerSms(web, bots.queue, id);
    await until(items, (all) => all.filter((row) => ['done', 'failed'].includes(row.status)).length === 7);

    const admin = new Client(web.base);
    await admin.login('the.admin', 'Admin-pass-1');
    const [failedRun] = (await bots?.queue.runs({ portalId: 'housing-fund' })) ?? [];
    expect(failedRun?.status).toBe('failed');
    const page = await admin.get(`/admin/runs/${String(failedRun?.id)}`);
    expect(page.text).toContain('重新办理「住房公积金单位缴存登记」');
    // A clerk cannot do it.
    expect((await clerk.postForm(`/admin/runs/${String(failedRun?.id)}/retry`, {})).status).toBe(403);

    const retried = await admin.postForm(`/admin/runs/${String(failedRun?.id)}/retry`, {});
    expect(retried.location).toBe(`/admin/runs/${String(failedRun?.id)}?retried=1`);
    await until(items, (all) => all.every((row) => row.status === 'done'));
    const runs = (await bots?.queue.runs({ portalId: 'housing-fund' })) ?? [];
    expect(runs.map((run) => run.status).sort()).toEqual(['failed', 'succeeded']);
    // Done now: the page no longer offers it, and a second press is refused.
    expect((await admin.get(`/admin/runs/${String(failedRun?.id)}`)).text).not.toContain('重新办理「');
    expect((await admin.postForm(`/admin/runs/${String(failedRun?.id)}/retry`, {})).status).toBe(409);
    const audit = await web.services.auditLog.list({ action: 'item.retry' });
    expect(audit.map((entry) => [entry.actorName, entry.detail?.item])).toEqual([['李管理', 'housing-fund']]);
  }, 120_000);
});
