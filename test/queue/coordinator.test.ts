import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { PersonNeededError, PortalUnavailableError, ValueRejectedError } from '../../bots/errors/index.ts';
import { silentLogger } from '../../lib/logger.ts';
import { sleep } from '../../lib/net.ts';
import { type CoordinatorOptions, resubmitFailed, submitApplication } from '../../queue/coordinator.ts';
import type { PlanSource } from '../../queue/plan-source.ts';
import type { PlanItem } from '../../queue/planner.ts';
import { QueueClients } from '../../queue/queue-clients.ts';
import { DEFAULT_TUNING, itemJobOptions, type QueueTuning } from '../../queue/queue-options.ts';
import { startWorkers, type WorkerSet } from '../../queue/workers.ts';
import { applicationItems } from '../../store/application-items.repo.ts';
import { botRuns } from '../../store/bot-runs.repo.ts';
import { humanTasks } from '../../store/human-tasks.repo.ts';
import { OPEN_COMPANY as OPEN_COMPANY_PLAN } from '../support/open-company.ts';
import { openTestPglite, type TestStore } from '../support/stores.ts';
import { defaultScript, type Script, ScriptedRunner } from './scripted-runner.ts';

// The first five of the 开办企业 items (two waves and the start of the third).
const PLAN: PlanItem[] = OPEN_COMPANY_PLAN.slice(0, 5);
const PORTALS = PLAN.map((p) => p.portalId);

const TUNING: QueueTuning = {
  ...DEFAULT_TUNING,
  itemAttempts: 3,
  retryDelayMs: 50,
  personTimeoutMs: 5_000,
  personPollMs: 50,
  followUpDelayMs: 50,
  stallTimeoutMs: 1_000,
};

/** Hands each item the outputs it received, so a test can see what flowed from one item to the next. */
const source: PlanSource = {
  plan: async () => PLAN,
  itemInput: async (applicationId, _itemId, outputs) => ({
    applicationRef: `REF-${applicationId}`,
    values: { upstream: Object.fromEntries(outputs) },
    documents: {},
  }),
};

describe('the coordinator: waves, hand-offs, failures and resubmission', () => {
  let store: TestStore;
  let clients: QueueClients;
  let workers: WorkerSet | undefined;
  let options: CoordinatorOptions;
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-queue-'));

  beforeAll(async () => {
    store = await openTestPglite();
    clients = new QueueClients(inject('redisUrl'), PORTALS);
    options = {
      db: store.db,
      publisher: clients.publisher,
      flows: clients.flows,
      source,
      logger: silentLogger,
      itemJobOptions: itemJobOptions(TUNING),
    };
  });
  afterEach(async () => {
    await workers?.close(1000);
    workers = undefined;
  });
  afterAll(async () => {
    await clients.close();
    await store.cleanup();
  });

  function run(scripts: Record<string, Script>, approvalAfter = 1) {
    const runner = new ScriptedRunner(scripts, approvalAfter);
    workers = startWorkers({
      clients,
      db: store.db,
      runner,
      source,
      directory: {
        baseUrl: async (portal) => `http://sandbox/${portal}`,
        credentials: async () => undefined,
      },
      dataDir,
      logger: silentLogger,
      tuning: TUNING,
      portals: PORTALS,
      concurrency: 2,
      coordinator: true,
    });
    return runner;
  }

  async function settle(applicationId: string, timeoutMs = 20_000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const rows = await applicationItems.list(store.db, applicationId);
      const busy = rows.some((r) => !['done', 'failed', 'waiting'].includes(r.status));
      const waitingReady = rows.some(
        (r) =>
          r.status === 'waiting' &&
          PLAN.find((p) => p.itemId === r.itemId)?.needs.every(
            (n) => rows.find((x) => x.itemId === n)?.status === 'done',
          ),
      );
      if (!busy && !waitingReady && rows.length > 0) return new Map(rows.map((r) => [r.itemId, r]));
      await sleep(50);
    }
    throw new Error('application did not settle');
  }

  const appId = () => `app${Math.random().toString(36).slice(2, 10)}`;

  /** The application's open SMS-code question, looked for every 25 ms, `tries` times at the most. */
  async function smsCodeTask(applicationId: string, tries: number) {
    let task: Awaited<ReturnType<typeof humanTasks.listOpen>>[number] | undefined;
    for (let i = 0; i < tries && !task; i++) {
      task = (await humanTasks.listOpen(store.db, [applicationId])).find((t) => t.kind === 'sms-code');
      await sleep(25);
    }
    return task;
  }

  it('runs items in dependency order, feeds outputs forward, waits for approval, and stores every receipt; warms a log-in for each later wave', async () => {
    const runner = run({
      'business-registration': async (request, io) => ({
        ...(await defaultScript(request, io, 1)),
        outputs: {},
        receipt: { acceptanceNo: 'SL-1' },
        awaitingResult: true,
      }),
    });
    const id = appId();
    expect(await submitApplication(options, id)).toEqual(['business-registration']);
    const items = await settle(id);
    expect([...items.values()].every((r) => r.status === 'done')).toBe(true);
    expect(items.get('business-registration')?.outputs).toEqual({
      creditCode: '91350603MA2Y8ABC1X',
      establishedDate: '2026-11-22',
    });
    expect(items.get('bank-account')?.receipt).toEqual({ receiptNo: 'R-bank-account' });

    const order = runner.calls.map((c) => c.itemId);
    expect(order[0]).toBe('business-registration');
    expect(order.indexOf('tax-registration')).toBeGreaterThan(order.indexOf('bank-account'));
    const tax = runner.calls.find((c) => c.itemId === 'tax-registration');
    expect(tax?.values).toEqual({
      upstream: {
        'business-registration': { creditCode: '91350603MA2Y8ABC1X', establishedDate: '2026-11-22' },
        'bank-account': { 'bank-account.no': 'N-bank-account' },
      },
    });
    expect(tax?.reconcile).toBe(false);
    const runs = await botRuns.list(store.db, { applicationId: id });
    expect(runs.filter((r) => r.status === 'succeeded')).toHaveLength(6); // five items + one follow-up look

    // Every item after the first was logged into once before its run (a warm log-in) (the one key made them all coming);
    // the warm log-ins left no bot run of their own.
    const at = (entry: string) => runner.log.indexOf(entry);
    for (const item of PLAN.slice(1)) {
      expect(runner.log.filter((e) => e === `warm:${item.itemId}`)).toHaveLength(1);
      expect(at(`warm:${item.itemId}`)).toBeLessThan(at(`run:${item.itemId}`));
    }
    expect(at('warm:business-registration')).toBe(-1);
  });

  it('retries an unavailable portal with reconciliation, and sends a rejected value back with its field', async () => {
    const runner = run({
      'bank-account': async (request, io, attempt) => {
        if (attempt < 3) throw new PortalUnavailableError('系统繁忙，请稍后再试');
        return defaultScript(request, io, attempt);
      },
      'social-insurance': async () => {
        throw new ValueRejectedError('单位电话格式不正确', [
          { fieldId: 'unitPhone', message: '单位电话格式不正确' },
        ]);
      },
    });
    const id = appId();
    await submitApplication(options, id);
    const items = await settle(id);
    expect(items.get('bank-account')?.status).toBe('done');
    expect(runner.calls.filter((c) => c.itemId === 'bank-account').map((c) => c.reconcile)).toEqual([
      false,
      true,
      true,
    ]);
    expect(items.get('social-insurance')?.status).toBe('failed');
    expect(items.get('social-insurance')?.failure).toMatchObject({
      code: 'VALUE_REJECTED',
      fields: [{ fieldId: 'unitPhone', message: '单位电话格式不正确' }],
    });
    expect(runner.calls.filter((c) => c.itemId === 'social-insurance')).toHaveLength(1); // not retried
    expect(items.get('tax-registration')?.status).toBe('done');

    // Resubmit only the failed item: its finished siblings do not run again.
    await workers?.close(1000);
    const second = run({});
    expect(await resubmitFailed(options, id)).toEqual(['social-insurance']);
    const after = await settle(id);
    expect(after.get('social-insurance')?.status).toBe('done');
    expect(after.get('social-insurance')?.generation).toBe(1);
    expect(second.calls.map((c) => c.itemId)).toEqual(['social-insurance']);
    expect(second.calls[0]?.reconcile).toBe(true);
  });

  it('waits for a person to answer, continues with the answer, and gives up at the deadline', async () => {
    let typed = '';
    run({
      'seal-engraving': async (request, io) => {
        typed = await io.askPerson({ kind: 'sms-code', prompt: '请输入短信验证码', timeoutMs: 5_000 });
        return defaultScript(request, io, 1);
      },
      'bank-account': async (_request, io) => {
        await io.askPerson({ kind: 'captcha', prompt: '请识别图形验证码', timeoutMs: 300 });
        throw new Error('unreachable');
      },
    });
    const id = appId();
    await submitApplication(options, id);
    const task = await smsCodeTask(id, 200);
    expect((await applicationItems.get(store.db, id, 'seal-engraving'))?.status).toBe('awaiting-person');
    expect(await humanTasks.answer(store.db, task?.id ?? 0, '123456', 'applicant-1')).toBe(true);
    const items = await settle(id);
    expect(typed).toBe('123456');
    expect(items.get('seal-engraving')?.status).toBe('done');
    expect(items.get('bank-account')?.failure).toMatchObject({ code: 'PERSON_NEEDED', task: 'captcha' });
    // The SMS code is wiped once used.
    const rows = await store.db.query<{ answer: string | null; status: string }>(
      'SELECT answer, status FROM human_tasks WHERE id = $1',
      [task?.id],
    );
    expect(rows).toEqual([{ answer: null, status: 'used' }]);
    expect(new PersonNeededError('x', 'captcha').toFailure().task).toBe('captcha');
  });

  it('ends a run that hangs, tries the item again, and does not count a wait for a person or a browser as a hang', async () => {
    let abandoned: unknown;
    let lateSubmit = '';
    run({
      'business-registration': async (request, io, attempt) => {
        if (attempt > 1) return defaultScript(request, io, attempt);
        await io.step({ name: '登录', status: 'ok', startedAt: new Date(), durationMs: 5 });
        io.signal.addEventListener('abort', () => {
          abandoned = io.signal.reason;
          // The abandoned run comes loose and reaches its final click: the queue must not let it file.
          void io.beforeFinalSubmit().then(
            () => (lateSubmit = 'allowed'),
            () => (lateSubmit = 'refused'),
          );
        });
        return new Promise<never>(() => {}); // a page call that never answers
      },
      'bank-account': async (request, io) => {
        await io.waitOutside?.(sleep(2_500)); // all browser contexts busy for longer than the stall timeout
        return defaultScript(request, io, 1);
      },
      'seal-engraving': async (request, io) => {
        await io.askPerson({ kind: 'sms-code', prompt: '请输入短信验证码', timeoutMs: 10_000 });
        return defaultScript(request, io, 1);
      },
    });
    const id = appId();
    await submitApplication(options, id);
    const task = await smsCodeTask(id, 400);
    await sleep(2_500); // the person takes longer than the stall timeout to answer
    expect(await humanTasks.answer(store.db, task?.id ?? 0, '123456', 'applicant-1')).toBe(true);
    const items = await settle(id);
    expect([...items.values()].map((r) => r.status)).toEqual([...items.values()].map(() => 'done'));

    const runs = await botRuns.list(store.db, { applicationId: id });
    const registration = runs
      .filter((r) => r.itemId === 'business-registration')
      .sort((a, b) => a.attempt - b.attempt);
    expect(registration.map((r) => r.status)).toEqual(['failed', 'succeeded']);
    expect(registration[0]?.failure).toMatchObject({
      code: 'PORTAL_UNAVAILABLE',
      message: expect.stringContaining('秒没有进展，最后的步骤：登录'),
    });
    expect(abandoned).toBeInstanceOf(PortalUnavailableError);
    expect(lateSubmit).toBe('refused');
    expect(runs.filter((r) => r.itemId === 'bank-account').map((r) => r.status)).toEqual(['succeeded']);
    expect(runs.filter((r) => r.itemId === 'seal-engraving').map((r) => r.status)).toEqual(['succeeded']);
  });
});
