import { describe, expect, it } from 'vitest';
import { benchCompanyName, benchRestaurantName } from '../../cli/bench/support/company-names.ts';
import { longestPath, median, unionMs } from '../../cli/bench/support/critical-path.ts';
import { analyseRun, type RunEvidence } from '../../cli/bench/support/e2e-analysis.ts';
import { treeMemory } from '../../cli/bench/support/memory.ts';
import { msRange } from '../../cli/bench/support/options.ts';
import type { ServedRequest } from '../../cli/bench/support/request-log.ts';
import { companyNameProblem } from '../../forms/validate/company-name.ts';
import type { BotRunRow } from '../../store/bot-runs.repo.ts';

/** The benchmarks' arithmetic, apart from browsers and portals (the benchmarks themselves are not run here). */
describe('bench support', () => {
  it('takes the union of request intervals, clipped to a window', () => {
    expect(
      unionMs([
        [0, 100],
        [50, 150],
        [200, 300],
      ]),
    ).toBe(250);
    expect(unionMs([[0, 100]], 20, 60)).toBe(40);
    expect(unionMs([[0, 100]], 200, 300)).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('finds the longest path through needs and sync-lag edges', () => {
    const result = longestPath(
      [
        { itemId: 'reg', needs: [], durationMs: 10 },
        { itemId: 'seal', needs: ['reg'], durationMs: 7 },
        { itemId: 'bank', needs: ['reg'], durationMs: 2 },
        { itemId: 'tax', needs: ['reg', 'bank'], durationMs: 4 },
      ],
      [{ from: 'reg', to: 'tax', ms: 5 }],
    );
    // tax may start at max(bank 12, reg 10 + lag 5) = 15 and ends at 19; seal ends at 17.
    expect(result.criticalPathMs).toBe(19);
    expect(result.path).toEqual(['reg', 'tax']);
    expect(result.items.tax).toEqual({ startMs: 15, finishMs: 19 });
    expect(() => longestPath([{ itemId: 'a', needs: ['b'], durationMs: 1 }])).toThrow(/unknown item b/);
  });

  it('counts only the portal time of the filing run, with approval, SMS and countdown waits as lower bounds', () => {
    const t0 = 1_000_000;
    const run = (id: number, itemId: string, from: number, to: number, comparison: unknown[] | null = []) =>
      ({
        id,
        itemId,
        status: 'succeeded',
        startedAt: new Date(t0 + from),
        finishedAt: new Date(t0 + to),
        comparison,
      }) as BotRunRow;
    const request = (portalId: string, path: string, from: number, to: number): ServedRequest => ({
      portalId,
      method: 'GET',
      path,
      status: 200,
      startMs: t0 + from,
      endMs: t0 + to,
    });
    const evidence: RunEvidence = {
      applicationId: 'app',
      companyName: 'c',
      keyPressedAt: t0,
      plan: [
        { itemId: 'business-registration', portalId: 'market-regulation', needs: [] },
        { itemId: 'seal-engraving', portalId: 'public-security', needs: ['business-registration'] },
        { itemId: 'housing-fund', portalId: 'housing-fund', needs: ['business-registration'] },
      ],
      rows: [
        { itemId: 'business-registration', status: 'done', updatedAt: new Date(t0 + 9_000) },
        { itemId: 'seal-engraving', status: 'done', updatedAt: new Date(t0 + 20_000) },
        { itemId: 'housing-fund', status: 'done', updatedAt: new Date(t0 + 12_500) },
      ] as unknown as RunEvidence['rows'],
      runs: [
        run(1, 'business-registration', 0, 3_200),
        run(2, 'business-registration', 6_000, 9_000, null), // follow-up: not counted
        run(3, 'seal-engraving', 10_000, 20_000),
        run(4, 'housing-fund', 3_000, 12_500),
      ],
      steps: new Map(),
      requests: [
        request('unified-login', '/login', 100, 600),
        request('market-regulation', '/step/1', 500, 1_000), // overlaps the login by 100 ms
        request('market-regulation', '/query', 1_000, 1_500), // a look-up: not counted
        // Approved at 2 900: the first answer after it ends at 2 950; the receipt sent before that answer could
        // have been overlapped with the wait, the script it loads after it could not.
        request('market-regulation', '/static/app.js', 2_850, 2_950),
        request('market-regulation', '/receipt/1', 2_920, 2_990),
        request('market-regulation', '/static/receipt.js', 2_990, 3_100),
        request('market-regulation', '/query', 7_000, 7_500), // follow-up: outside the filing run
        request('public-security', '/form', 10_100, 10_600),
        request('public-security', '/submit', 18_000, 18_400),
        request('housing-fund', '/open/1', 3_100, 3_600),
        request('housing-fund', '/open/3', 4_000, 4_200), // served at 4 200: the countdown of 7 700 ms ends at 11 900
        request('housing-fund', '/static/hf.js', 11_800, 11_950), // in flight when it ended
        request('housing-fund', '/open/3', 11_950, 12_100),
        request('housing-fund', '/receipt/1', 12_100, 12_300),
      ],
      answers: [
        {
          taskId: 1,
          applicationId: 'app',
          itemId: 'seal-engraving',
          kind: 'sms-code',
          replyMs: 6_000,
          answeredAt: t0 + 17_000,
        },
      ],
      registrationReceivedAt: t0 + 900,
      approvalDelayMs: 2_000,
      noticeSeconds: 8,
      syncLagMs: {},
    };
    const figures = analyseRun(evidence);
    const [registration, seal] = figures.items;
    expect(registration?.serviceMs).toBe(1_150);
    expect(registration?.excluded).toEqual({ lookUps: 1, outsideFilingRun: 1 });
    // max(service 1150, service before the filing 800 + approval 2000 + service after it 110)
    expect(registration?.boundMs).toBe(2_910);
    expect(registration?.wait).toEqual({ kind: 'approval', ms: 2_000, afterMs: 110 });
    // 3 200 ms of filing run, 1 650 of it with a request in flight (the look-up counts: the bot waited on it).
    expect(registration?.actual.portalIdleMs).toBe(1_550);
    expect(seal?.serviceMs).toBe(900);
    // max(service 900, reply 6000 + service after the answer 400)
    expect(seal?.boundMs).toBe(6_400);
    expect(seal?.actual.portalIdleMs).toBe(10_000 - 900);
    const housing = figures.items[2];
    expect(housing?.serviceMs).toBe(1_200);
    // max(service 1200, service until /open/3 was served 700 + countdown 7700 + service after it 350: the
    // script in flight answers first, at 11 950, and the submit and the receipt follow)
    expect(housing?.boundMs).toBe(8_750);
    expect(housing?.wait).toEqual({ kind: 'notice', ms: 7_700, afterMs: 350 });
    expect(figures.criticalPathMs).toBe(2_910 + 8_750);
    expect(figures.wallMs).toBe(20_000);
    expect(figures.path).toEqual(['business-registration', 'housing-fund']);
  });

  it('a company with a licence waits out no sync lag, and 我的申请 stands in for 办件查询 on fire safety', () => {
    const t0 = 2_000_000;
    const evidence: RunEvidence = {
      applicationId: 'app',
      companyName: 'c',
      keyPressedAt: t0,
      plan: [
        { itemId: 'social-insurance', portalId: 'social-insurance', needs: [] },
        { itemId: 'fire-safety', portalId: 'fire-safety', needs: [] },
      ],
      rows: [
        { itemId: 'social-insurance', status: 'done', updatedAt: new Date(t0 + 3_000) },
        { itemId: 'fire-safety', status: 'done', updatedAt: new Date(t0 + 4_000) },
      ] as unknown as RunEvidence['rows'],
      runs: ['social-insurance', 'fire-safety'].map(
        (itemId, i) =>
          ({
            id: i + 1,
            itemId,
            status: 'succeeded',
            startedAt: new Date(t0),
            finishedAt: new Date(t0 + 3_000 + i * 1_000),
            comparison: [],
          }) as unknown as BotRunRow,
      ),
      steps: new Map(),
      requests: [
        {
          portalId: 'social-insurance',
          method: 'GET',
          path: '/unit',
          status: 200,
          startMs: t0,
          endMs: t0 + 800,
        },
        { portalId: 'fire-safety', method: 'GET', path: '/mine', status: 200, startMs: t0, endMs: t0 + 500 },
        {
          portalId: 'fire-safety',
          method: 'POST',
          path: '/api/apply',
          status: 200,
          startMs: t0 + 600,
          endMs: t0 + 900,
        },
      ],
      answers: [],
      registrationReceivedAt: undefined,
      approvalDelayMs: 2_000,
      noticeSeconds: undefined,
      syncLagMs: { 'social-insurance': 30_000 },
    };
    const figures = analyseRun(evidence);
    const [social, fire] = figures.items;
    expect(social?.syncLag).toBeNull();
    expect(fire?.excluded.lookUps).toBe(1);
    expect(fire?.serviceMs).toBe(300);
    expect(figures.criticalPathMs).toBe(800);
  });

  it('parses millisecond ranges and names companies the registrar accepts', () => {
    expect(msRange.parse('150-600')).toEqual([150, 600]);
    expect(msRange.parse('300')).toEqual([300, 300]);
    expect(msRange.safeParse('600-150').success).toBe(false);
    expect(msRange.safeParse('fast').success).toBe(false);
    for (const n of [1, 10, 1234]) expect(companyNameProblem(benchCompanyName(n), '1130')).toBeUndefined();
    expect(new Set([1, 2, 10, 11].map(benchCompanyName)).size).toBe(4);
    for (const n of [1, 12]) expect(companyNameProblem(benchRestaurantName(n), '1130')).toBeUndefined();
  });

  it('reads the memory of this process tree from /proc', () => {
    const memory = treeMemory();
    expect(memory.selfRssMb).toBeGreaterThan(10);
    expect(memory.rssMb).toBeGreaterThanOrEqual(memory.selfRssMb);
    expect(memory.pssMb).toBeGreaterThan(0);
  });
});
