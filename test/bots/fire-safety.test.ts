import { describe, expect, it } from 'vitest';
import { PersonNeededError } from '../../bots/errors/index.ts';
import type { ItemRunRequest, StepRecord } from '../../bots/item-runner.ts';
import { fireSafety } from '../../bots/portals/fire-safety/fire-safety.portal.ts';
import type { PortalDeclaration } from '../../bots/runtime/types.ts';
import { fireSafetyApplication } from '../sandbox/support/fire-safety.ts';
import { XhrClient } from '../sandbox/support/xhr-client.ts';
import { expectPersonalValuesMasked } from './support/masking.ts';
import { restaurantRequest, restaurantValues } from './support/restaurant.ts';
import { RecordingIo } from './support/sandbox.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';
import { expectFiledFirst, expectFormMasked } from './support/sole-submission.ts';

/**
 * 营业前消防安全检查 on the TDesign system, which has no 办件查询: t-select, a lazy t-cascader, t-date-picker,
 * t-radio-group, t-upload and a t-dialog; and exactly once when the answer to the final click is lost, by
 * each way a declaration may have of telling whether that click got through.
 */
describe('fire-safety on the fire-safety portal (TDesign, no 办件查询)', () => {
  /** The first filing's steps and values, for the screenshot checks. */
  let filed: { steps: StepRecord[]; values: Record<string, unknown> } = { steps: [], values: {} };
  // The declaration the runner uses: the real one, or one with fewer ways to look an earlier filing up.
  let declaration: PortalDeclaration = fireSafety;

  const { sandbox, runner } = sandboxAndRunner({}, () => declaration);

  const requestFor = (companyName: string, reference: string): ItemRunRequest =>
    restaurantRequest(sandbox, { itemId: 'fire-safety', portalId: 'fire-safety' }, companyName, {
      applicationId: `app-${reference}`,
      applicationRef: reference,
    });
  const filingsOf = async (company: string) =>
    (await sandbox.submissions('fire-safety')).filter((s) => s.company === company);
  /** The answer to the final post is lost once (the portal filed it; the bot never hears so). */
  const loseTheFinalAnswer = (io: RecordingIo) => {
    io.onStep = async (step) => {
      if (step.name.startsWith('打开申请'))
        await sandbox.setFaults('fire-safety', { loseAnswerTo: '/api/apply' });
    };
  };

  it('files the restaurant once, exactly as projected, with the marker in 备注', async () => {
    declaration = fireSafety;
    const request = requestFor('漳州味来餐饮有限公司', 'YJ-fire-1');
    const { result, io, submission } = await expectFiledFirst(
      { sandbox, runner },
      request,
      '填写消防安全检查告知承诺申报',
    );
    expect(submission.company).toBe('漳州味来餐饮有限公司');
    expect(submission.raw).toMatchObject({
      cslx: '餐饮场所',
      zrr_zjlx: '居民身份证',
      csdz_qu: '350603',
      bz: '一键办 YJ-fire-1/fire-safety',
    });
    expect(submission.raw.sbrq).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The month picker (t-date-picker mode="month"): the month two weeks from today, as the step names it.
    expect(submission.raw.tysy).toBe(
      new Date(Date.now() + (8 + 14 * 24) * 3_600_000).toISOString().slice(0, 7),
    );
    expect(result.outputs).toMatchObject({ acceptanceNo: submission.receipt.acceptanceNo });
    await expectFormMasked(io.steps, '填写消防安全检查告知承诺申报', 'fire-safety', 1000);
    filed = { steps: io.steps, values: request.values as Record<string, unknown> };
  });

  it('shows no personal value unmasked in any of the run’s screenshots, the receipt included', async () => {
    await expectPersonalValuesMasked(filed.steps, '填写消防安全检查告知承诺申报', filed.values);
  }, 180_000);

  /** A filing made by a person at the counter's other window, over HTTP as the page's script posts it. */
  const fileByHand = async (unit: string) => {
    const client = new XhrClient(sandbox.url('fire-safety'));
    await client.login();
    const values = restaurantValues('fire-safety', unit);
    const body = fireSafetyApplication(unit, await client.upload('pmt', 'p.jpg'), {
      tyshxydm: String(values.creditCode),
      sylc: '第2层',
      zrr_zjhm: String(values['responsible.idNumber']),
      zrr_dh: String(values['responsible.phone']),
      glr_dh: String(values['manager.phone']),
    });
    expect(await (await client.apply(body)).json()).toMatchObject({ ok: true });
  };

  it('marker: a lost answer is found in 我的申请 by its 备注, never filed twice', async () => {
    declaration = fireSafety;
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    loseTheFinalAnswer(io);
    // While the bot wonders, the same company is filed by hand: newer, same name, no marker. Company and
    // time alone would adopt that one.
    const before = io.onStep;
    io.onStep = async (step) => {
      await before?.(step);
      if (step.status === 'failed') await fileByHand('漳州味来餐饮有限公司');
    };
    const result = await runner.run(requestFor('漳州味来餐饮有限公司', 'YJ-fire-2'), io);
    expect(result.outcome).toBe('adopted');
    expect(io.submitsStarted).toBe(1);
    const filings = await filingsOf('漳州味来餐饮有限公司');
    expect(filings.filter((s) => s.raw.sylc === '第2层')).toHaveLength(1);
    const mine = filings.filter((s) => s.raw.bz === '一键办 YJ-fire-2/fire-safety');
    expect(mine).toHaveLength(1);
    expect(result.outputs).toEqual({ acceptanceNo: mine[0]?.receipt.acceptanceNo, validity: '长期' });
  });

  it('list: without a marker, 我的申请 by company and time of filing finds the lost answer', async () => {
    declaration = { ...fireSafety, marker: undefined };
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    loseTheFinalAnswer(io);
    const result = await runner.run(requestFor('漳州食味轩餐饮有限公司', 'YJ-fire-3'), io);
    expect(result.outcome).toBe('adopted');
    const mine = await filingsOf('漳州食味轩餐饮有限公司');
    expect(mine).toHaveLength(1);
    expect(result.outputs).toEqual({ acceptanceNo: mine[0]?.receipt.acceptanceNo, validity: '长期' });
  });

  it('none: with no way to look, a retry after the final click becomes a clerk’s task', async () => {
    declaration = { ...fireSafety, query: undefined, marker: undefined };
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    loseTheFinalAnswer(io);
    const failure = await runner.run(requestFor('漳州一品香餐饮有限公司', 'YJ-fire-4'), io).catch((e) => e);
    expect(failure).toBeInstanceOf(PersonNeededError);
    expect(failure).toMatchObject({ code: 'PERSON_NEEDED', task: 'confirm-filing' });
    expect(await filingsOf('漳州一品香餐饮有限公司')).toHaveLength(1);
    // A retried job on that portal stops before the form, unless the queue knows no click happened.
    const retry = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    const again = await runner
      .run({ ...requestFor('漳州一品香餐饮有限公司', 'YJ-fire-4'), reconcile: true }, retry)
      .catch((e) => e);
    expect(again).toMatchObject({ code: 'PERSON_NEEDED', task: 'confirm-filing' });
    expect(retry.submitsStarted).toBe(0);
    expect(await filingsOf('漳州一品香餐饮有限公司')).toHaveLength(1);
    const never = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    const fresh = {
      ...requestFor('漳州二品香餐饮有限公司', 'YJ-fire-5'),
      reconcile: true,
      submitStarted: false,
    };
    expect((await runner.run(fresh, never)).outcome).toBe('submitted');
    expect(await filingsOf('漳州二品香餐饮有限公司')).toHaveLength(1);
    // Two whole filings through Chromium: twice the time of one, and more in a busy whole-suite run.
  }, 90_000);
});
