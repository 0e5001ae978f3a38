import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntilSettled } from '../../cli/e2e/environment.ts';
import { seedReferenceApplication } from '../../cli/e2e/reference-application.ts';
import { seedRestaurantApplication } from '../../cli/e2e/restaurant-application.ts';
import { startSimulatedPeople } from '../../cli/e2e/simulated-people.ts';
import { verifyApplication } from '../../cli/e2e/verify.ts';
import { silentLogger } from '../../lib/logger.ts';
import { sleep } from '../../lib/net.ts';
import { ApplicationsRepo } from '../../store/applications.repo.ts';
import {
  openSharedInstallation,
  type SharedInstallation,
  sharedDatabase,
} from './support/shared-installation.ts';
import { WorkerFleet } from './support/worker-fleet.ts';

const database = await sharedDatabase();
const APPLICATIONS = 2;
const RANDOM_KILLS = 2;
/** Kills between a final click and its receipt, besides the one on the portal without 办件查询. */
const WINDOW_KILLS = 2;
/** The portal without 办件查询: a kill in its window is always struck (it finds filings by the 备注 marker). */
const NO_QUERY_ITEM = 'fire-safety';
const RESTAURANT = '漳州市龙文区味来餐饮管理有限公司';

/**
 * Machines die. Two `yijian worker` processes file two reference applications and a 开餐饮店 one (whose
 * 消防 portal has no 办件查询) while a chaos monkey
 * SIGKILLs them (with their Chromium) at random moments and, on purpose, in the narrowest window there is:
 * after the final submit click started and before the receipt is stored. Replacements join at once. In the
 * end every portal must hold exactly one filing per application and item, and every item its receipt.
 */
describe.skipIf('skip' in database)('workers killed at any moment', () => {
  let shared: SharedInstallation;
  let fleet: WorkerFleet;

  beforeAll(async () => {
    if (!('url' in database)) return;
    shared = await openSharedInstallation({
      databaseUrl: database.url,
      // Every page slow enough that the window between the final click and the stored receipt is wide:
      // at least two answers of 150 ms, against a watch that looks every 25 ms.
      faults: { latencyMs: [150, 300], approvalDelayMs: 1_000, syncLagMs: 1_500 },
      // Short locks: a killed worker's jobs are taken over within seconds instead of half a minute.
      tuning: {
        lockDurationMs: 5_000,
        stalledIntervalMs: 2_000,
        maxStalledCount: 20,
        itemAttempts: 10,
        retryDelayMs: 300,
        followUpDelayMs: 300,
        personPollMs: 100,
      },
    });
    fleet = new WorkerFleet(shared.childEnv);
    await Promise.all([fleet.spawn(), fleet.spawn()]);
  }, 120_000);

  afterAll(async () => {
    await fleet?.stopAll();
    await shared?.close();
    if ('drop' in database) await database.drop();
  }, 60_000);

  it('ends with exactly one filing and one receipt per application and item', async () => {
    const seeded = [];
    for (let n = 0; n < APPLICATIONS; n += 1) {
      const one = await seedReferenceApplication(shared.db, shared.dataDir, {
        companyName: `漳州市龙文区${['云帆', '海棠'][n]}软件科技有限公司`,
      });
      await new ApplicationsRepo(shared.db).transition({ kind: 'all' }, one.applicationId, {
        from: ['accepted'],
        to: 'processing',
        actorId: null,
        actorRole: 'clerk',
      });
      seeded.push(one);
    }
    // 开餐饮店 with its three permits only: 消防 has no 办件查询, the one portal that must not file twice blindly.
    const restaurant = await seedRestaurantApplication(shared.db, shared.dataDir, shared.env.sandbox, {
      companyName: RESTAURANT,
      serial: 52_117,
      choice: { options: { licence: 'existing' } },
    });
    await new ApplicationsRepo(shared.db).transition({ kind: 'all' }, restaurant.applicationId, {
      from: ['accepted'],
      to: 'processing',
      actorId: null,
      actorRole: 'clerk',
    });
    seeded.push(restaurant);
    const ids = seeded.map((s) => s.applicationId);
    const people = startSimulatedPeople({
      queue: shared.env.bots.queue,
      sandbox: shared.env.sandbox,
      applicationIds: () => ids,
      replyMs: 300,
      logger: silentLogger,
    });
    const monkey = startChaosMonkey(shared, fleet, ids);
    try {
      for (const id of ids) await shared.env.bots.queue.submit(id);
      const settled = await Promise.all(
        ids.map((id) =>
          waitUntilSettled(shared.env.bots, id, 420_000).catch((error: Error) => {
            throw new Error(`${error.message}\nworkers:\n${fleet.logs()}`);
          }),
        ),
      );
      const notDone = settled.flat().filter((item) => item.status !== 'done');
      expect(notDone.map((i) => ({ item: i.itemId, failure: i.failure }))).toEqual([]);
    } finally {
      await monkey.stop();
      await people.stop();
    }

    // The monkey really struck, also between a final click and its stored receipt.
    expect(monkey.randomKills).toBeGreaterThanOrEqual(2);
    expect(monkey.submitWindowKills).toBeGreaterThanOrEqual(1);
    expect(monkey.struck).toContain(`${restaurant.applicationId}/${NO_QUERY_ITEM}`);

    for (const one of seeded) {
      const checks = await verifyApplication({
        db: shared.db,
        source: shared.env.bots.source,
        sandbox: shared.env.sandbox,
        applicationId: one.applicationId,
        companyName: one.companyName,
      });
      expect(checks).toHaveLength(one === restaurant ? 3 : 7);
      for (const check of checks) {
        expect({ item: check.itemId, submissions: check.submissions, mismatches: check.mismatches }).toEqual({
          item: check.itemId,
          submissions: 1,
          mismatches: [],
        });
        expect(Object.keys(check.receipt ?? {}).length).toBeGreaterThan(0);
      }
    }
  }, 480_000);
});

/**
 * Kills a random worker every few seconds and the worker of a run found between its final click and its
 * stored receipt (each a bounded number of times, so the work can finish), replacing each at once.
 */
function startChaosMonkey(shared: SharedInstallation, fleet: WorkerFleet, applicationIds: string[]) {
  const state = { randomKills: 0, submitWindowKills: 0, running: true };
  const struckInWindow = new Set<string>();
  const killedInWindow: string[] = [];
  const replace = async (pid: number) => {
    if (await fleet.kill(pid)) await fleet.spawn();
  };
  const windowWatch = (async () => {
    while (state.running) {
      const open = await shared.db.query<{ applicationId: string; itemId: string; worker: string }>(
        `SELECT i.application_id AS "applicationId", i.item_id AS "itemId", r.worker
           FROM application_items i
           JOIN bot_runs r ON r.application_id = i.application_id AND r.item_id = i.item_id AND r.status = 'running'
          WHERE i.application_id = ANY($1) AND i.submit_started_at IS NOT NULL AND i.receipt IS NULL`,
        [applicationIds],
      );
      for (const run of open) {
        const key = `${run.applicationId}/${run.itemId}`;
        const pid = Number(run.worker.split(':').at(-1));
        // A few strikes prove the point; each one costs every run of that worker a lock timeout. The
        // portal without 办件查询 is struck once whatever the count.
        const spent = struckInWindow.size >= WINDOW_KILLS && run.itemId !== NO_QUERY_ITEM;
        if (spent || struckInWindow.has(key) || !fleet.pids.includes(pid)) continue;
        struckInWindow.add(key);
        if (await fleet.kill(pid)) {
          state.submitWindowKills += 1;
          killedInWindow.push(key);
          await fleet.spawn();
        }
      }
      await sleep(25);
    }
  })();
  const randomStrikes = (async () => {
    while (state.running && state.randomKills < RANDOM_KILLS) {
      await sleep(6_000 + Math.random() * 8_000);
      const pids = fleet.pids;
      const victim = pids[Math.floor(Math.random() * pids.length)];
      if (!state.running || victim === undefined) break;
      state.randomKills += 1;
      await replace(victim);
    }
  })();
  return {
    get randomKills() {
      return state.randomKills;
    },
    get submitWindowKills() {
      return state.submitWindowKills;
    },
    /** `application/item` of every run struck between its final click and its stored receipt. */
    get struck() {
      return [...killedInWindow];
    },
    async stop() {
      state.running = false;
      await Promise.all([windowWatch, randomStrikes]);
    },
  };
}
