import type { PlanItem } from '../../../queue/planner.ts';
import type { ApplicationItemRow } from '../../../store/application-items.repo.ts';
import type { BotRunRow } from '../../../store/bot-runs.repo.ts';
import { type LagEdge, longestPath, unionMs } from './critical-path.ts';
import type { PersonAnswer } from './people.ts';
import type { ServedRequest } from './request-log.ts';

/** Portals an item's filing also talks to: market regulation logs in through the unified login. */
const LOGIN_PORTALS: Record<string, readonly string[]> = { 'market-regulation': ['unified-login'] };
/** Items whose result comes after a review (sandbox/market-regulation/portal.ts: dueAt = filing + approvalDelayMs). */
const APPROVED_ITEMS = new Set(['business-registration']);
/**
 * Items whose portal learns of the company `syncLagMs` after the registration's approval (sandbox/tax/login.ts,
 * sandbox/social-insurance/company.ts look the registry up with their own syncLagMs), by portal id.
 */
const SYNC_LAGGED: Record<string, { after: string; portalId: string }> = {
  'tax-registration': { after: 'business-registration', portalId: 'tax' },
  'social-insurance': { after: 'business-registration', portalId: 'social-insurance' },
};
/**
 * Notices a portal makes the filer keep on screen: housing fund's 承诺书 is accepted only
 * `noticeSeconds * 1000 - 300` ms after step 3 (/open/3) was first served (sandbox/housing-fund/step-materials.ts;
 * the time is taken when the page is rendered, after the injected latency, so at the end of that answer).
 */
const TIMED_NOTICES: Record<string, { path: string; graceMs: number }> = {
  'housing-fund': { path: '/open/3', graceMs: 300 },
};
/**
 * 办件查询 (sandbox/kit/query-page.ts), and 我的申请 where a portal has no 办件查询 (fire safety): our look-ups
 * for exactly-once, not needed to file.
 */
const LOOK_UP_PATHS: Record<string, string> = { 'fire-safety': '/mine' };
const isLookUp = (request: ServedRequest) =>
  request.path === '/query' || request.path === LOOK_UP_PATHS[request.portalId];

type Interval = readonly [number, number];

/**
 * Service that had to follow a wait ending at `end`: the requests sent once the portal's first answer that
 * ended after `end` had arrived. A request sent before that answer may have been served after the wait ended
 * (the portals' latency comes before the handler), so a client could have overlapped it with the wait; what
 * followed the answer could not have been.
 */
function serviceAfterWait(
  all: readonly ServedRequest[],
  intervals: readonly Interval[],
  end: number,
  to: number,
): number {
  const answered = Math.min(...all.filter((r) => r.endMs >= end && r.endMs <= to).map((r) => r.endMs));
  if (!Number.isFinite(answered)) return 0;
  return unionMs(
    intervals.filter(([start]) => start >= answered),
    answered,
    to,
  );
}

export const CRITICAL_PATH_METHOD = [
  'criticalPathMs (the measure before the oracle, kept for continuity) is a bound on the time from one key to the last receipt that any client of these portals would need, built only from what the portals themselves did and the waits nobody can shorten.',
  'Service time: every request a sandbox portal answered is timed by its own Node HTTP server (diagnostics_channel http.server.request.start → http.server.response.finish, i.e. from the request headers arriving to the last byte of the answer, injected latency included). An item counts the requests of its portal (market regulation: also the unified login) that arrived during its one successful filing run (bot_runs row with a comparison), clipped to that run; overlapping requests count once (union of intervals). Left out: 办件查询 look-ups (/query, our exactly-once checks; on fire safety, which has none, its 我的申请 list /mine), failed attempts and follow-up runs, the control API.',
  "Waits: business-registration lasts max(service, service before the filing was received + approvalDelayMs + service after the approval), since the registrar approves approvalDelayMs after the filing (the credit code is known no earlier); seal-engraving lasts max(service, the applicant's drawn SMS reply delay + service after the answer), since the final submission cannot precede the code; housing-fund lasts max(service, service until its 承诺书 page (/open/3) was served + the countdown the portal enforces from then, noticeSeconds·1000 − 300 ms, + service after the countdown), since the portal refuses the submission until then. Service after an approval or a countdown (`afterMs`) counts the requests sent once the portal's first answer that ended after the wait's end had arrived: a request sent earlier may have been served after the end (the latency comes before the portal's handler), so a client could overlap it with the wait; what followed that answer could not be. The clerk's CAPTCHA answers are not counted (a CAPTCHA reader would remove them).",
  "Graph: the plan's needs (bots.source.plan), plus registration → tax-registration and registration → social-insurance edges weighted with those portals' syncLagMs (they refuse the company until then). criticalPathMs = the longest path (earliest finish of the last item) with every item starting as soon as its needs finished.",
  'wallMs: from just before queue.submit (one key) to the latest updated_at of the done application_items (the last receipt stored). ratioToOwnRequests = wallMs / criticalPathMs.',
].join(' ');

export interface ItemFigures {
  itemId: string;
  portalId: string;
  needs: readonly string[];
  /** Union of the portal's request intervals during the filing run (ms). */
  serviceMs: number;
  requests: number;
  excluded: { lookUps: number; outsideFilingRun: number };
  /** The wait nobody can shorten, and the portal's service after it ended (CRITICAL_PATH_METHOD). */
  wait: { kind: 'approval' | 'sms-reply' | 'notice'; ms: number; afterMs: number } | null;
  syncLag: { after: string; ms: number } | null;
  /** The item's length in the lower bound (service and waits combined as in CRITICAL_PATH_METHOD). */
  boundMs: number;
  bound: { startMs: number; finishMs: number };
  onCriticalPath: boolean;
  actual: {
    /** When its first bot run started, relative to the key press. */
    startMs: number | null;
    /** When its receipt was stored, relative to the key press. */
    doneMs: number | null;
    filingRunMs: number | null;
    /**
     * The filing run's time with no request of its portal in flight (look-ups and failed requests included):
     * the bots' own work between the portal's answers, plus the waits nobody can shorten (SMS reply, countdown).
     * Only this part of a run can move the ratio.
     */
    portalIdleMs: number | null;
    /** When the filing run ended, relative to the key press (doneMs − this: the follow-up for a later result). */
    filingRunEndMs: number | null;
    /** The filing run's steps as the bot recorded them (bot_run_steps), for where the bot's own time went. */
    filingRunSteps: { name: string; ms: number }[];
    runs: number;
  };
}

/** A run measured against the bound built from our own bots' requests (CRITICAL_PATH_METHOD). */
export interface OwnRequestFigures {
  applicationId: string;
  companyName: string;
  wallMs: number;
  criticalPathMs: number;
  /** wallMs / criticalPathMs: the measure before the oracle bound, kept for continuity. */
  ratioToOwnRequests: number;
  path: string[];
  /** Clerk CAPTCHA answers: in the wall time, not in the bound. */
  captchaAnswers: { itemId: string; replyMs: number }[];
  smsAnswers: { itemId: string; replyMs: number }[];
  items: ItemFigures[];
}

export interface RunEvidence {
  applicationId: string;
  companyName: string;
  keyPressedAt: number;
  plan: readonly PlanItem[];
  rows: readonly ApplicationItemRow[];
  runs: readonly BotRunRow[];
  steps: ReadonlyMap<number, readonly { name: string; durationMs: number }[]>;
  /** Requests the portals answered between the key press and the last receipt. */
  requests: readonly ServedRequest[];
  answers: readonly PersonAnswer[];
  /** When market regulation received the filing (control API submission receivedAt, ms). */
  registrationReceivedAt: number | undefined;
  approvalDelayMs: number;
  /** housing fund's 承诺书 countdown (GET /__sandbox/notice). */
  noticeSeconds: number | undefined;
  syncLagMs: Readonly<Record<string, number>>;
}

const filingRun = (runs: readonly BotRunRow[], itemId: string) =>
  runs
    .filter(
      (run) =>
        run.itemId === itemId &&
        (run.status === 'succeeded' || run.status === 'adopted') &&
        run.comparison !== null &&
        run.finishedAt !== null,
    )
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0];

/** Turns what one run left behind into its wall time, lower bound and per-item figures. */
export function analyseRun(evidence: RunEvidence): OwnRequestFigures {
  const t0 = evidence.keyPressedAt;
  const items = evidence.plan.map((item): ItemFigures => {
    const run = filingRun(evidence.runs, item.itemId);
    if (!run?.finishedAt) throw new Error(`no successful filing run for ${item.itemId}`);
    const [from, to] = [run.startedAt.getTime(), run.finishedAt.getTime()];
    const portals = new Set([item.portalId, ...(LOGIN_PORTALS[item.portalId] ?? [])]);
    const mine = evidence.requests.filter((r) => portals.has(r.portalId));
    const inRun = mine.filter((r) => r.endMs > from && r.startMs < to);
    const counted = inRun.filter((r) => !isLookUp(r) && r.status < 500);
    const intervals: Interval[] = counted.map((r) => [r.startMs, r.endMs] as const);
    const serviceMs = unionMs(intervals, from, to);
    let boundMs = serviceMs;
    let wait: ItemFigures['wait'] = null;
    if (APPROVED_ITEMS.has(item.itemId) && evidence.registrationReceivedAt !== undefined) {
      const before = unionMs(intervals, from, evidence.registrationReceivedAt);
      const ms = evidence.approvalDelayMs;
      const afterMs = serviceAfterWait(inRun, intervals, evidence.registrationReceivedAt + ms, to);
      boundMs = Math.max(serviceMs, before + ms + afterMs);
      wait = { kind: 'approval', ms, afterMs };
    }
    const sms = evidence.answers
      .filter(
        (a) =>
          a.applicationId === evidence.applicationId &&
          a.kind === 'sms-code' &&
          a.itemId === item.itemId &&
          a.answeredAt > from &&
          a.answeredAt <= to,
      )
      .at(-1);
    if (sms) {
      const afterMs = unionMs(intervals, sms.answeredAt, to);
      boundMs = Math.max(boundMs, sms.replyMs + afterMs);
      wait = { kind: 'sms-reply', ms: sms.replyMs, afterMs };
    }
    const notice = TIMED_NOTICES[item.itemId];
    const noticePage = notice && counted.find((r) => r.method === 'GET' && r.path === notice.path);
    if (notice && noticePage && evidence.noticeSeconds !== undefined) {
      const ms = Math.max(0, evidence.noticeSeconds * 1000 - notice.graceMs);
      // The portal starts the countdown when it serves the page (after its latency), so the bound runs to the
      // end of that answer.
      const shownAt = noticePage.endMs;
      const afterMs = serviceAfterWait(inRun, intervals, shownAt + ms, to);
      boundMs = Math.max(boundMs, unionMs(intervals, from, shownAt) + ms + afterMs);
      wait = { kind: 'notice', ms, afterMs };
    }
    // A company with a licence already (开餐饮店) was known to the exchange long before: no lag to wait out.
    const lag = SYNC_LAGGED[item.itemId];
    const lagged = lag && evidence.plan.some((p) => p.itemId === lag.after) ? lag : undefined;
    const row = evidence.rows.find((r) => r.itemId === item.itemId);
    const itemRuns = evidence.runs.filter((r) => r.itemId === item.itemId);
    const firstStart = Math.min(...itemRuns.map((r) => r.startedAt.getTime()));
    return {
      itemId: item.itemId,
      portalId: item.portalId,
      needs: item.needs,
      serviceMs,
      requests: counted.length,
      excluded: {
        lookUps: inRun.filter(isLookUp).length,
        outsideFilingRun: mine.length - inRun.length,
      },
      wait,
      syncLag: lagged ? { after: lagged.after, ms: evidence.syncLagMs[lagged.portalId] ?? 0 } : null,
      boundMs,
      bound: { startMs: 0, finishMs: 0 },
      onCriticalPath: false,
      actual: {
        startMs: itemRuns.length ? firstStart - t0 : null,
        doneMs: row?.status === 'done' ? row.updatedAt.getTime() - t0 : null,
        filingRunMs: to - from,
        portalIdleMs:
          to -
          from -
          unionMs(
            inRun.map((r) => [r.startMs, r.endMs] as const),
            from,
            to,
          ),
        filingRunEndMs: to - t0,
        filingRunSteps: (evidence.steps.get(run.id) ?? []).map((step) => ({
          name: step.name,
          ms: step.durationMs,
        })),
        runs: itemRuns.length,
      },
    };
  });
  const lags: LagEdge[] = items.flatMap((item) =>
    item.syncLag ? [{ from: item.syncLag.after, to: item.itemId, ms: item.syncLag.ms }] : [],
  );
  const result = longestPath(
    items.map((item) => ({ itemId: item.itemId, needs: item.needs, durationMs: item.boundMs })),
    lags,
  );
  for (const item of items) {
    item.bound = result.items[item.itemId] ?? item.bound;
    item.onCriticalPath = result.path.includes(item.itemId);
  }
  const doneAt = evidence.rows.filter((r) => r.status === 'done').map((r) => r.updatedAt.getTime());
  const wallMs = Math.max(...doneAt) - t0;
  const mineAnswers = evidence.answers.filter((a) => a.applicationId === evidence.applicationId);
  return {
    applicationId: evidence.applicationId,
    companyName: evidence.companyName,
    wallMs,
    criticalPathMs: result.criticalPathMs,
    ratioToOwnRequests: wallMs / result.criticalPathMs,
    path: result.path,
    captchaAnswers: mineAnswers
      .filter((a) => a.kind === 'captcha')
      .map(({ itemId, replyMs }) => ({ itemId, replyMs })),
    smsAnswers: mineAnswers
      .filter((a) => a.kind === 'sms-code')
      .map(({ itemId, replyMs }) => ({ itemId, replyMs })),
    items,
  };
}
