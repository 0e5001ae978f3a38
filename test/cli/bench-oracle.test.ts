import { describe, expect, it, onTestFinished } from 'vitest';
import { longestPath } from '../../cli/bench/support/critical-path.ts';
import { oracleFigures } from '../../cli/bench/support/e2e-oracle.ts';
import { type OracleItem, oracleBound } from '../../cli/bench/support/oracle.ts';
import { oracleItems, oracleWork } from '../../cli/bench/support/oracle-work.ts';
import { openCompany } from '../../forms/bundles/open-company.ts';
import { startPortals } from '../../sandbox/start.ts';

/** The oracle bound's arithmetic (support/oracle.ts) and the declared work of the ten items. */
describe('bench e2e oracle bound', () => {
  /** A registration whose output exists only after a review, and an item that needs that output late. */
  const registration: OracleItem = {
    itemId: 'reg',
    portalId: 'p',
    rounds: [
      { request: 'POST /login' },
      { request: 'POST /apply', gives: ['filed'] },
      { request: 'GET /receipt', servedNotBefore: [{ fact: 'filed', lagMs: 3_000 }], gives: ['code'] },
    ],
  };
  const fund: OracleItem = {
    itemId: 'fund',
    portalId: 'p',
    rounds: [
      { request: 'POST /login' },
      { request: 'GET /open/1' },
      { request: 'POST /open/1', needs: [{ fact: 'code', lagMs: 0 }] },
      { request: 'POST /open/2' },
    ],
  };

  it('sends each round after the previous answer and the facts it needs, answered after the latency and the waits', () => {
    const result = oracleBound([registration, fund], 100);
    // reg: 100, 200 (filed), receipt held until 200 + 3000 = 3200 (code).
    expect(result.items.reg?.rounds.map((r) => r.endMs)).toEqual([100, 200, 3_200]);
    expect(result.items.reg?.rounds[2]?.heldBy).toEqual({
      fact: 'filed',
      lagMs: 3_000,
      kind: 'served-not-before',
    });
    // fund: logs in and opens its draft during the review; its first save waits for the code.
    expect(result.items.fund?.rounds.map((r) => [r.startMs, r.endMs])).toEqual([
      [0, 100],
      [100, 200],
      [3_200, 3_300],
      [3_300, 3_400],
    ]);
    expect(result.items.fund?.rounds[2]?.heldBy).toEqual({ fact: 'code', lagMs: 0, kind: 'needs' });
    expect(result.oracleWallMs).toBe(3_400);
    expect(result.path).toEqual(['reg', 'fund']);
  });

  it('is beaten by no client, while a client that starts early beats the bound with whole-item needs', () => {
    const latency = 100;
    const oracle = oracleBound([registration, fund], latency);
    // The old graph: fund starts when the whole registration has ended and then takes its own length.
    // The fund's own length once the code is known: four rounds of one latency each.
    const known: OracleItem = {
      itemId: 'code',
      portalId: 'p',
      rounds: [{ request: 'known', gives: ['code'] }],
    };
    const fundAlone = oracleBound([known, fund], latency).items.fund?.finishMs ?? 0;
    expect(fundAlone).toBe(400);
    const wholeItems = longestPath([
      { itemId: 'reg', needs: [], durationMs: oracle.items.reg?.finishMs ?? 0 },
      { itemId: 'fund', needs: ['reg'], durationMs: fundAlone },
    ]);
    expect(wholeItems.criticalPathMs).toBe(3_600);
    // A client that logs in to the fund at the key press finishes at 3 400: under the whole-item "bound",
    // so that was no lower bound; the oracle is that client's time, and no schedule does better: the last
    // two rounds must follow the code (3 200), each after a full latency.
    expect(oracle.oracleWallMs).toBe(3_400);
    expect(oracle.oracleWallMs).toBeLessThan(wholeItems.criticalPathMs);
    expect(oracle.oracleWallMs).toBeGreaterThanOrEqual(3_200 + 2 * latency);
  });

  it('refuses facts nobody gives and facts that wait on each other', () => {
    expect(() => oracleBound([fund], 100)).toThrow(/no round gives the fact code/);
    const a: OracleItem = {
      itemId: 'a',
      portalId: 'p',
      rounds: [{ request: 'x', needs: [{ fact: 'b', lagMs: 0 }], gives: ['a'] }],
    };
    const b: OracleItem = {
      itemId: 'b',
      portalId: 'p',
      rounds: [{ request: 'y', needs: [{ fact: 'a', lagMs: 0 }], gives: ['b'] }],
    };
    expect(() => oracleBound([a, b], 100)).toThrow(/cycle/);
    expect(() => oracleItems(['public-health-permit'], settings)).toThrow(
      /no declared minimal work for item public-health-permit/,
    );
  });

  const settings = {
    approvalDelayMs: 3_000,
    syncLagMs: { tax: 2_000, 'social-insurance': 2_000 },
    noticeSeconds: 8,
    smsReplyMs: 5_000,
  };
  // The reference case files every item of 开办企业, the optional ones included.
  const bundle = openCompany.items.map(({ item }) => item);

  it('files the seven portals of the reference case under the bench defaults, by hand', () => {
    const result = oracleBound(oracleItems(bundle, settings), 150);
    const finish = (id: string) => result.items[id]?.finishMs;
    // Registration: nine rounds (filed at 1 350), the receipt answered at the approval, 1 350 + 3 000.
    expect(finish('business-registration')).toBe(4_350);
    // Bank: slider, check, login by 450; 校验 waits for the code: 4 500, booking 4 650, receipt 4 800.
    expect(finish('bank-account')).toBe(4_800);
    // Seal: the SMS is texted at 300 and typed at 5 300; the filing then 5 450, the receipt 5 600.
    expect(finish('seal-engraving')).toBe(5_600);
    // Tax: the login is refused until 1 350 + 3 000 + 2 000 = 6 350; seven more rounds (4 steps, 检查, submit, receipt).
    expect(finish('tax-registration')).toBe(6_350 + 7 * 150);
    // Social insurance: 核验 at 6 350, the form, the receipt.
    expect(finish('social-insurance')).toBe(6_650);
    // Medical insurance: the filing waits for the account (4 800).
    expect(finish('medical-insurance')).toBe(5_100);
    // Housing fund: step 2 waits for the account (4 800 → 4 950), step 3 shown at 5 100, accepted 7 700 ms
    // later, the receipt 150 ms after that.
    expect(finish('housing-fund')).toBe(5_100 + 7_700 + 150);
    expect(result.oracleWallMs).toBe(12_950);
    expect(result.path).toEqual(['business-registration', 'bank-account', 'housing-fund']);
    // With whole-item needs (the plan's), the housing fund would start only at the bank's end and end later.
    expect(result.items['housing-fund']?.startMs).toBe(0);
  });

  it('reports the ratio to the oracle from the run settings and the shortest seal SMS reply', () => {
    const figures = oracleFigures({
      itemIds: bundle,
      wallMs: 25_900,
      latencyMs: [150, 600],
      approvalDelayMs: 3_000,
      syncLagMs: 2_000,
      noticeSeconds: 8,
      smsReplyMs: [5_000, 10_000],
      sealSmsRepliesMs: [9_000, 7_000],
    });
    expect(figures.oracle.smsReplyMs).toBe(7_000);
    expect(figures.oracle.items['seal-engraving']?.finishMs).toBe(300 + 7_000 + 300);
    expect(figures.oracleWallMs).toBe(12_950);
    expect(figures.ratio).toBe(2);
    expect(Object.keys(oracleWork(settings)).sort()).toEqual([...bundle, ...restaurant.slice(0, 3)].sort());
  });

  /** 开餐饮店 as the bench runs it: the three restaurant portals with the insurances taken in. */
  const restaurant = [
    'food-business-licence',
    'signboard',
    'fire-safety',
    'social-insurance',
    'housing-fund',
  ];

  it('files 开餐饮店 with its licence: the credit code, the account and the register are known at the key press', () => {
    const result = oracleBound(oracleItems(restaurant, settings), 150);
    const finish = (id: string) => result.items[id]?.finishMs;
    // Each restaurant portal: login, the uploads together, the filing, the receipt; nothing to wait for.
    for (const id of restaurant.slice(0, 3)) {
      expect(result.items[id]?.rounds.map((r) => r.request)).toEqual([
        'POST /login',
        'POST /api/upload',
        'POST /api/apply',
        'GET /receipt/:reference',
      ]);
      expect(finish(id)).toBe(4 * 150);
    }
    // Social insurance: no registration in the plan, so no sync lag and no bank: four rounds.
    expect(finish('social-insurance')).toBe(4 * 150);
    // Housing fund: step 3 shown at 750, accepted 7 700 ms later, the receipt 150 ms after that.
    expect(finish('housing-fund')).toBe(750 + 7_700 + 150);
    expect(result.oracleWallMs).toBe(8_600);
    expect(result.path).toEqual(['housing-fund']);
    expect(result.items['food-business-licence']?.rounds.every((r) => r.heldBy === null)).toBe(true);
  });

  it('files 开餐饮店 with a new licence: each filing waits for the credit code, the uploads do not', () => {
    const result = oracleBound(oracleItems(['business-registration', ...restaurant], settings), 150);
    const timings = (id: string) => result.items[id]?.rounds.map((r) => [r.startMs, r.endMs]);
    // The code is on the registration's receipt at 4 350; the uploads were answered at 300.
    for (const id of restaurant.slice(0, 3)) {
      expect(timings(id)).toEqual([
        [0, 150],
        [150, 300],
        [4_350, 4_500],
        [4_500, 4_650],
      ]);
      expect(result.items[id]?.rounds[2]?.heldBy).toEqual({ fact: 'creditCode', lagMs: 0, kind: 'needs' });
    }
    // Social insurance waits out the sync lag (1 350 + 3 000 + 2 000), but no bank account.
    expect(result.items['social-insurance']?.finishMs).toBe(6_650);
    // Housing fund: step 1 at 4 350 → 4 500, step 2 4 650, step 3 shown at 4 800 and accepted at 12 500.
    expect(result.items['housing-fund']?.finishMs).toBe(12_650);
    expect(result.oracleWallMs).toBe(12_650);
    expect(result.path).toEqual(['business-registration', 'housing-fund']);
  });
  it('declares only requests the sandbox portals serve', async () => {
    const portals = await startPortals({ basePort: 0 });
    onTestFinished(() => portals.stop());
    const served = async (portalId: string, request: string) => {
      const [method = 'GET', path = '/'] = request.split(' ');
      const base = portals.urls[portalId as keyof typeof portals.urls];
      if (!base) throw new Error(`portal ${portalId} is not running`);
      // No session: a page behind the login answers 303 or 401, one that does not exist 404.
      const response = await fetch(`${base}${path.replace(':reference', 'GJ0000000001')}`, {
        method,
        redirect: 'manual',
        ...(method === 'POST'
          ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' }
          : {}),
      });
      await response.arrayBuffer();
      return response.status;
    };
    expect(await served('housing-fund', 'GET /no-such-page')).toBe(404);
    for (const item of Object.values(oracleWork(settings)))
      for (const round of item.rounds) {
        const portalId = round.portalId ?? item.portalId;
        expect([portalId, round.request, await served(portalId, round.request)]).not.toContainEqual(404);
      }
  });
});
