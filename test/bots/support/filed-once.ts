import { expect } from 'vitest';
import type { BrowserRunner } from '../../../bots/browser-runner.ts';
import type { ItemRunRequest } from '../../../bots/item-runner.ts';
import type { PortalId } from '../../../sandbox/kit/portal.ts';
import { RecordingIo, type Sandbox } from './sandbox.ts';

/** The company's filings on the portal: one a run, whatever the retries. */
async function expectFiledOnce(sandbox: Sandbox, portalId: PortalId, company: string): Promise<void> {
  const mine = (await sandbox.submissions(portalId)).filter((s) => s.company === company);
  expect(mine).toHaveLength(1);
}

/**
 * A run of `request` (for `company`) whose first request after the form opened — a list the page loads —
 * fails once with a 502: the step `fill…` fails as the portal's trouble, is filled again, and files once.
 */
export async function expectRefilledAfterFailedLoad(
  setting: { sandbox: Sandbox; runner: BrowserRunner },
  request: ItemRunRequest,
  company: string,
  fillStep: string,
  listPath: string,
): Promise<void> {
  const { sandbox, runner } = setting;
  const portalId = request.portalId as PortalId;
  const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
  io.onStep = async (step) => {
    if (step.name.startsWith('打开申请'))
      await sandbox.setFaults(portalId, { failNext: 1, errorStatus: 502 });
  };
  const result = await runner.run(request, io);
  expect(result.outcome).toBe('submitted');
  const fill = io.steps.filter((s) => s.name.startsWith(fillStep));
  expect(fill.map((s) => s.status)).toEqual(['failed', 'ok']);
  expect(fill[0]?.note).toMatch(new RegExp(`^PORTAL_UNAVAILABLE: .*502 ${listPath}`));
  await expectFiledOnce(sandbox, portalId, company);
}

/** A retried run (`reconcile`) of a request already filed finds the filing in 办件查询 and files nothing. */
export async function expectAdoptedOnRetry(
  setting: { sandbox: Sandbox; runner: BrowserRunner },
  request: ItemRunRequest,
  company: string,
): Promise<void> {
  const { sandbox, runner } = setting;
  const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
  const result = await runner.run({ ...request, reconcile: true }, io);
  expect(result.outcome).toBe('adopted');
  expect(io.submitsStarted).toBe(0);
  await expectFiledOnce(sandbox, request.portalId as PortalId, company);
}
