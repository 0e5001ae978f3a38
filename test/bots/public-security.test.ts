import { beforeAll, describe, expect, it } from 'vitest';
import type { ItemRunRequest } from '../../bots/item-runner.ts';
import { registeredRequest } from './support/later-items.ts';
import { RecordingIo } from './support/sandbox.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';
import { expectSoleSubmission } from './support/sole-submission.ts';

/** 公章刻制备案: five seal rows, the district's engraver picked from the live list, an SMS code from a person. */
describe('seal-engraving on the public-security portal', () => {
  const { sandbox, runner } = sandboxAndRunner();
  let request: ItemRunRequest;

  beforeAll(async () => {
    const companyName = '漳州云启软件科技有限公司';
    request = await registeredRequest(sandbox, 'seal-engraving', 'public-security', companyName);
  });

  it('files the five seals; the SMS code comes from a person; every field arrives once as projected', async () => {
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q, 'public-security'));
    const result = await runner.run(request, io);
    // The engraver is the bot's pick from the live list; the code, the one a person was sent.
    const submission = await expectSoleSubmission(sandbox, request, (fields) => ({
      engravingCompany: fields.engravingCompany,
      smsCode: fields.smsCode,
    }));
    const { fields } = submission;
    expect(fields.engravingCompany).toMatch(/^漳州市龙文区/);
    expect(String(fields.smsCode)).toMatch(/^\d{6}$/);
    expect(io.questions.map((q) => [q.kind, q.prompt])).toEqual([
      ['sms-code', '请输入发送到 138****1234 的 6 位短信验证码'],
    ]);
    const codes = result.outputs['seals[].filingCode'] as string[];
    expect(codes).toHaveLength(5);
    expect(codes.every((code) => /^350603\d{7}$/.test(code))).toBe(true);
    // Where to collect them, for the 办结通知书: the engraver chosen, its address, and the seal types in order.
    expect(result.outputs).toMatchObject({
      engraver: fields.engravingCompany,
      engraverAddress: expect.stringMatching(/^龙文区/),
      pickup: '到刻章企业自取',
    });
    expect((result.outputs['seals[].type'] as string[])[0]).toBe('单位公章');
    expect(result).toMatchObject({
      outcome: 'submitted',
      awaitingResult: false,
      receipt: { filingNo: submission.reference },
    });
    expect(result.comparison.find((row) => row.fieldId === 'smsCode')?.onPage).toBe('******');
  });

  it('asks for a new code when the portal refuses one (voided by a newer code), and files once', async () => {
    const companyName = '漳州海棠软件科技有限公司';
    const second = await registeredRequest(sandbox, 'seal-engraving', 'public-security', companyName);
    let asked = 0;
    // The first answer is a code another filing's text has since voided; the second is the latest one.
    const io = new RecordingIo(sandbox.dir, async (q) => {
      asked += 1;
      return asked === 1 ? '000000' : sandbox.answer(q, 'public-security');
    });
    const result = await runner.run(second, io);
    expect(result.outcome).toBe('submitted');
    // The second question says why a new code is asked for; the first does not.
    expect(io.questions.map((q) => [q.kind, q.prompt])).toEqual([
      ['sms-code', '请输入发送到 138****1234 的 6 位短信验证码'],
      ['sms-code', '验证码不正确，已重新发送。请输入发送到 138****1234 的 6 位短信验证码'],
    ]);
    // A person's task ends no later than the code it asks for (the portal's codes live five minutes).
    for (const question of io.questions) expect(question.timeoutMs).toBeLessThan(5 * 60_000);
    // The first test's filing kept its session: the form opens at once.
    expect(io.steps.map((step) => [step.name, step.status])).toEqual([
      ['打开申请（沿用登录）', 'ok'],
      ['填写备案申请', 'failed'],
      ['填写备案申请（第 2 次）', 'ok'],
      ['读取回执', 'ok'],
    ]);
    expect(io.submitsStarted).toBe(2);
    const filed = (await sandbox.submissions('public-security')).filter(
      (submission) => submission.company === companyName,
    );
    expect(filed).toHaveLength(1);
  });

  it('hands the item to the clerk after three refused codes in one run', async () => {
    const companyName = '漳州石竹软件科技有限公司';
    const third = await registeredRequest(sandbox, 'seal-engraving', 'public-security', companyName);
    const io = new RecordingIo(sandbox.dir, async () => '000000');
    const failure = await runner.run(third, io).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'VALUE_REJECTED', fields: [{ fieldId: 'smsCode' }] });
    expect(io.questions).toHaveLength(3);
  });
});
