import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, waitUntilSettled } from '../../cli/e2e/environment.ts';
import { type SeededApplication, seedReferenceApplication } from '../../cli/e2e/reference-application.ts';
import { failureLines } from '../../server/pages/progress.ts';
import { botRuns } from '../../store/bot-runs.repo.ts';
import type { TestStore } from '../support/stores.ts';
import {
  type IsolatedEnvironment,
  openIsolatedEnvironment,
  QUICK_RETRIES,
} from './support/isolated-environment.ts';
import { startProcessing, verifySeeded, withSimulatedPeople } from './support/one-key.ts';

/**
 * Departments on a bad day, with real bots on real Chromium: a fifth of all requests answered with a
 * 502 (pages, their scripts and style sheets, XHRs, framed forms), every answer slow. One application must
 * still get through with one filing per item; another, whose company name the registrar refuses, must come
 * back to the clerk with the merged-form field named.
 */
describe('portals that are slow, busy and strict', () => {
  let opened: IsolatedEnvironment;
  let store: TestStore;
  let env: E2eEnvironment;
  let dataDir = '';

  beforeAll(async () => {
    opened = await openIsolatedEnvironment({
      // Slow is 20–200 ms on every answer: what makes a page slow to a bot is that it waits for each one,
      // not how long; the queue retries as quickly as the other end-to-end files do.
      faults: {
        errorRate: 0.2,
        errorStatus: 502,
        latencyMs: [20, 200],
        approvalDelayMs: 1_000,
        syncLagMs: 1_500,
      },
      tuning: { ...QUICK_RETRIES, itemAttempts: 12 },
    });
    ({ store, env, dataDir } = opened);
  }, 120_000);
  afterAll(() => opened?.close());

  const accepted = async (companyName: string): Promise<SeededApplication> => {
    const seeded = await seedReferenceApplication(store.db, dataDir, { companyName });
    await startProcessing(store.db, seeded.applicationId);
    return seeded;
  };

  it('gets every item through once, and hands a refused value back to the clerk naming the field', async () => {
    const good = await accepted('漳州市龙文区云帆软件科技有限公司');
    const refused = await accepted('漳州中国云启软件有限公司');
    const {
      value: [goodItems, refusedItems],
    } = await withSimulatedPeople(env, [good.applicationId, refused.applicationId], async () => {
      await env.bots.queue.submit(good.applicationId);
      await env.bots.queue.submit(refused.applicationId);
      return Promise.all([
        waitUntilSettled(env.bots, good.applicationId, 400_000),
        waitUntilSettled(env.bots, refused.applicationId, 120_000),
      ]);
    });

    // Busy and lagging portals: every item done, each filed exactly once with the intended values.
    expect(goodItems.filter((i) => i.status !== 'done').map((i) => [i.itemId, i.failure])).toEqual([]);
    const checks = await verifySeeded(store.db, env, good);
    expect(checks.map((c) => [c.itemId, c.submissions, c.mismatches])).toEqual(
      checks.map((c) => [c.itemId, 1, []]),
    );
    // The refused name: registration back with the clerk, the merged-form field named, nothing after it run.
    const registration = refusedItems.find((i) => i.itemId === 'business-registration');
    expect(registration?.status).toBe('failed');
    expect(registration?.failure).toMatchObject({
      code: 'VALUE_REJECTED',
      fields: [
        {
          fieldId: 'companyName',
          elements: ['company.name'],
          mergedLabels: ['企业名称'],
          message: expect.stringContaining('中国'),
        },
      ],
    });
    expect(failureLines('business-registration', registration?.failure ?? null).join('\n')).toContain(
      '「企业名称」：企业名称不得含有“中国”等字词',
    );
    expect(refusedItems.filter((i) => i.itemId !== 'business-registration').map((i) => i.status)).toEqual(
      refusedItems.filter((i) => i.itemId !== 'business-registration').map(() => 'waiting'),
    );
    // A refusal is not retried: the refusing run is the last one, and no filing at the registrar. Runs before
    // it may have met a 502 (a fifth of all requests), and those are retried.
    const registrationRuns = (await botRuns.list(store.db, { applicationId: refused.applicationId }))
      .filter((r) => r.itemId === 'business-registration')
      .sort((a, b) => a.id - b.id);
    expect(registrationRuns.map((r) => r.failure?.code)).toEqual([
      ...registrationRuns.slice(0, -1).map(() => 'PORTAL_UNAVAILABLE'),
      'VALUE_REJECTED',
    ]);
    expect(
      (await env.sandbox.submissions('market-regulation')).filter((s) =>
        JSON.stringify(s).includes(refused.companyName),
      ),
    ).toHaveLength(0);
  }, 480_000);
});
