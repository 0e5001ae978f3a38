import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRunner, createBrowserRunner } from '../../bots/browser-runner.ts';
import { expectedFields, received } from './support/expect-received.ts';
import { laterRequest, registerCompany } from './support/later-items.ts';
import { RecordingIo, Sandbox } from './support/sandbox.ts';

/** 单位社会保险登记: a table layout (labels in header cells), verification first, an industry tree, yyyyMMdd. */
describe('social-insurance on the social-insurance portal', () => {
  const sandbox = new Sandbox();
  let runner: BrowserRunner;

  beforeAll(async () => {
    await sandbox.start();
    runner = createBrowserRunner({ poolSize: 1, findTimeoutMs: 2000 });
  });
  afterAll(async () => {
    await runner?.close();
    await sandbox.stop();
  });

  it('verifies the unit, fills the table form and files once as projected', async () => {
    const companyName = '漳州云启软件科技有限公司';
    const { outputs } = registerCompany(sandbox, companyName);
    const request = await laterRequest(sandbox, 'social-insurance', 'social-insurance', {
      companyName,
      outputs,
    });
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    const result = await runner.run(request, io);
    const submissions = await sandbox.submissions('social-insurance');
    expect(submissions).toHaveLength(1);
    expect(received(submissions[0]?.fields)).toEqual(
      expectedFields(request.values as Record<string, unknown>, {}),
    );
    expect(result).toMatchObject({
      outcome: 'submitted',
      outputs: { socialInsuranceNo: submissions[0]?.receipt.socialInsuranceNo },
    });
    expect(result.comparison.every((row) => row.matches)).toBe(true);
  });
});
