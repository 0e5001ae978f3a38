import { describe, expect, it } from 'vitest';
import { ValueRejectedError } from '../../bots/errors/index.ts';
import { bookableDates } from '../../sandbox/bank/slots.ts';
import { laterRequest, registerCompany, registeredRequest } from './support/later-items.ts';
import { RecordingIo } from './support/sandbox.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';
import { expectSoleSubmission } from './support/sole-submission.ts';

const SLOTS = ['09:00-10:00', '10:00-11:00', '11:00-12:00', '14:00-15:00', '15:00-16:00', '16:00-17:00'];

/**
 * 银行预约开户: the slider CAPTCHA solved from the picture, branch list by district, the earliest free slot
 * when the first day and the first slots are full, 校验 before 提交预约.
 */
describe('bank-account on the bank portal', () => {
  const { sandbox, runner } = sandboxAndRunner();

  it('passes the slider, rides out a busy moment, books the earliest free slot, files once as projected', async () => {
    const [firstDay, secondDay] = bookableDates(new Date());
    await sandbox.control('bank', '/slots', {
      method: 'PUT',
      body: {
        full: [...SLOTS.map((slot) => ({ slot, date: firstDay })), { slot: SLOTS[0], date: secondDay }],
      },
    });
    const companyName = '漳州云启软件科技有限公司';
    const request = await registeredRequest(sandbox, 'bank-account', 'bank', companyName);
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    // Once the form is open the portal turns busy for two requests (the branch list, then the reload): the
    // step is done again after a pause instead of failing the run.
    io.onStep = async (step) => {
      if (step.name === '打开申请') await sandbox.setFaults('bank', { failNext: 2 });
    };
    const result = await runner.run(request, io);
    expect(io.steps.map((s) => [s.name, s.status])).toEqual([
      ['登录', 'ok'],
      ['打开申请', 'ok'],
      ['填写预约信息', 'failed'],
      ['填写预约信息（第 2 次）', 'ok'],
      ['读取回执', 'ok'],
    ]);
    expect(io.steps[2]?.note).toMatch(/^PORTAL_UNAVAILABLE: /);

    // The branch and the slot are the bot's picks from the live portal.
    const submission = await expectSoleSubmission(sandbox, request, (fields) => ({
      branch: fields.branch,
      'appointment.date': secondDay,
      'appointment.slot': SLOTS[1],
    }));
    const { fields } = submission;
    expect(fields['appointment.date']).toBe(secondDay);
    expect(fields['appointment.slot']).toBe(SLOTS[1]);
    expect(String(fields.branch)).toMatch(/^中国工商银行/);
    expect(io.questions).toEqual([]);
    expect(result).toMatchObject({
      outcome: 'submitted',
      outputs: {
        appointmentNo: submission.reference,
        accountNo: submission.receipt.accountNo,
        // The appointment the bot booked reaches the store, for the applicant's next step.
        appointmentTime: `${secondDay} ${SLOTS[1]}`,
        branchAddress: expect.stringMatching(/\S/),
      },
    });
  });

  it('picks another slot when the one it chose is taken before 校验, and sends a refused typed value to the clerk', async () => {
    await sandbox.control('bank', '/slots', { method: 'PUT', body: { full: [] } });
    await sandbox.control('bank', '/slots/taken-at-next-check', { method: 'PUT' });
    const companyName = '漳州云帆软件科技有限公司';
    const request = await registeredRequest(sandbox, 'bank-account', 'bank', companyName);
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    await runner.run(request, io);
    // The session kept from the first filing opens the form at once: no login page, no slider. The taken slot
    // fails the first try; a busy moment of the loaded machine may cost another try, never a second filing.
    const steps = io.steps.map((s) => [s.name, s.status, s.note ?? '']);
    expect(steps[0]).toEqual(['打开申请（沿用登录）', 'ok', '']);
    expect(steps[1]).toEqual(['填写预约信息', 'failed', expect.stringContaining('该时段预约已满')]);
    for (const between of steps.slice(2, -2)) {
      expect(between).toEqual([
        expect.stringMatching(/^填写预约信息（第 \d 次）$/),
        'failed',
        expect.stringMatching(/^PORTAL_UNAVAILABLE: /),
      ]);
    }
    expect(steps.slice(-2)).toEqual([
      [expect.stringMatching(/^填写预约信息（第 \d 次）$/), 'ok', ''],
      ['读取回执', 'ok', ''],
    ]);
    const [day] = bookableDates(new Date());
    const filed = (await sandbox.submissions('bank')).filter((s) =>
      JSON.stringify(s.fields).includes(companyName),
    );
    expect(filed.map((s) => [s.fields['appointment.date'], s.fields['appointment.slot']])).toEqual([
      [day, SLOTS[1]],
    ]);

    // A value the applicant typed is not the bot's to change: the clerk gets the field and the portal's words.
    const other = '漳州云舟软件科技有限公司';
    const typed = await laterRequest(sandbox, 'bank-account', 'bank', {
      companyName: other,
      outputs: registerCompany(sandbox, other).outputs,
    });
    const wrongId = { ...typed, values: { ...typed.values, 'legalRep.idNumber': '350603199001011231' } };
    // Meanwhile the bank has dropped every session: the kept one leads to the login page, and the run logs in.
    await sandbox.control('bank', '/reset', { method: 'POST' });
    const dropped = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    const failure = await runner.run(wrongId, dropped).catch((e: unknown) => e);
    expect(dropped.steps.slice(0, 3).map((s) => [s.name, s.status])).toEqual([
      ['打开申请（沿用登录）', 'ok'],
      ['登录', 'ok'],
      ['打开申请', 'ok'],
    ]);
    expect(failure).toBeInstanceOf(ValueRejectedError);
    expect((failure as ValueRejectedError).fields).toEqual([
      expect.objectContaining({ message: expect.stringContaining('联网核查未通过') }),
    ]);
  });
});
