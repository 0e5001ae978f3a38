/**
 * Every screen of yijian, as each role sees it, on a desktop (1280 wide) and a phone (390×844), written to
 * `docs/screenshots/web-<role>-<screen>[-phone].png`:
 *
 *   npm run screenshots [-- <folder>]          (npx tsx scripts/screenshots.ts; default docs/screenshots)
 *
 * A throwaway installation as the browser tests start it (test/server/throwaway-installation.ts: PGlite in
 * memory, the real queue on a Redis of its own with scripted bots, real OCR), seeded with the reference
 * case's fictitious people the way they would make it: a draft with its ID cards read, a finished
 * application, one in review with readings OCR was unsure of, one waiting for an SMS code the portal refused
 * once, one with an item handed to the clerk and finished by hand, ratings, a paused portal (an alert) and
 * a lost worker. Also prints the form's length on a phone and a desktop for the reference case.
 */

import type { Row } from '../forms/index.ts';
import { until } from '../test/server/bots-harness.ts';
import { referenceIdCards } from '../test/server/id-cards.ts';
import { referenceTyped } from '../test/server/reference.ts';
import { screenshotFolder } from '../test/server/throwaway-installation.ts';
import { Camera } from './screenshots/camera.ts';
import {
  answerSms,
  applicationIs,
  dispatch,
  filledCase,
  itemsSettle,
  lostWorker,
  newApplication,
  ratedApplications,
  submit,
} from './screenshots/seed.ts';
import { shootAdmin } from './screenshots/shots-admin.ts';
import { shootApplicant } from './screenshots/shots-applicant.ts';
import { shootClerk } from './screenshots/shots-clerk.ts';
import { startStage } from './screenshots/stage.ts';

const out = screenshotFolder();
const stage = await startStage();
const camera = new Camera(stage, out);
const { runner } = stage.bots;
// Taking the pictures of a question takes longer than a test's minute to answer it.
runner.smsTimeoutMs = 15 * 60_000;

try {
  // A draft: roles given, the three ID cards uploaded and read by the real OCR, nothing else yet.
  const draft = await newApplication(stage, 'applicant');
  const persons = ((await referenceTyped()).persons as readonly Row[]).map(({ id, roles }) => ({
    id,
    roles,
  }));
  await draft.client.sendJson('PUT', `/api/applications/${draft.id}/values`, {
    typed: { scope: [{}], persons },
  });
  for (const [index, card] of (await referenceIdCards()).entries()) {
    await draft.client.upload(
      `/api/applications/${draft.id}/documents`,
      { material: 'idCardFront', subject: String(persons[index]?.id) },
      { name: `${card.truth.name}身份证.jpg`, content: card.jpeg, type: 'image/jpeg' },
      { csrf: 'header' },
    );
  }
  await stage.services.reader?.settled();
  const lengths: Record<string, number> = {};
  const measure = async (state: string, id: string) => {
    for (const device of ['phone', 'desktop'] as const) {
      const page = await stage.page('applicant', device);
      await page.goto(`${stage.base}/my/applications/${id}/form`);
      lengths[`${device} ${state}`] = await page.evaluate(() => document.documentElement.scrollHeight);
    }
  };
  await measure('ID cards read', draft.id);

  // The reference case complete, measured before it is submitted, then through one key to 已办结.
  const done = await filledCase(stage, 'applicant');
  await measure('complete', done.id);
  await camera.both('applicant', `/my/applications/${done.id}/form`, 'applicant-form-complete');
  await submit(done.client, done.id);
  await dispatch(stage, done.id);
  await answerSms(stage, done.id);
  await applicationIs(stage, done.id, 'completed');

  // Two items the portals refuse: an admin hands one to the clerk and cancels the other.
  const handed = await filledCase(stage, 'third');
  await submit(handed.client, handed.id);
  runner.rejectOnce.add('housing-fund');
  runner.rejectOnce.add('social-insurance');
  await dispatch(stage, handed.id);
  await answerSms(stage, handed.id);
  await itemsSettle(stage, handed.id, {
    'housing-fund': 'failed',
    'social-insurance': 'failed',
    'tax-registration': 'done',
    'medical-insurance': 'done',
  });

  // In review at the desk, five days old: the second person's name and address as OCR read them, unsure.
  const review = await filledCase(stage, 'second', true);
  await submit(review.client, review.id);
  await stage.db.query(`UPDATE applications SET submitted_at = now() - interval '5 days' WHERE id = $1`, [
    review.id,
  ]);

  // Waiting for the seal portal's SMS code; the business registration shows its steps as they pass.
  const sms = await filledCase(stage, 'applicant');
  await submit(sms.client, sms.id);
  runner.slowSteps.set('business-registration', ['登录部门系统', '填写基本信息', '填写股东信息']);
  await dispatch(stage, sms.id);
  await until(
    () => stage.bots.queue.openTasks([sms.id]),
    (tasks) => tasks.length > 0,
  );

  await ratedApplications(stage);
  await lostWorker(stage);

  await shootApplicant(stage, camera, { draft: draft.id, done: done.id, sms: sms.id });
  // The admin hands an item over before the clerk finishes it by hand.
  await shootAdmin(stage, camera, { done: done.id, handed: handed.id });
  await shootClerk(stage, camera, { review: review.id, done: done.id, sms: sms.id, handed: handed.id });

  // The question still open: answered, so the run ends and the workers can stop.
  await answerSms(stage, sms.id);
  const date = new Date().toISOString().slice(0, 10);
  process.stdout.write(
    `${camera.written.length} pictures in ${out}\n` +
      `form length, reference case (${date}): ${Object.entries(lengths)
        .map(([state, px]) => `${state} ${px} px`)
        .join(', ')} (phone 390×844, desktop 1280×860)\n`,
  );
} finally {
  await stage.stop();
}
process.exit(0);
