import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRunner, createBrowserRunner } from '../../bots/browser-runner.ts';
import { PortalChangedError, PortalUnavailableError, ValueRejectedError } from '../../bots/errors/index.ts';
import type { ItemRunRequest, ItemRunResult } from '../../bots/item-runner.ts';
import { label } from '../../bots/portals/common/standard-pages.ts';
import { marketRegulation } from '../../bots/portals/market-regulation/market-regulation.portal.ts';
import { text } from '../../bots/runtime/widgets/index.ts';
import { expectedFields, maskedPixels, received } from './support/expect-received.ts';
import { unmaskedPlaces } from './support/masking.ts';
import { REFERENCE_DOCUMENTS, referenceValues } from './support/reference.ts';
import { RecordingIo, Sandbox } from './support/sandbox.ts';

/**
 * 企业设立登记 through the browser runner against the sandbox market-regulation portal (unified login with
 * its image CAPTCHA answered by a "person" who reads it through the control API): the projection of the
 * reference case goes in, the control API shows what arrived.
 */
describe('business-registration on the market-regulation portal', () => {
  const sandbox = new Sandbox();
  let runner: BrowserRunner;
  let values: Record<string, unknown>;
  let documents: ItemRunRequest['documents'];
  let first: { result: ItemRunResult; io: RecordingIo };

  const request = (overrides: Partial<ItemRunRequest> = {}): ItemRunRequest => ({
    applicationId: 'app-1',
    applicationRef: 'YJ20261122-0001',
    itemId: 'business-registration',
    portalId: 'market-regulation',
    baseUrl: sandbox.url('market-regulation'),
    values,
    documents,
    credentials: { username: 'yijian', password: 'Yijian#2025' },
    reconcile: false,
    ...overrides,
  });
  const io = () => new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

  beforeAll(async () => {
    await sandbox.start();
    // No wait for the decision in the filing run: these tests follow the item up as the queue does.
    runner = createBrowserRunner({ poolSize: 1, findTimeoutMs: 2000, awaitDecisionMs: 0 });
    values = await referenceValues('business-registration');
    documents = sandbox.documents(REFERENCE_DOCUMENTS);
    const recording = io();
    first = { result: await runner.run(request(), recording), io: recording };
  });
  afterAll(async () => {
    await runner?.close();
    await sandbox.stop();
  });

  it('files the reference application: every field arrives once, with the projected value', async () => {
    const submissions = await sandbox.submissions('market-regulation');
    expect(submissions).toHaveLength(1);
    expect(received(submissions[0]?.fields)).toEqual(expectedFields(values, documents));
    expect(first.result).toMatchObject({
      outcome: 'submitted',
      awaitingResult: true,
      receipt: { reference: submissions[0]?.reference, acceptanceNo: submissions[0]?.reference },
    });
    expect(first.io.submitsStarted).toBe(1);
    expect(first.result.comparison.length).toBeGreaterThan(40);
    expect(first.result.comparison.every((row) => row.matches)).toBe(true);
    // Personal values are masked in the evidence, not stored whole.
    const idRow = first.result.comparison.find((row) => row.fieldId === 'members[0].idNumber');
    expect(idRow?.intended).toMatch(/^3506\*+16$/);
  });

  it('keeps evidence: a step per page with a screenshot, personal data masked, and the trace', async () => {
    const steps = first.io.steps;
    expect(steps.map((s) => s.name)).toEqual([
      '登录',
      '打开申请',
      '基本信息',
      '经营范围',
      '人员信息',
      '出资信息',
      '材料与承诺',
      '读取回执',
    ]);
    expect(steps.every((s) => s.status === 'ok' && s.screenshot && s.durationMs > 0)).toBe(true);
    const shot = (name: string) => steps.find((s) => s.name === name)?.screenshot ?? Buffer.alloc(0);
    // 人员信息 shows names, ID numbers and phones of three people: each is under a mask box.
    expect(await maskedPixels(shot('人员信息'))).toBeGreaterThan(3 * 8 * 200);
    expect(await maskedPixels(shot('经营范围'))).toBe(0);
    // Issue 16: every place a personal value showed (found by its text) is solid mask colour.
    expect(await unmaskedPlaces(steps)).toEqual([]);
    expect(steps.find((s) => s.name === '人员信息')?.masking?.found.length).toBeGreaterThanOrEqual(6);
    expect(existsSync(first.io.tracePath) && statSync(first.io.tracePath).size).toBeGreaterThan(10_000);
  });

  it('follows the item up in 我的办件 until the registrar approves it with a credit code', async () => {
    // This runner has a CAPTCHA reader (as a worker with OCR would); when its reading is refused, the last
    // attempt goes to a person.
    const readings: Buffer[] = [];
    const styles: string[] = [];
    const reading = createBrowserRunner({
      poolSize: 1,
      captchaAttempts: 2,
      readCaptcha: async (png, style) => {
        readings.push(png);
        styles.push(style);
        return 'BBBB'; // never right: the login's pictures do not use B (it looks like 8)
      },
    });
    try {
      // The runner that filed kept its logged-in session: its follow-up meets no login form, no CAPTCHA.
      const kept = io();
      await runner.followUp(request(), first.result.receipt, kept);
      expect(kept.questions).toEqual([]);
      expect(kept.steps.map((step) => [step.name, step.status])).toEqual([
        ['登录', 'ok'],
        ['办件查询', 'ok'],
      ]);
      await sandbox.control('market-regulation', '/tick', { method: 'POST' });
      const recording = io();
      let result = await reading.followUp(request(), first.result.receipt, recording);
      for (let i = 0; i < 5 && !result.done; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        result = await runner.followUp(request(), first.result.receipt, io());
      }
      const [approved] = await sandbox.submissions('market-regulation');
      expect(result.done).toBe(true);
      expect(result.outputs).toMatchObject({
        creditCode: approved?.receipt.creditCode,
        establishedDate: approved?.receipt.establishedDate,
        registrationAuthority: '漳州市龙文区市场监督管理局',
      });
      expect(readings).toHaveLength(1);
      expect(readings[0]?.subarray(1, 4).toString()).toBe('PNG');
      // The reader is told the style the declaration names, so it can decline a style it was not built for.
      expect(styles).toEqual(['sandbox-dejavu-4']);
      expect(recording.questions.map((q) => q.kind)).toEqual(['captcha']);
    } finally {
      await reading.close();
    }
  });

  it('reconciles a retried run with 办件查询: adopts the earlier receipt instead of filing twice', async () => {
    const recording = io();
    const result = await runner.run(request({ reconcile: true }), recording);
    expect(result.outcome).toBe('adopted');
    expect(result.receipt.reference).toBe(first.result.receipt.reference);
    expect(result.outputs.creditCode).toMatch(/^91350603/);
    expect(recording.submitsStarted).toBe(0);
    expect(await sandbox.submissions('market-regulation')).toHaveLength(1);
  });

  it('reports a value the portal refuses as ValueRejectedError naming the field', async () => {
    const refused = { ...values, companyName: '漳州中国云启软件有限公司' };
    const failure = await failureOf(runner.run(request({ values: refused }), io()));
    expect(failure).toBeInstanceOf(ValueRejectedError);
    expect((failure as ValueRejectedError).fields).toEqual([
      { fieldId: 'companyName', message: '企业名称不得含有“中国”等字词' },
    ]);
  });

  it('reports a portal that stays busy (5xx) as PortalUnavailableError once its tries are used up', async () => {
    const impatient = createBrowserRunner({ poolSize: 1, stepAttempts: 2, retryDelayMs: 10 });
    await sandbox.setFaults('market-regulation', { errorRate: 1 });
    try {
      const recording = io();
      const failure = await failureOf(impatient.run(request(), recording));
      expect(failure).toBeInstanceOf(PortalUnavailableError);
      expect((failure as Error).message).toContain('系统繁忙');
      expect(recording.steps.map((s) => [s.name, s.status])).toEqual([
        ['登录', 'failed'],
        ['登录（第 2 次）', 'failed'],
      ]);
    } finally {
      await sandbox.setFaults('market-regulation', { errorRate: 0 });
      await impatient.close();
    }
  });

  it('reports a binding that finds nothing as PortalChangedError', async () => {
    const [basic, ...rest] = marketRegulation.steps;
    if (!basic) throw new Error('no steps');
    const stale = {
      ...marketRegulation,
      steps: [
        { ...basic, fields: [{ field: 'companyName', find: label('企业名称（旧版）'), widget: text() }] },
        ...rest,
      ],
    };
    const staleRunner = createBrowserRunner({ poolSize: 1, findTimeoutMs: 500 }, () => stale);
    try {
      const failure = await failureOf(staleRunner.run(request(), io()));
      expect(failure).toBeInstanceOf(PortalChangedError);
      expect((failure as Error).message).toContain('企业名称（旧版）');
    } finally {
      await staleRunner.close();
    }
    expect(await sandbox.submissions('market-regulation')).toHaveLength(1);
  });

  it('waits in the filing run for a decision that comes within seconds (秒批) and reads the credit code', async () => {
    const waiting = createBrowserRunner({ poolSize: 1, findTimeoutMs: 2000, awaitDecisionMs: 10_000 });
    try {
      const companyName = '漳州市龙文区云帆秒批软件科技有限公司';
      const recording = io();
      const result = await waiting.run(
        request({
          applicationId: 'app-2',
          applicationRef: 'YJ20261122-0002',
          values: await referenceValues('business-registration', { companyName }),
        }),
        recording,
      );
      const filed = (await sandbox.submissions('market-regulation')).find((s) =>
        JSON.stringify(s.fields).includes(companyName),
      );
      expect(filed?.receipt.creditCode).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
      expect(result).toMatchObject({
        outcome: 'submitted',
        awaitingResult: false,
        receipt: { reference: filed?.reference },
        outputs: { creditCode: filed?.receipt.creditCode, establishedDate: filed?.receipt.establishedDate },
      });
      expect(recording.steps.map((step) => [step.name, step.status]).slice(-2)).toEqual([
        ['读取回执', 'ok'],
        ['等待审核结果', 'ok'],
      ]);
    } finally {
      await waiting.close();
    }
  });
});
