import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ItemRunRequest } from '../../bots/item-runner.ts';
import { maskedArea } from './support/expect-received.ts';
import { registeredRequest } from './support/later-items.ts';
import { RecordingIo } from './support/sandbox.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';
import { expectSoleSubmission } from './support/sole-submission.ts';

/** 住房公积金单位缴存登记: three steps, a yyyyMM month picker, an ID-copy upload, a timed 承诺书. */
describe('housing-fund on the housing-fund portal', () => {
  const { sandbox, runner } = sandboxAndRunner();
  let request: ItemRunRequest;

  beforeAll(async () => {
    // The 承诺书 must stay on screen for its reading time; a short one keeps the test quick.
    await sandbox.control('housing-fund', '/notice', { method: 'PUT', body: { seconds: 1 } });
    const companyName = '漳州云启软件科技有限公司';
    request = await registeredRequest(sandbox, 'housing-fund', 'housing-fund', companyName);
  });

  it('opens the fund account; every field arrives once as projected; the account number is read back', async () => {
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    const result = await runner.run(request, io);
    const submission = await expectSoleSubmission(sandbox, request);
    expect(result).toMatchObject({
      outcome: 'submitted',
      awaitingResult: false,
      outputs: { fundAccountNo: submission.receipt.fundAccountNo },
    });
    expect(io.steps.map((s) => s.name)).toEqual([
      '登录',
      '打开申请',
      '单位基本信息',
      '缴存信息',
      '材料与承诺',
      '读取回执',
    ]);
    // The six personal boxes (法定代表人, 经办人) are covered where they are: above the 保存 button, not a
    // scroll's height lower over the footer, as they were while the page was left scrolled down.
    const shot = io.steps.find((s) => s.name === '单位基本信息')?.screenshot;
    const masked = await maskedArea(shot ?? Buffer.alloc(0));
    expect(masked.pixels).toBeGreaterThan(6 * 150 * 20);
    expect(masked.bottom).toBeLessThan(masked.height - 200);
    // 打开申请 only arrives on the page the next step's screenshot shows whole: its screenshot is the window's (900 high).
    const opened = io.steps.find((s) => s.name === '打开申请')?.screenshot;
    expect((await maskedArea(opened ?? Buffer.alloc(0))).height).toBe(900);
    expect(masked.height).toBeGreaterThan(900);
  });

  it('stops at once when the queue gives up on the run, keeps its trace and gives the browser back', async () => {
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    io.onStep = (record) => {
      // The first test's session is kept: the form opens at once (打开申请（沿用登录）).
      if (record.name.startsWith('打开申请')) io.controller.abort(new Error('stalled'));
    };
    const before = (await sandbox.submissions('housing-fund')).length;
    await expect(runner.run(request, io)).rejects.toThrow();
    expect(io.steps.map((s) => s.name)).not.toContain('缴存信息');
    expect(existsSync(io.tracePath)).toBe(true);
    expect(runner.stats()).toMatchObject({ active: 0, waiting: 0 });
    expect(await sandbox.submissions('housing-fund')).toHaveLength(before);
  });
});
