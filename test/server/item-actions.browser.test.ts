import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemJobId, portalQueueName } from '../../queue/names.ts';
import { applicationItems } from '../../store/application-items.repo.ts';
import { RatingsRepo } from '../../store/ratings.repo.ts';
import { dispatchAndAnswerSms, until } from './bots-harness.ts';
import { signInPage } from './browser-sign-in.ts';
import { Client } from './client.ts';
import { submittedReferenceApplication } from './desk-people.ts';
import { botsServerInChromium } from './server-in-chromium.ts';

/**
 * Issue 19: beside 重新办理, an admin takes an item from the bots — 转人工 (the clerk files it by hand and
 * reads why on the application) or 取消 — from the application's page in Chromium. Each leaves an audit
 * entry in Chinese, and a cancelled item is never filed by a bot afterwards: its queued job is removed, a
 * job a worker already holds ends without a run, and a run already under way stops before the final submit.
 */
describe('admin cancels an item or hands it to the clerk', () => {
  let id = '';
  let releaseTax: () => void = () => {};
  const { web, bots, browser, contexts } = botsServerInChromium(async (web) => {
    id = await submittedReferenceApplication(web);
  });

  const items = () => bots.queue.items(id);
  const statusOf = async (itemId: string) => (await items()).find((row) => row.itemId === itemId)?.status;
  const portalQueue = (portalId: string) => {
    const queue = bots.queues.find((candidate) => candidate.name === portalQueueName(portalId));
    if (!queue) throw new Error(`no queue for ${portalId}`);
    return queue;
  };

  beforeAll(async () => {
    const runner = bots.runner;
    // The last wave as the test needs it: the fund refused, two portals paused (their items wait queued),
    // and the tax run held just before its final submit.
    runner.rejectOnce.add('housing-fund');
    await bots.queue.updateSettings('medical-insurance', { paused: true }, 'test');
    await bots.queue.updateSettings('social-insurance', { paused: true }, 'test');
    runner.holdBeforeSubmit.set(
      'tax-registration',
      new Promise((resolve) => {
        releaseTax = resolve;
      }),
    );
    await dispatchAndAnswerSms(web, bots.queue, id);
    await until(items, (all) => {
      const status = Object.fromEntries(all.map((row) => [row.itemId, row.status]));
      return (
        status['housing-fund'] === 'failed' &&
        status['medical-insurance'] === 'queued' &&
        status['social-insurance'] === 'queued' &&
        status['tax-registration'] === 'running'
      );
    });
  }, 120_000);
  // Before the server closes (this describe's afterAll runs before the suite's): the held tax run may end.
  afterAll(() => releaseTax());

  const card = (page: Page, itemId: string) => page.locator(`li[data-item="${itemId}"]`);

  it('hands a failed item to the clerk, with a reason required, and cancels a queued one', async () => {
    // The failed run had clicked the final submit: the department may hold the filing already.
    await web.store.db.query(
      `UPDATE application_items SET submit_started_at = now() WHERE application_id = $1 AND item_id = 'housing-fund'`,
      [id],
    );
    const admin = await signInPage(browser, contexts, web.base, 'the.admin', 'Admin-pass-1');
    await admin.goto(`${web.base}/desk/applications/${id}`);
    await card(admin, 'housing-fund').locator('summary', { hasText: '取消或转人工' }).click();
    await card(admin, 'housing-fund')
      .getByText(/部门系统可能已收到该事项/)
      .waitFor();
    await card(admin, 'housing-fund').locator('summary', { hasText: '取消或转人工' }).click();

    // 转人工 without a reason is refused, in words.
    await card(admin, 'housing-fund').locator('summary', { hasText: '取消或转人工' }).click();
    await card(admin, 'housing-fund').getByRole('button', { name: '转人工办理' }).click();
    await admin.getByText('请填写原因，窗口人员会看到').waitFor();
    expect(await statusOf('housing-fund')).toBe('failed');

    const fund = card(admin, 'housing-fund');
    await fund.getByLabel('原因（窗口人员会看到）').fill('部门要求补交纸质工资清单，请窗口人工报送');
    await fund.getByRole('button', { name: '转人工办理' }).click();
    await admin.getByText('已转窗口人工办理，窗口人员会在办件页看到原因。').waitFor();
    expect(await seen(card(admin, 'housing-fund').locator('.badge'))).toBe('已转人工办理');

    const medical = card(admin, 'medical-insurance');
    await medical.locator('summary', { hasText: '取消或转人工' }).click();
    await medical.getByLabel('原因（窗口人员会看到）').fill('申请人已在医保窗口现场办理，电话 13805961234');
    await medical.getByRole('button', { name: '取消办理' }).click();
    await admin.getByText('已取消该事项，机器人不会再办理。').waitFor();
    expect(await seen(card(admin, 'medical-insurance').locator('.badge'))).toBe('已取消');
    // Neither is offered again; an item being filed right now is not offered at all.
    expect(await card(admin, 'medical-insurance').locator('summary').count()).toBe(0);
    expect(await card(admin, 'tax-registration').locator('summary').count()).toBe(0);

    // The store: each item closed with its reason and who did it.
    const rows = await items();
    expect(rows.find((row) => row.itemId === 'housing-fund')).toMatchObject({
      status: 'handed-over',
      closedReason: '部门要求补交纸质工资清单，请窗口人工报送',
      closedByName: '李管理',
    });
    expect(rows.find((row) => row.itemId === 'medical-insurance')).toMatchObject({
      status: 'cancelled',
      closedReason: '申请人已在医保窗口现场办理，电话 13805961234',
      closedByName: '李管理',
    });
    // The queued job is gone from Redis, so resuming the portal runs nothing.
    expect(
      await portalQueue('medical-insurance').getJob(itemJobId(id, 'medical-insurance', 0)),
    ).toBeUndefined();
    await bots.queue.updateSettings('medical-insurance', { paused: false }, 'test');
    expect(await bots.queue.depth('medical-insurance')).toMatchObject({ waiting: 0, active: 0, delayed: 0 });
    expect(await bots.queue.runs({ portalId: 'medical-insurance' })).toEqual([]);

    // The audit log, in Chinese, in the browser too.
    const handed = await web.services.auditLog.list({ action: 'item.hand-over' });
    const cancelled = await web.services.auditLog.list({ action: 'item.cancel' });
    expect(handed.map((entry) => [entry.actorName, entry.detail?.item])).toEqual([
      ['李管理', 'housing-fund'],
    ]);
    expect(cancelled.map((entry) => [entry.actorName, entry.detail?.item])).toEqual([
      ['李管理', 'medical-insurance'],
    ]);
    await admin.goto(`${web.base}/admin/audit`);
    const log = await seen(admin.locator('main'));
    expect(log).toContain('事项转人工办理');
    expect(log).toContain('取消办理事项');
    expect(log).not.toContain('item.cancel');
  });

  it('shows the clerk the item handed to them, with the reason, and no admin controls', async () => {
    const clerk = await signInPage(browser, contexts, web.base, 'clerk.longwen', 'Clerk-pass-1');
    await clerk.goto(`${web.base}/desk?status=processing`);
    expect(await seen(clerk.locator('table.table--desk tbody tr'))).toContain('1 个事项转人工');
    await clerk.getByRole('link', { name: '查看' }).click();
    const fund = card(clerk, 'housing-fund');
    await fund.locator('.item__closed').waitFor();
    const text = await seen(fund);
    expect(text).toContain('已转人工，请窗口人工办理（李管理，');
    expect(text).toContain('原因：部门要求补交纸质工资清单，请窗口人工报送');
    const medical = await seen(card(clerk, 'medical-insurance'));
    expect(medical).toContain('已取消，机器人不再办理');
    // Free text, masked as the ratings' comments are.
    expect(medical).toContain('原因：申请人已在医保窗口现场办理，电话 138****1234');
    expect(medical).not.toContain('13805961234');
    expect(await clerk.locator('summary', { hasText: '取消或转人工' }).count()).toBe(0);
    // Not the clerk's to do, and a closed item cannot be closed again.
    const api = new Client(web.base);
    await api.login('clerk.longwen', 'Clerk-pass-1');
    expect(
      (await api.postForm(`/admin/applications/${id}/items/social-insurance/cancel`, { reason: '不需要' }))
        .status,
    ).toBe(403);
    const admin = new Client(web.base);
    await admin.login('the.admin', 'Admin-pass-1');
    const again = await admin.postForm(`/admin/applications/${id}/items/housing-fund/cancel`, {
      reason: '重复',
    });
    expect(again.status).toBe(409);
    expect(again.text).toContain('正在办理或已经结束，不能取消');
    expect(await statusOf('housing-fund')).toBe('handed-over');
  });

  it('never files an item closed while a worker held its job or ran it', async () => {
    const runner = bots.runner;
    // A worker took the job before the job could be removed: it finds the item closed and ends, no run.
    expect(
      await applicationItems.close(web.store.db, id, 'social-insurance', {
        to: 'cancelled',
        reason: '测试：关闭时任务已在工作进程手中',
        byName: '李管理',
      }),
    ).toMatchObject({ previous: 'queued' });
    await bots.queue.updateSettings('social-insurance', { paused: false }, 'test');
    const job = await portalQueue('social-insurance').getJob(itemJobId(id, 'social-insurance', 0));
    await until(
      async () => (await job?.getState()) ?? 'missing',
      (state) => state === 'completed',
    );
    expect((await portalQueue('social-insurance').getJob(job?.id ?? ''))?.returnvalue).toEqual({
      closed: 'cancelled',
    });
    expect(await bots.queue.runs({ portalId: 'social-insurance' })).toEqual([]);

    // A run already under way when the item was closed stops at the last check before the final submit.
    await web.store.db.query(
      `UPDATE application_items SET status = 'cancelled' WHERE application_id = $1 AND item_id = 'tax-registration'`,
      [id],
    );
    releaseTax();
    const [taxRun] = await until(
      async () => (await bots.queue.runs({ portalId: 'tax' })) ?? [],
      (runs) => runs.length > 0 && runs.every((run) => run.status !== 'running'),
    );
    expect(taxRun?.status).toBe('interrupted');
    const taxJob = await portalQueue('tax').getJob(itemJobId(id, 'tax-registration', 0));
    expect(await taxJob?.getState()).toBe('failed');
    expect(await statusOf('tax-registration')).toBe('cancelled');
    expect(await statusOf('social-insurance')).toBe('cancelled');
    expect(runner.filed).not.toContain('tax-registration');
    expect(runner.filed).not.toContain('social-insurance');
    expect(runner.filed).not.toContain('medical-insurance');
    expect(runner.filed).toEqual(
      expect.arrayContaining(['business-registration', 'seal-engraving', 'bank-account']),
    );
  });

  // After the tests above: the fund handed over, three items cancelled, the other three filed by the bots.
  it('records 人工办结 with the department’s numbers, completes the application and lets the applicant rate it', async () => {
    const clerk = await signInPage(browser, contexts, web.base, 'clerk.longwen', 'Clerk-pass-1');
    await clerk.goto(`${web.base}/desk/applications/${id}`);
    const fund = card(clerk, 'housing-fund');
    // Nothing else is left: three cancelled items hold nothing up, the handed-over one does.
    expect(await seen(clerk.locator('[data-patch-id="status"] .badge'))).toBe('办理中');
    await fund.locator('summary', { hasText: '登记人工办结' }).click();
    await fund.getByRole('button', { name: '登记人工办结' }).click();
    await clerk.getByText('请写明办理情况，供复核').waitFor();
    expect(await statusOf('housing-fund')).toBe('handed-over');

    const form = card(clerk, 'housing-fund');
    await form
      .getByLabel('办理情况')
      .fill('已在公积金中心窗口报送纸质工资清单并开户，经办人身份证 350603199001011234');
    await form.getByLabel('部门办件编号').fill('GJJ-2026-0815');
    await form.getByLabel('单位公积金账号').fill('350600123456');
    await form.getByRole('button', { name: '登记人工办结' }).click();
    await clerk.getByText('已登记人工办结。').waitFor();

    // The store: the item done with what the clerk typed, the application 已办结 by the system.
    const row = (await items()).find((candidate) => candidate.itemId === 'housing-fund');
    expect(row).toMatchObject({
      status: 'done',
      receipt: expect.objectContaining({ reference: 'GJJ-2026-0815' }),
      outputs: expect.objectContaining({ fundAccountNo: '350600123456' }),
      handledByName: '王窗口',
      closedReason: '部门要求补交纸质工资清单，请窗口人工报送',
    });
    expect(row?.handledNote).toContain('350603199001011234');
    await until(
      async () => (await web.services.applications.find({ kind: 'all' }, id))?.status,
      (status) => status === 'completed',
    );
    const [entry] = await web.services.auditLog.list({ action: 'item.done-by-hand' });
    expect(entry).toMatchObject({ actorName: '王窗口', subjectId: id });
    expect(entry?.detail).toMatchObject({
      item: 'housing-fund',
      reference: 'GJJ-2026-0815',
      results: '单位公积金账号 350600123456',
    });
    expect(JSON.stringify(entry?.detail)).not.toContain('350603199001011234');

    // What the clerk reads: done by hand, the note masked, no form any more.
    await clerk.reload();
    const done = await seen(card(clerk, 'housing-fund'));
    expect(done).toContain('已办结');
    expect(done).toContain('窗口人工办结（王窗口，');
    expect(done).toContain(
      '办理情况：已在公积金中心窗口报送纸质工资清单并开户，经办人身份证 3506************34',
    );
    expect(done).toContain('GJJ-2026-0815');
    expect(await card(clerk, 'housing-fund').locator('summary').count()).toBe(0);
    expect(await seen(clerk.locator('[data-patch-id="status"] .badge'))).toBe('已办结');

    // The applicant: the item in words, the 办结通知书, and the rating.
    const owner = await signInPage(browser, contexts, web.base, '13805961234', 'Owner-pass-1');
    await owner.goto(`${web.base}/my/applications/${id}`);
    const mine = await seen(owner.locator('li[data-item="housing-fund"]'));
    expect(mine).toContain('该事项已由窗口工作人员人工办结。');
    expect(mine).toContain('350600123456');
    expect(mine).not.toContain('身份证');
    const notice = await owner.request.get(`${web.base}/my/applications/${id}/notice.pdf`);
    expect(notice.status()).toBe(200);
    const rating = owner.locator('#rating');
    await rating.getByLabel('非常满意', { exact: true }).check();
    await rating.getByRole('button', { name: '下一步：确认评价' }).click();
    await owner.locator('#rating').getByRole('button', { name: '确认提交' }).click();
    await owner.getByText('感谢您的评价！').waitFor();
    expect(await new RatingsRepo(web.store.db).find({ kind: 'all' }, id)).toMatchObject({ score: 5 });
  });
});

/** What a person reads in `locator` (rendered text). */
async function seen(locator: ReturnType<Page['locator']>): Promise<string> {
  return (await locator.allInnerTexts()).join('\n');
}
