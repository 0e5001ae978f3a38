import { describe, expect, it } from 'vitest';
import { laterRequest, registerCompany, registeredRequest } from './support/later-items.ts';
import { RecordingIo } from './support/sandbox.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';
import { expectSoleSubmission } from './support/sole-submission.ts';

/** 单位医疗保险登记: the form inside an iframe, posted by XHR; the window moves to the receipt by script. */
describe('medical-insurance on the medical-insurance portal', () => {
  const { sandbox, runner } = sandboxAndRunner();

  it('warms a log-in, then fills the form in its frame on that session and files once as projected', async () => {
    const companyName = '漳州云启软件科技有限公司';
    const request = await registeredRequest(sandbox, 'medical-insurance', 'medical-insurance', companyName);
    const signal = new AbortController().signal;
    expect(await runner.warm?.(request, signal)).toBe('logged-in');
    expect(await runner.warm?.(request, signal)).toBe('kept');
    // Tax logs in with the company's new credit code: nothing to warm.
    expect(await runner.warm?.({ ...request, itemId: 'tax-registration', portalId: 'tax' }, signal)).toBe(
      'skipped',
    );
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    const result = await runner.run(request, io);
    // The filing found the portal logged in: no 登录 step, the form opened at once.
    expect(io.steps.map((s) => s.name)).toEqual(['打开申请（沿用登录）', '填写参保登记表', '读取回执']);
    const submission = await expectSoleSubmission(sandbox, request);
    expect(result).toMatchObject({
      outcome: 'submitted',
      outputs: { medicalInsuranceNo: submission.receipt.medicalInsuranceNo },
    });
    expect(result.comparison.every((row) => row.matches)).toBe(true);
  });

  it('looks 办件查询 up again right before the final click and adopts what appeared meanwhile', async () => {
    const companyName = '漳州海风软件科技有限公司';
    const { outputs } = registerCompany(sandbox, companyName);
    const request = {
      ...(await laterRequest(sandbox, 'medical-insurance', 'medical-insurance', { companyName, outputs })),
      reconcile: true,
    };
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    // The earlier attempt's submission lands after the first look-up (as when a crashed worker's post was
    // still in flight): only the look-up before the final click can see it.
    io.onStep = (step) => {
      if (step.name !== '打开申请') return;
      sandbox.portals.apps['medical-insurance']?.ctx.recordSubmission({
        reference: 'YB20261122999999',
        account: 'yijian',
        company: companyName,
        status: 'done',
        statusText: '已办结',
        requests: [],
        files: {},
        fields: {},
        receipt: { medicalInsuranceNo: '3506032026999999' },
      });
    };
    const result = await runner.run(request, io);
    expect(io.steps.map((s) => s.name)).toEqual([
      '登录',
      '办件查询（提交前核对）',
      '打开申请',
      '填写参保登记表',
    ]);
    expect(result).toMatchObject({
      outcome: 'adopted',
      receipt: { reference: 'YB20261122999999' },
      outputs: { medicalInsuranceNo: '3506032026999999' },
    });
    expect(io.submitsStarted).toBe(0);
    const mine = (await sandbox.submissions('medical-insurance')).filter((s) => s.company === companyName);
    expect(mine).toHaveLength(1);
  });
});
