import { describe, expect, it } from 'vitest';
import { waitUntilSettled } from '../../cli/e2e/environment.ts';
import { seedReferenceApplication } from '../../cli/e2e/reference-application.ts';
import { receiptWords } from '../../server/documents/receipt-words.ts';
import { applicationItems } from '../../store/application-items.repo.ts';
import { ApplicationsRepo } from '../../store/applications.repo.ts';
import { botRuns } from '../../store/bot-runs.repo.ts';
import { isolatedEnvironmentForFile, QUICK_RETRIES } from './support/isolated-environment.ts';
import {
  expectEachFiledOnce,
  startProcessing,
  verifySeeded,
  withSimulatedPeople,
} from './support/one-key.ts';

/**
 * The reference 开办企业 application, end to end: one key → BullMQ flows on real Redis → real Chromium bots →
 * the seven sandbox portals over HTTP, with registration approved after a delay, tax and social insurance
 * lagging behind market regulation, and the SMS code answered by the (simulated) applicant.
 */
describe('the reference application through all seven portals', () => {
  const opened = isolatedEnvironmentForFile({
    // Tax and social insurance learn of the company 45 s after its approval: their first runs meet the lag,
    // even when a loaded machine starts them 30 s after it.
    faults: { approvalDelayMs: 1_000, syncLagMs: 45_000 },
    tuning: { ...QUICK_RETRIES, itemAttempts: 15 },
  });

  it('ends with a receipt for every item, each received exactly once with the intended values', async () => {
    const { store, env, dataDir } = opened();
    const seeded = await seedReferenceApplication(store.db, dataDir, {
      companyName: '漳州市龙文区云帆软件科技有限公司',
    });
    await startProcessing(store.db, seeded.applicationId);
    const { answered } = await withSimulatedPeople(env, [seeded.applicationId], async () => {
      expect(await env.bots.queue.submit(seeded.applicationId)).toEqual(['business-registration']);
      const items = await waitUntilSettled(env.bots, seeded.applicationId, 240_000);
      const failures = items
        .filter((i) => i.status !== 'done')
        .map((i) => ({ item: i.itemId, failure: i.failure }));
      expect(failures).toEqual([]);
    });
    expect(answered).toBeGreaterThanOrEqual(1); // the seal's SMS code

    const checks = await verifySeeded(store.db, env, seeded);
    expect(checks.map((c) => c.itemId).sort()).toEqual([
      'bank-account',
      'business-registration',
      'housing-fund',
      'medical-insurance',
      'seal-engraving',
      'social-insurance',
      'tax-registration',
    ]);
    expectEachFiledOnce(checks, 5);
    for (const check of checks) expect(Object.keys(check.receipt ?? {}).length).toBeGreaterThan(0);
    // The sync lag was met and waited out: a tax or social-insurance run failed on it, a later one filed.
    const lagged = (await botRuns.list(store.db, { applicationId: seeded.applicationId, limit: 200 })).filter(
      (r) =>
        ['tax-registration', 'social-insurance'].includes(r.itemId) &&
        r.failure?.code === 'PORTAL_UNAVAILABLE' &&
        /尚未共享/.test(String(r.failure.message)),
    );
    expect(lagged.length).toBeGreaterThanOrEqual(1);
    const application = await new ApplicationsRepo(store.db).find({ kind: 'all' }, seeded.applicationId);
    expect(application?.status).toBe('completed');
    // Every run left its evidence: steps with screenshots and a trace.
    const runs = await botRuns.list(store.db, { applicationId: seeded.applicationId });
    const submitted = runs.filter((r) => r.status === 'succeeded' && r.comparison !== null);
    expect(submitted.length).toBeGreaterThanOrEqual(7);
    for (const run of submitted) {
      const steps = await botRuns.steps(store.db, run.id);
      expect(steps.some((s) => s.screenshotPath !== null)).toBe(true);
      expect(run.tracePath).toMatch(/trace\.zip$/);
    }
    // What the applicant must still do reached the store from the portals' receipts (docs/yizheng.md): the
    // appointment the bank bot booked, the seals' 备案编码 and where to collect them.
    const stored = await applicationItems.list(store.db, seeded.applicationId);
    const row = (itemId: string) => stored.find((r) => r.itemId === itemId);
    const [booked] = await env.sandbox.submissions('bank', seeded.companyName);
    const when = `${String(booked?.fields['appointment.date'])} ${String(booked?.fields['appointment.slot'])}`;
    expect(row('bank-account')?.outputs).toMatchObject({
      appointmentTime: when,
      bankName: booked?.fields.branch,
    });
    const bankWords = receiptWords(
      'bank-account',
      row('bank-account')?.receipt,
      row('bank-account')?.outputs,
    );
    expect(bankWords.nextStep).toContain(when);
    const [filed] = await env.sandbox.submissions('public-security', seeded.companyName);
    const codes = ((filed?.receipt.seals ?? []) as { filingCode: string }[]).map((seal) => seal.filingCode);
    expect(row('seal-engraving')?.outputs['seals[].filingCode']).toEqual(codes);
    const sealWords = receiptWords(
      'seal-engraving',
      row('seal-engraving')?.receipt,
      row('seal-engraving')?.outputs,
    );
    expect(sealWords.lists[0]?.rows.map((r) => r[1])).toEqual(codes);
    expect(sealWords.nextStep).toContain(String(filed?.fields.engravingCompany));
  }, 300_000);
});
