import type { Job } from 'bullmq';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { silentLogger } from '../../lib/logger.ts';
import { SealedBox } from '../../lib/sealed-box.ts';
import { BotQueue } from '../../queue/bot-queue.ts';
import { createDriftProcessor, type DriftCheckResult } from '../../queue/drift-processor.ts';
import { cronOf } from '../../queue/drift-schedule.ts';
import { DRIFT_SCHEDULER_ID, portalQueueName, QUEUE_PREFIX } from '../../queue/names.ts';
import { QueueClients } from '../../queue/queue-clients.ts';
import { DEFAULT_TUNING } from '../../queue/queue-options.ts';
import { createRedis } from '../../queue/redis/connection.ts';
import { openTestPglite, type TestStore } from '../support/stores.ts';
import { independentItems } from './plan-source.ts';

/**
 * The scheduled drift check without browsers: the admin's schedule as a BullMQ job scheduler in the
 * centre's zone, the nightly fan-out, the portals skipped while busy or paused by an admin, and the hold
 * a must-fail finding puts on an auto-pausing portal until a clean check. The walk itself is tested in
 * test/bots/drift-check.test.ts and, end to end, in test/server/drift.browser.test.ts.
 */
describe('scheduled drift checks', () => {
  let store: TestStore;
  let clients: QueueClients;
  let queue: BotQueue;
  const run = Date.now().toString(36);
  const fund = `fund-${run}`;
  const tax = `tax-${run}`;
  const results = new Map<string, DriftCheckResult>();
  const checked: string[] = [];

  beforeAll(async () => {
    store = await openTestPglite();
    clients = new QueueClients(inject('redisUrl'), [fund, tax]);
    queue = new BotQueue({
      db: store.db,
      clients,
      source: independentItems([
        ['housing-fund', fund],
        ['tax-registration', tax],
      ]),
      box: new SealedBox('test-secret-test-secret-test-secret-1234', 'portal-credentials'),
      logger: silentLogger,
      tuning: DEFAULT_TUNING,
      timeZone: 'Asia/Shanghai',
    });
    await queue.init();
  });
  afterAll(async () => {
    await clients.close();
    await store.cleanup();
  });

  const processor = () =>
    createDriftProcessor({
      db: store.db,
      clients,
      logger: silentLogger,
      check: async (portalId) => {
        checked.push(portalId);
        return (
          results.get(portalId) ?? { outcome: 'checked', version: 'v1', stepsChecked: ['a'], findings: [] }
        );
      },
    });
  const job = (data: object) => ({ id: `t-${Math.random()}`, data }) as unknown as Job;

  it('keeps the admin’s daily time as a job scheduler in the centre’s zone (02:30 by default)', async () => {
    expect(cronOf('02:30')).toBe('30 2 * * *');
    expect(cronOf('23:05')).toBe('5 23 * * *');
    const scheduler = await clients.drift.getJobScheduler(DRIFT_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ pattern: '30 2 * * *', tz: 'Asia/Shanghai' });
    const next = await queue.nextDriftCheck();
    const at = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(next ?? 0));
    expect(at).toBe('02:30');
    expect(next ?? 0).toBeGreaterThan(Date.now());
    expect(next ?? 0).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);

    await queue.setDriftSchedule({ enabled: true, timeOfDay: '04:15' }, 'admin-1');
    expect(await clients.drift.getJobScheduler(DRIFT_SCHEDULER_ID)).toMatchObject({ pattern: '15 4 * * *' });
    expect(await queue.driftSchedule()).toMatchObject({
      enabled: true,
      timeOfDay: '04:15',
      updatedBy: 'admin-1',
    });
    await queue.setDriftSchedule({ enabled: false, timeOfDay: '04:15' }, 'admin-1');
    expect(await clients.drift.getJobScheduler(DRIFT_SCHEDULER_ID)).toBeUndefined();
    expect(await queue.nextDriftCheck()).toBeUndefined();
    await queue.setDriftSchedule({ enabled: true, timeOfDay: '02:30' }, 'admin-1');
    expect(await clients.drift.getGlobalConcurrency()).toBe(1);
  });

  it('fans the nightly job out into one check per portal', async () => {
    await processor()(job({ scope: 'all' }));
    const added = (await clients.drift.getJobs(['waiting', 'prioritized', 'delayed'])).filter(
      (j) => j.data.scope === 'portal' && [fund, tax].includes(j.data.portalId),
    );
    expect(added.map((j) => j.data.portalId).sort()).toEqual([fund, tax].sort());
    expect(added.every((j) => j.data.trigger === 'schedule')).toBe(true);
    for (const j of added) await j.remove();
  });

  it('skips a portal an admin paused (on schedule) or one that is filing, and records why', async () => {
    checked.length = 0;
    await queue.updateSettings(tax, { paused: true }, 'admin-1');
    await processor()(job({ scope: 'portal', portalId: tax, trigger: 'schedule' }));
    expect(checked).toEqual([]);
    // The admin's own 立即检查 checks a paused portal all the same.
    await processor()(job({ scope: 'portal', portalId: tax, trigger: 'admin' }));
    expect(checked).toEqual([tax]);
    await queue.updateSettings(tax, { paused: false }, 'admin-1');

    // A filing in progress on the portal: a worker holds one of its jobs.
    let release = () => {};
    const holding = new Promise<void>((resolve) => {
      release = resolve;
    });
    const connection = createRedis(inject('redisUrl'), 'worker');
    const worker = new Worker(portalQueueName(fund), () => holding, { connection, prefix: QUEUE_PREFIX });
    await clients.portalQueue(fund).add('item', {});
    while ((await clients.depth(fund)).active === 0) await new Promise((r) => setTimeout(r, 50));
    checked.length = 0;
    await processor()(job({ scope: 'portal', portalId: fund, trigger: 'schedule' }));
    expect(checked).toEqual([]);
    release();
    await worker.close();
    connection.disconnect();

    const latest = await queue.checks();
    const of = (portalId: string) => latest.find((row) => row.last.portalId === portalId);
    expect(of(fund)?.last).toMatchObject({ outcome: 'skipped', note: '正在办理 1 件事项，本次未检查' });
    expect(of(fund)?.lastRun).toBeUndefined();
    expect(of(tax)?.last).toMatchObject({ outcome: 'checked', trigger: 'admin' });
  });

  it('holds an auto-pausing portal on a must-fail finding, and lifts the hold on a clean check', async () => {
    const finding = {
      severity: 'will-fail' as const,
      kind: 'binding-lost',
      step: '单位基本信息',
      field: 'unitName',
      message: '找不到“unitName”的控件（标签“单位全称”）',
    };
    results.set(fund, {
      outcome: 'checked',
      version: 'v1',
      stepsChecked: ['单位基本信息'],
      findings: [finding],
    });
    results.set(tax, { outcome: 'checked', version: 'v1', stepsChecked: ['登记'], findings: [finding] });
    await queue.updateSettings(fund, { driftAutoPause: true }, 'admin-1');
    await processor()(job({ scope: 'portal', portalId: fund, trigger: 'schedule' }));
    await processor()(job({ scope: 'portal', portalId: tax, trigger: 'schedule' }));

    const settings = await queue.settings();
    expect(settings.find((s) => s.portalId === fund)).toMatchObject({
      paused: false,
      driftHold: '单位基本信息：找不到“unitName”的控件（标签“单位全称”）',
    });
    // Without auto-pause the finding is reported, nothing is held.
    expect(settings.find((s) => s.portalId === tax)?.driftHold).toBeNull();
    expect(await clients.portalQueue(fund).isPaused()).toBe(true);
    expect(await clients.portalQueue(tax).isPaused()).toBe(false);
    expect(await queue.heldItems('app-1')).toEqual({
      'housing-fund': '单位基本信息：找不到“unitName”的控件（标签“单位全称”）',
    });

    results.delete(fund);
    await processor()(job({ scope: 'portal', portalId: fund, trigger: 'schedule' }));
    expect((await queue.settings()).find((s) => s.portalId === fund)?.driftHold).toBeNull();
    expect(await clients.portalQueue(fund).isPaused()).toBe(false);
    expect(await queue.heldItems('app-1')).toEqual({});
  });
});
