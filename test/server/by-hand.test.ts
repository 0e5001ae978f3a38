import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_PORTAL_IDS, botApplicationSource } from '../../cli/bot-system.ts';
import { generateCreditCode } from '../../forms/codes/index.ts';
import { silentLogger } from '../../lib/logger.ts';
import { SealedBox } from '../../lib/sealed-box.ts';
import { BotQueue } from '../../queue/bot-queue.ts';
import { QueueClients } from '../../queue/queue-clients.ts';
import { DEFAULT_TUNING } from '../../queue/queue-options.ts';
import { applicationItems } from '../../store/application-items.repo.ts';
import { startTestServerWithBots, type TestBots, until } from './bots-harness.ts';
import { Client } from './client.ts';
import { submittedReferenceApplication } from './desk-people.ts';
import type { TestServer } from './harness.ts';

/**
 * 人工办结 at the HTTP boundary: the outputs later items use are checked as their data elements are (a wrong
 * 统一社会信用代码 never reaches the next bots), and a repeat after Redis failed past the commit finishes the
 * job instead of a 500 or a 409.
 */
describe('人工办结 of a handed-over item', () => {
  let web: TestServer;
  let bots: TestBots;
  let id = '';
  let clerk: Client;
  const path = () => `/desk/applications/${id}/items/business-registration/done-by-hand`;
  const item = async (itemId: string) => applicationItems.get(web.store.db, id, itemId);
  const creditCode = generateCreditCode({ region: '350603', serial: 4242 });

  beforeAll(async () => {
    ({ web, bots } = await startTestServerWithBots());
    id = await submittedReferenceApplication(web);
    // The state after an admin's 转人工 of the first item: the application under way, the rest waiting.
    await web.store.db.query(`UPDATE applications SET status = 'processing' WHERE id = $1`, [id]);
    await applicationItems.ensure(web.store.db, id, (await bots.queue.plan(id)).flat());
    await web.store.db.query(
      `UPDATE application_items SET status = 'handed-over', closed_reason = '测试' WHERE application_id = $1 AND item_id = 'business-registration'`,
      [id],
    );
    // Nothing is filed here: what gets scheduled stays queued.
    for (const portalId of bots.queue.portalIds)
      await bots.queue.updateSettings(portalId, { paused: true }, 'test');
    clerk = new Client(web.base);
    await clerk.login('clerk.longwen', 'Clerk-pass-1');
    await clerk.get(`/desk/applications/${id}`);
  }, 120_000);
  afterAll(() => web?.close());

  it('refuses an output that fails its element’s checks, naming the field, and stores nothing', async () => {
    const wrong = `${creditCode.slice(0, 17)}${creditCode[17] === '0' ? '1' : '0'}`;
    const reply = await clerk.postForm(path(), {
      note: '已在市场监管窗口办理设立登记',
      'output-creditCode': wrong,
      'output-establishedDate': '2026-13-01',
    });
    expect(reply.status).toBe(422);
    expect(reply.text).toContain('统一社会信用代码校验位不正确，请核对');
    expect(reply.text).toContain('成立日期不是有效的日期');
    expect(await item('business-registration')).toMatchObject({ status: 'handed-over', outputs: {} });
    expect(await web.services.auditLog.list({ action: 'item.done-by-hand' })).toEqual([]);
  });

  it('answers a repeat of a 人工办结 stored already as a success, and schedules what needed the item', async () => {
    // What a commit leaves when Redis fails right after it: the item done by hand, nothing scheduled.
    await web.store.db.query(
      `UPDATE application_items SET status = 'done', handled_at = now(), handled_note = '已办理', handled_by_name = '王窗口',
         outputs = $2::jsonb WHERE application_id = $1 AND item_id = 'business-registration'`,
      [id, JSON.stringify({ creditCode })],
    );
    const form = { note: '已在市场监管窗口办理设立登记', 'output-creditCode': creditCode };
    const repeated = await clerk.postForm(path(), { ...form, reference: 'SJ-2' });
    expect(repeated.status).toBe(303);
    expect(repeated.location).toBe(`/desk/applications/${id}?by-hand=1`);
    await until(
      async () => (await item('seal-engraving'))?.status,
      (status) => status === 'queued',
    );
    expect(await item('business-registration')).toMatchObject({ receipt: null, outputs: { creditCode } });
    expect(await web.services.auditLog.list({ action: 'item.done-by-hand' })).toEqual([]);
  });

  it('says in Chinese, not with a 500, that a 人工办结 is stored when Redis fails after it', async () => {
    await web.store.db.query(
      `UPDATE application_items SET status = 'handed-over', closed_reason = '测试' WHERE application_id = $1 AND item_id = 'housing-fund'`,
      [id],
    );
    // The server's queue as it is when Redis went away: the same store, its Redis connections closed.
    const clients = new QueueClients(bots.redisUrl, BOT_PORTAL_IDS);
    await clients.close();
    const cut = new BotQueue({
      db: web.store.db,
      clients,
      source: botApplicationSource(web.store.db, web.dataDir),
      box: new SealedBox('test-secret-that-is-long-enough-0123456789', 'portal-credentials'),
      logger: silentLogger,
      tuning: DEFAULT_TUNING,
    });
    Object.assign(bots.queue, { finishByHand: cut.finishByHand.bind(cut) });
    const failed = await clerk.postForm(`/desk/applications/${id}/items/housing-fund/done-by-hand`, {
      note: '已在公积金中心窗口办理',
      'output-fundAccountNo': '350600123456',
    });
    expect(failed.status).toBe(503);
    expect(failed.text).toContain('「住房公积金单位缴存登记」已登记人工办结，但机器人队列暂时连不上');
    expect(await item('housing-fund')).toMatchObject({
      status: 'done',
      outputs: { fundAccountNo: '350600123456' },
    });
    expect(await web.services.auditLog.list({ action: 'item.done-by-hand' })).toHaveLength(1);
  });
});
