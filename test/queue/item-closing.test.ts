import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { silentLogger } from '../../lib/logger.ts';
import { SealedBox } from '../../lib/sealed-box.ts';
import { BotQueue } from '../../queue/bot-queue.ts';
import { itemsComplete } from '../../queue/complete-application.ts';
import { QueueClients } from '../../queue/queue-clients.ts';
import { DEFAULT_TUNING } from '../../queue/queue-options.ts';
import { applicationItems } from '../../store/application-items.repo.ts';
import { AuditRepo } from '../../store/audit.repo.ts';
import { openTestPglite, type TestStore } from '../support/stores.ts';
import { independentItems } from './plan-source.ts';

/**
 * Issue 19's review: an admin's 取消/转人工 is stored with its audit entry in one transaction, before Redis is
 * touched; the clerk's 人工办结 makes a handed-over item done for good; and cancelled items do not hold an
 * application back from 已办结.
 */
describe('closing an item and finishing it by hand', () => {
  let store: TestStore;
  const box = new SealedBox('test-secret-test-secret-test-secret-1234', 'portal-credentials');
  const portal = `fund-${Date.now().toString(36)}`;
  const open: QueueClients[] = [];

  const queueOn = (clients: QueueClients) =>
    new BotQueue({
      db: store.db,
      clients,
      source: independentItems([
        ['a', portal],
        ['b', portal],
      ]),
      box,
      logger: silentLogger,
      tuning: DEFAULT_TUNING,
    });
  const clients = () => {
    const made = new QueueClients(inject('redisUrl'), [portal]);
    open.push(made);
    return made;
  };
  const audit = () => new AuditRepo(store.db);
  const entry = (action: string, item: string) => ({
    actorId: null,
    actorName: '李管理',
    actorRole: 'admin',
    action,
    subjectType: 'application',
    subjectId: 'app-1',
    detail: { item },
    ip: null,
  });

  beforeAll(async () => {
    store = await openTestPglite();
    await applicationItems.ensure(store.db, 'app-1', ['a', 'b']);
    await store.db.query(`UPDATE application_items SET status = 'failed' WHERE application_id = 'app-1'`);
  });
  afterAll(async () => {
    for (const made of open) await made.close().catch(() => undefined);
    await store.cleanup();
  });

  it('stores nothing when the audit entry cannot be written', async () => {
    const queue = queueOn(clients());
    await expect(
      queue.closeItem('app-1', 'a', { to: 'cancelled', reason: '测试', byName: '李管理' }, async () => {
        throw new Error('audit log unavailable');
      }),
    ).rejects.toThrow('audit log unavailable');
    expect((await applicationItems.get(store.db, 'app-1', 'a'))?.status).toBe('failed');
  });

  it('keeps the closing and its audit entry when Redis fails after the database step', async () => {
    const broken = clients();
    const queue = queueOn(broken);
    await broken.close();
    await expect(
      queue.closeItem('app-1', 'a', { to: 'handed-over', reason: '请窗口人工报送', byName: '李管理' }, (tx) =>
        new AuditRepo(tx).append(entry('item.hand-over', 'a')),
      ),
    ).rejects.toThrow();
    expect(await applicationItems.get(store.db, 'app-1', 'a')).toMatchObject({
      status: 'handed-over',
      closedReason: '请窗口人工报送',
    });
    const entries = await audit().list({ action: 'item.hand-over' });
    expect(entries.map((row) => [row.actorName, row.detail.item])).toEqual([['李管理', 'a']]);
  });

  it('writes no audit entry for a closing refused', async () => {
    const queue = queueOn(clients());
    await store.db.query(
      `UPDATE application_items SET status = 'running' WHERE application_id = 'app-1' AND item_id = 'b'`,
    );
    expect(
      await queue.closeItem('app-1', 'b', { to: 'cancelled', reason: '测试', byName: '李管理' }, (tx) =>
        new AuditRepo(tx).append(entry('item.cancel', 'b')),
      ),
    ).toBe(false);
    expect(await audit().list({ action: 'item.cancel' })).toEqual([]);
  });

  it('finishes only a handed-over item by hand, and the bots never write to it again', async () => {
    const queue = queueOn(clients());
    const done = {
      note: '窗口已报送',
      byName: '王窗口',
      receipt: { reference: 'GJJ-1' },
      outputs: { no: '9' },
    };
    expect(await queue.finishByHand('app-1', 'b', done)).toBe(false);
    expect(
      await queue.finishByHand('app-1', 'a', done, (tx) =>
        new AuditRepo(tx).append(entry('item.done-by-hand', 'a')),
      ),
    ).toBe(true);
    // A repeat changes nothing (and writes no second audit entry).
    expect(
      await queue.finishByHand('app-1', 'a', { ...done, outputs: { no: '10' } }, (tx) =>
        new AuditRepo(tx).append(entry('item.done-by-hand', 'a')),
      ),
    ).toBe(true);
    expect(await applicationItems.get(store.db, 'app-1', 'a')).toMatchObject({
      status: 'done',
      receipt: { reference: 'GJJ-1' },
      outputs: { no: '9' },
      handledNote: '窗口已报送',
      handledByName: '王窗口',
    });
    expect(await audit().list({ action: 'item.done-by-hand' })).toHaveLength(1);
    // A late worker: no submit, no result, no failure over the clerk's work.
    expect(await applicationItems.markSubmitStarted(store.db, 'app-1', 'a')).toBe(false);
    await applicationItems.recordFailure(store.db, 'app-1', 'a', { code: 'PORTAL_UNAVAILABLE' });
    await applicationItems.recordResult(store.db, {
      applicationId: 'app-1',
      itemId: 'a',
      status: 'done',
      receipt: { reference: 'BOT' },
      outputs: { no: 'bot' },
    });
    expect(await applicationItems.get(store.db, 'app-1', 'a')).toMatchObject({
      status: 'done',
      receipt: { reference: 'GJJ-1' },
      outputs: { no: '9' },
      failure: null,
    });
  });

  it('runs what follows a 人工办结 or a closing again on a retry after Redis failed past the commit', async () => {
    await applicationItems.ensure(store.db, 'app-2', ['a', 'b']);
    await store.db.query(
      `UPDATE application_items SET status = 'handed-over' WHERE application_id = 'app-2' AND item_id = 'a'`,
    );
    const done = { note: '窗口已报送', byName: '王窗口', receipt: {}, outputs: { no: '7' } };
    const broken = clients();
    await broken.close();
    await expect(queueOn(broken).finishByHand('app-2', 'a', done)).rejects.toThrow();
    expect((await applicationItems.get(store.db, 'app-2', 'a'))?.status).toBe('done');
    expect((await applicationItems.get(store.db, 'app-2', 'b'))?.status).toBe('waiting');
    // The retry: nothing stored again, but the item that was waiting is scheduled now.
    expect(await queueOn(clients()).finishByHand('app-2', 'a', { ...done, outputs: { no: '8' } })).toBe(true);
    expect((await applicationItems.get(store.db, 'app-2', 'a'))?.outputs).toEqual({ no: '7' });
    expect((await applicationItems.get(store.db, 'app-2', 'b'))?.status).toBe('queued');

    // The same for an admin's closing: the retry of a 取消 stored already says yes, without a second entry.
    const cancel = { to: 'cancelled' as const, reason: '测试', byName: '李管理' };
    const broken2 = clients();
    await broken2.close();
    await expect(queueOn(broken2).closeItem('app-2', 'b', cancel)).rejects.toThrow();
    expect((await applicationItems.get(store.db, 'app-2', 'b'))?.status).toBe('cancelled');
    expect(await queueOn(clients()).closeItem('app-2', 'b', { ...cancel, reason: '再试' })).toBe(true);
    expect((await applicationItems.get(store.db, 'app-2', 'b'))?.closedReason).toBe('测试');
    // Closed some other way, it is refused still.
    expect(await queueOn(clients()).closeItem('app-2', 'b', { ...cancel, to: 'handed-over' })).toBe(false);
  });

  it('counts cancelled items as finished, but not handed-over or failed ones', () => {
    expect(itemsComplete([{ status: 'done' }, { status: 'cancelled' }])).toBe(true);
    expect(itemsComplete([{ status: 'done' }, { status: 'handed-over' }])).toBe(false);
    expect(itemsComplete([{ status: 'done' }, { status: 'failed' }])).toBe(false);
    expect(itemsComplete([{ status: 'cancelled' }])).toBe(false);
  });
});
