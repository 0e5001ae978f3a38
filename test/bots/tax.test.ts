import { describe, expect, it } from 'vitest';
import { PortalUnavailableError } from '../../bots/errors/index.ts';
import { laterRequest, registerCompany, registeredRequest } from './support/later-items.ts';
import { RecordingIo } from './support/sandbox.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';
import { expectSoleSubmission } from './support/sole-submission.ts';

/** 新办纳税人涉税事项: the tax-style login, a grid of people, four steps, 检查 before 提交, the sync lag. */
describe('tax-registration on the tax portal', () => {
  const { sandbox, runner } = sandboxAndRunner();
  const io = () => new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));

  it('logs in with the company data, fills the four steps, passes 检查 and files once as projected', async () => {
    const companyName = '漳州云启软件科技有限公司';
    const request = await registeredRequest(sandbox, 'tax-registration', 'tax', companyName);
    const result = await runner.run(request, io());
    const submission = await expectSoleSubmission(sandbox, request);
    expect(result).toMatchObject({
      outcome: 'submitted',
      outputs: { taxAcceptanceNo: submission.reference },
    });
  });

  it('reports "工商信息尚未共享" (the registration not synced yet) as PortalUnavailableError', async () => {
    await sandbox.setFaults('tax', { syncLagMs: 60_000 });
    const companyName = '漳州星河软件科技有限公司';
    const { outputs } = registerCompany(sandbox, companyName, { registeredAt: new Date() });
    const request = await laterRequest(sandbox, 'tax-registration', 'tax', { companyName, outputs });
    const failure = await runner.run(request, io()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PortalUnavailableError);
    expect((failure as Error).message).toContain('工商信息尚未共享');
  });
});
