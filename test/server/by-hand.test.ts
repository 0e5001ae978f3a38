import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCreditCode } from '../../forms/codes/index.ts';
import { applicationItems } from '../../store/application-items.repo.ts';
import { startTestServerWithBots, type TestBots } from './bots-harness.ts';
import { Client } from './client.ts';
import { submittedReferenceApplication } from './desk-people.ts';
import type { TestServer } from './harness.ts';

const ITEMS = [
  'business-registration',
  'seal-engraving',
  'bank-account',
  'tax-registration',
  'social-insurance',
  'medical-insurance',
  'housing-fund',
];

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
    await applicationItems.ensure(web.store.db, id, ITEMS);
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
});
