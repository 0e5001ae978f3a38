import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BrowserRunner } from '../../../bots/browser-runner.ts';
import type { ItemRunRequest, ItemRunResult, StepRecord } from '../../../bots/item-runner.ts';
import type { PortalId } from '../../../sandbox/kit/portal.ts';
import type { Submission } from '../../../sandbox/kit/submissions.ts';
import { expectedFields, maskedPixels, received } from './expect-received.ts';
import { RecordingIo, type Sandbox } from './sandbox.ts';

/**
 * The portal holds one submission, and its fields are exactly what `request` projects (`picked` gives what
 * the bot chose on the live portal from the submitted fields, see expectedFields). Returns that submission.
 */
export async function expectSoleSubmission(
  sandbox: Sandbox,
  request: ItemRunRequest,
  picked: (fields: Record<string, unknown>) => Record<string, unknown> = () => ({}),
): Promise<Submission> {
  const submissions = await sandbox.submissions(request.portalId as PortalId);
  expect(submissions).toHaveLength(1);
  const [submission] = submissions;
  if (!submission) throw new Error('no submission');
  expect(received(submission.fields)).toEqual(
    expectedFields(request.values as Record<string, unknown>, request.documents, picked(submission.fields)),
  );
  return submission;
}

/**
 * A first filing of a one-page form on a fresh sandbox: the run logs in, opens the form, fills `formStep` and
 * reads the receipt, every step ok; it is submitted with every field read back as typed, and the portal holds
 * one submission exactly as projected.
 */
export async function expectFiledFirst(
  setting: { sandbox: Sandbox; runner: BrowserRunner },
  request: ItemRunRequest,
  formStep: string,
): Promise<{ result: ItemRunResult; io: RecordingIo; submission: Submission }> {
  const { sandbox, runner } = setting;
  const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
  const result = await runner.run(request, io);
  expect(io.steps.map((s) => `${s.name}:${s.status}`)).toEqual([
    '登录:ok',
    '打开申请:ok',
    `${formStep}:ok`,
    '读取回执:ok',
  ]);
  expect(result.outcome).toBe('submitted');
  expect(result.comparison.every((row) => row.matches)).toBe(true);
  return { result, io, submission: await expectSoleSubmission(sandbox, request) };
}

/**
 * The screenshot of `formStep` covers more than `pixels` of the mask colour (the people's values on the form).
 * With YIJIAN_KEEP_SHOTS set, the picture is kept in that folder as `<name>-filled.jpg`.
 */
export async function expectFormMasked(
  steps: StepRecord[],
  formStep: string,
  name: string,
  pixels: number,
): Promise<void> {
  const filled = steps.find((s) => s.name === formStep)?.screenshot;
  expect(filled).toBeDefined();
  if (process.env.YIJIAN_KEEP_SHOTS)
    writeFileSync(join(process.env.YIJIAN_KEEP_SHOTS, `${name}-filled.jpg`), filled ?? '');
  expect(await maskedPixels(filled ?? Buffer.alloc(0))).toBeGreaterThan(pixels);
}
