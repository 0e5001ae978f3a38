import { describe, expect, it } from 'vitest';
import { waitUntilSettled } from '../../cli/e2e/environment.ts';
import { seedCaseApplication } from '../../cli/e2e/reference-application.ts';
import { restaurantWithNewLicence, seedRestaurantApplication } from '../../cli/e2e/restaurant-application.ts';
import { applicationItems } from '../../store/application-items.repo.ts';
import { ApplicationsRepo } from '../../store/applications.repo.ts';
import { isolatedEnvironmentForFile, QUICK_RETRIES } from './support/isolated-environment.ts';
import {
  expectEachFiledOnce,
  startProcessing,
  verifySeeded,
  withSimulatedPeople,
} from './support/one-key.ts';

const COMPANY = '漳州市龙文区味来餐饮管理有限公司';

/**
 * The 开餐饮店 bundle end to end with one key: the company's existing licence was read from its photo (its
 * credit code known to the registrar's exchange, as a real company's is) or business registration runs first,
 * and 食品经营许可 (layui), 户外招牌设置 (Ant Design Vue), 营业前消防安全检查 (TDesign, no 办件查询), social
 * insurance and the housing fund each run on their own portal queue. Every department must hold exactly what
 * forms/ projected, once.
 */
describe('the 开餐饮店 application through its portals', () => {
  const opened = isolatedEnvironmentForFile({
    faults: { latencyMs: [20, 120], approvalDelayMs: 1_000, syncLagMs: 1_000 },
    tuning: { ...QUICK_RETRIES, itemAttempts: 10 },
  });

  it('files every item once with the projected values, and its outputs reach the store', async () => {
    const { store, env, dataDir } = opened();
    const seeded = await seedRestaurantApplication(store.db, dataDir, env.sandbox, {
      companyName: COMPANY,
      serial: 40_213,
    });
    await startProcessing(store.db, seeded.applicationId);
    // With a licence there is nothing to wait for: the one key starts all five at once.
    expect((await env.bots.queue.submit(seeded.applicationId)).sort()).toEqual([
      'fire-safety',
      'food-business-licence',
      'housing-fund',
      'signboard',
      'social-insurance',
    ]);
    const items = await waitUntilSettled(env.bots, seeded.applicationId, 300_000);
    expect(items.filter((i) => i.status !== 'done').map((i) => [i.itemId, i.failure])).toEqual([]);

    const checks = await verifySeeded(store.db, env, seeded);
    expect(checks.map((c) => c.itemId).sort()).toEqual([
      'fire-safety',
      'food-business-licence',
      'housing-fund',
      'signboard',
      'social-insurance',
    ]);
    expectEachFiledOnce(checks, 5);
    // The credit code read from the licence photo is what the departments received.
    const food = (await env.sandbox.submissions('food-licence', COMPANY))[0];
    expect(food?.fields.creditCode).toBe(seeded.creditCode);
    // Outputs flow as in bundle 1: the 食品经营许可证编号 the portal issued is the stored output and receipt.
    const rows = await applicationItems.list(store.db, seeded.applicationId);
    const foodRow = rows.find((r) => r.itemId === 'food-business-licence');
    expect(foodRow?.outputs.licenceNo).toMatch(/^JY2350603\d{7}$/);
    expect(foodRow?.outputs.licenceNo).toBe(food?.receipt.licenceNo);
    expect(foodRow?.receipt?.licenceNo).toBe(food?.receipt.licenceNo);
    const fire = (await env.sandbox.submissions('fire-safety', COMPANY))[0];
    expect(rows.find((r) => r.itemId === 'fire-safety')?.outputs.acceptanceNo).toBe(
      fire?.receipt.acceptanceNo,
    );
    const application = await new ApplicationsRepo(store.db).find({ kind: 'all' }, seeded.applicationId);
    expect(application?.status).toBe('completed');
  }, 420_000);

  it('without a licence, registers the company first and files the permits with its credit code', async () => {
    const { store, env, dataDir } = opened();
    const companyName = '漳州市龙文区新味餐饮管理有限公司';
    const seeded = await seedCaseApplication(store.db, dataDir, await restaurantWithNewLicence(companyName));
    await startProcessing(store.db, seeded.applicationId);
    // The unified login's CAPTCHA goes to the clerk when the reader cannot read it.
    await withSimulatedPeople(env, [seeded.applicationId], async () => {
      expect(await env.bots.queue.submit(seeded.applicationId)).toEqual(['business-registration']);
      const items = await waitUntilSettled(env.bots, seeded.applicationId, 300_000);
      expect(items.filter((i) => i.status !== 'done').map((i) => [i.itemId, i.failure])).toEqual([]);
    });
    const checks = await verifySeeded(store.db, env, { applicationId: seeded.applicationId, companyName });
    expect(checks).toHaveLength(6);
    expectEachFiledOnce(checks);
    // The registrar's credit code, an output of registration, is what 食品经营许可 and 消防 received.
    const rows = await applicationItems.list(store.db, seeded.applicationId);
    const creditCode = rows.find((r) => r.itemId === 'business-registration')?.outputs.creditCode;
    expect(creditCode).toMatch(/^91350603/);
    expect((await env.sandbox.submissions('food-licence', companyName))[0]?.fields.creditCode).toBe(
      creditCode,
    );
    expect((await env.sandbox.submissions('fire-safety', companyName))[0]?.fields.creditCode).toBe(
      creditCode,
    );
  }, 420_000);
});
