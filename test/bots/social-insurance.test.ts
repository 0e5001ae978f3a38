import { describe, expect, it } from 'vitest';
import { registeredRequest } from './support/later-items.ts';
import { RecordingIo } from './support/sandbox.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';
import { expectSoleSubmission } from './support/sole-submission.ts';

/** 单位社会保险登记: a table layout (labels in header cells), verification first, an industry tree, yyyyMMdd. */
describe('social-insurance on the social-insurance portal', () => {
  const { sandbox, runner } = sandboxAndRunner();

  it('verifies the unit, fills the table form and files once as projected', async () => {
    const companyName = '漳州云启软件科技有限公司';
    const request = await registeredRequest(sandbox, 'social-insurance', 'social-insurance', companyName);
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    const result = await runner.run(request, io);
    const submission = await expectSoleSubmission(sandbox, request);
    expect(result).toMatchObject({
      outcome: 'submitted',
      outputs: { socialInsuranceNo: submission.receipt.socialInsuranceNo },
    });
    expect(result.comparison.every((row) => row.matches)).toBe(true);
  });
});
