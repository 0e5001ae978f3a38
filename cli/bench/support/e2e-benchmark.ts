import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_TUNING, type QueueTuning } from '../../../queue/queue-options.ts';
import { ApplicationsRepo } from '../../../store/applications.repo.ts';
import type { RunStepRow } from '../../../store/bot-runs.repo.ts';
import type { CaptchaMode } from '../../captcha-reading.ts';
import { type E2eEnvironment, startE2eEnvironment, waitUntilSettled } from '../../e2e/environment.ts';
import { seedReferenceApplication } from '../../e2e/reference-application.ts';
import { seedRestaurantApplication } from '../../e2e/restaurant-application.ts';
import { verifyApplication } from '../../e2e/verify.ts';
import { benchCompanyName, benchRestaurantName } from './company-names.ts';
import { median } from './critical-path.ts';
import { analyseRun, CRITICAL_PATH_METHOD, type OwnRequestFigures } from './e2e-analysis.ts';
import { ORACLE_METHOD, type OracleFigures, oracleFigures } from './e2e-oracle.ts';
import { environmentOn, openBenchInfra } from './infra.ts';
import type { BenchRunOptions } from './options.ts';
import { type Range, startBenchPeople } from './people.ts';
import { recordPortalRequests } from './request-log.ts';

/** The bundles the benchmark files: 开办企业 (the reference case) and 开餐饮店 (the restaurant case). */
export const E2E_BUNDLES = ['open-company', 'open-restaurant'] as const;
export type E2eBundle = (typeof E2E_BUNDLES)[number];

export interface E2eBenchOptions extends BenchRunOptions {
  /** Which bundle's case one key files (default open-company). */
  bundle?: E2eBundle;
  runs: number;
  latencyMs: Range;
  approvalDelayMs: number;
  syncLagMs: number;
  /** The housing fund's 承诺书 countdown, in seconds (default: the portal's own). */
  noticeSeconds?: number;
  smsReplyMs: Range;
  captchaReplyMs: Range;
  /** Who reads the unified login's image CAPTCHA: the template reader, or a person (the clerk, after `captchaReplyMs`). */
  captcha: CaptchaMode;
  concurrency: number;
}

export interface E2eReport {
  benchmark: 'e2e';
  /** Who read the image CAPTCHAs in these runs (settings.captcha, repeated at the top for the headline). */
  captcha: CaptchaMode;
  settings: Omit<
    E2eBenchOptions,
    'progress' | 'chromiumPath' | 'redisUrl' | 'keepData' | 'tuning' | 'quick' | 'bundle'
  > & {
    bundle: E2eBundle;
    tuning: QueueTuning;
    quick: boolean;
  };
  /** Medians over the runs. */
  wallMs: number;
  /** The independent lower bound: a perfect client's time (ORACLE_METHOD). */
  oracleWallMs: number;
  /** wallMs / oracleWallMs. */
  ratio: number;
  /** The bound from our own bots' requests (CRITICAL_PATH_METHOD), kept for continuity. */
  criticalPathMs: number;
  ratioToOwnRequests: number;
  /** The 1.5 target was set for ratioToOwnRequests, and is kept on it (`measure`). */
  target: { ratioAtMost: number; measure: 'ratioToOwnRequests'; met: boolean };
  method: string;
  /** Every run; the per-item figures are in each. */
  runs: RunFigures[];
  verified: { items: number; receivedOnce: boolean; mismatches: number };
}

/** One run against both bounds. */
export type RunFigures = OwnRequestFigures & OracleFigures;

const SECOND = 1000;

/**
 * Files `runs` applications of the bundle's case one after another (the reference case through all seven
 * portals, or the restaurant case through its five), and measures them.
 */
export async function runE2eBenchmark(options: E2eBenchOptions): Promise<E2eReport> {
  const { progress } = options;
  const bundle = options.bundle ?? 'open-company';
  const infra = await openBenchInfra({ REDIS_URL: options.redisUrl, keepData: options.keepData === true });
  let env: E2eEnvironment | undefined;
  let recorder: ReturnType<typeof recordPortalRequests> | undefined;
  let stopPeople = async () => {};
  try {
    progress(
      `启动沙箱门户与机器人（并发 ${options.concurrency}，图形验证码由${options.captcha === 'reader' ? '识读程序' : '窗口人员'}识读）…`,
    );
    env = await startE2eEnvironment({
      ...environmentOn(infra, options.chromiumPath),
      faults: {
        latencyMs: [options.latencyMs[0], options.latencyMs[1]],
        approvalDelayMs: options.approvalDelayMs,
        syncLagMs: options.syncLagMs,
      },
      workers: { concurrency: options.concurrency, captcha: options.captcha },
      ...(options.tuning ? { tuning: options.tuning } : {}),
    });
    const recording = recordPortalRequests(env.portals.urls);
    recorder = recording;
    const applicationIds: string[] = [];
    const people = startBenchPeople({
      queue: env.bots.queue,
      sandbox: env.sandbox,
      applicationIds: () => applicationIds,
      smsReplyMs: options.smsReplyMs,
      captchaReplyMs: options.captchaReplyMs,
      logger: infra.logger,
    });
    stopPeople = people.stop;
    const applications = new ApplicationsRepo(infra.db);
    if (options.noticeSeconds !== undefined)
      await env.sandbox.control('housing-fund', '/notice', {
        method: 'PUT',
        body: { seconds: options.noticeSeconds },
      });
    const { seconds: noticeSeconds } = await env.sandbox.control<{ seconds: number }>(
      'housing-fund',
      '/notice',
    );
    const runs: RunFigures[] = [];
    let mismatches = 0;
    let receivedOnce = true;
    let verifiedItems = 0;
    for (let n = 1; n <= options.runs; n += 1) {
      const seeded =
        bundle === 'open-restaurant'
          ? await seedRestaurantApplication(infra.db, infra.dataDir, env.sandbox, {
              companyName: benchRestaurantName(n),
              serial: 100_000 + n,
            })
          : await seedReferenceApplication(infra.db, infra.dataDir, { companyName: benchCompanyName(n) });
      await applications.transition({ kind: 'all' }, seeded.applicationId, {
        from: ['accepted'],
        to: 'processing',
        actorId: null,
        actorRole: 'clerk',
      });
      applicationIds.push(seeded.applicationId);
      progress(`第 ${n}/${options.runs} 次：一键提交 ${seeded.companyName}`);
      const keyPressedAt = Date.now();
      await env.bots.queue.submit(seeded.applicationId);
      const rows = await waitUntilSettled(env.bots, seeded.applicationId, options.timeoutMs);
      const failed = rows.filter((row) => row.status !== 'done');
      if (failed.length > 0)
        throw new Error(
          `事项未办结：${failed.map((r) => `${r.itemId}（${JSON.stringify(r.failure)}）`).join('；')}`,
        );
      const lastDone = Math.max(...rows.map((row) => row.updatedAt.getTime()));
      const checks = await verifyApplication({
        db: infra.db,
        source: env.bots.source,
        sandbox: env.sandbox,
        applicationId: seeded.applicationId,
        companyName: seeded.companyName,
      });
      verifiedItems += checks.length;
      mismatches += checks.reduce((sum, check) => sum + check.mismatches.length, 0);
      receivedOnce &&= checks.every((check) => check.submissions === 1);
      const registration = (await env.sandbox.submissions('market-regulation', seeded.companyName))[0];
      const queue = env.bots.queue;
      const botRuns = await queue.runs({ applicationId: seeded.applicationId, limit: 200 });
      const steps = new Map<number, RunStepRow[]>();
      for (const run of botRuns) steps.set(run.id, await queue.steps(run.id));
      const plan = await env.bots.source.plan(seeded.applicationId);
      const own = analyseRun({
        applicationId: seeded.applicationId,
        companyName: seeded.companyName,
        keyPressedAt,
        plan,
        rows,
        runs: botRuns,
        steps,
        requests: recording.requests().filter((r) => r.startMs >= keyPressedAt && r.startMs <= lastDone),
        answers: people.answers,
        registrationReceivedAt: registration ? Date.parse(registration.receivedAt) : undefined,
        approvalDelayMs: options.approvalDelayMs,
        noticeSeconds,
        syncLagMs: { tax: options.syncLagMs, 'social-insurance': options.syncLagMs },
      });
      const figures: RunFigures = {
        ...own,
        ...oracleFigures({
          itemIds: plan.map((item) => item.itemId),
          wallMs: own.wallMs,
          latencyMs: options.latencyMs,
          approvalDelayMs: options.approvalDelayMs,
          syncLagMs: options.syncLagMs,
          noticeSeconds,
          smsReplyMs: options.smsReplyMs,
          sealSmsRepliesMs: own.smsAnswers.filter((a) => a.itemId === 'seal-engraving').map((a) => a.replyMs),
        }),
      };
      runs.push(figures);
      progress(
        `第 ${n} 次：用时 ${(figures.wallMs / SECOND).toFixed(1)} 秒，理想客户端下限 ${(figures.oracleWallMs / SECOND).toFixed(1)} 秒，比值 ${figures.ratio.toFixed(2)}（按自身请求的关键路径 ${(figures.criticalPathMs / SECOND).toFixed(1)} 秒，比值 ${figures.ratioToOwnRequests.toFixed(2)}）`,
      );
    }
    const ratio = median(runs.map((r) => r.ratio));
    const ratioToOwnRequests = median(runs.map((r) => r.ratioToOwnRequests));
    const {
      progress: _progress,
      chromiumPath: _chromium,
      redisUrl: _redis,
      keepData: _keep,
      quick,
      tuning,
      bundle: _bundle,
      ...rest
    } = options;
    return {
      benchmark: 'e2e',
      captcha: options.captcha,
      settings: { ...rest, bundle, tuning: { ...DEFAULT_TUNING, ...tuning }, quick: quick === true },
      wallMs: Math.round(median(runs.map((r) => r.wallMs))),
      oracleWallMs: Math.round(median(runs.map((r) => r.oracleWallMs))),
      ratio: Number(ratio.toFixed(3)),
      criticalPathMs: Math.round(median(runs.map((r) => r.criticalPathMs))),
      ratioToOwnRequests: Number(ratioToOwnRequests.toFixed(3)),
      target: { ratioAtMost: 1.5, measure: 'ratioToOwnRequests', met: ratioToOwnRequests <= 1.5 },
      method: `${ORACLE_METHOD} ${CRITICAL_PATH_METHOD}`,
      runs,
      verified: { items: verifiedItems, receivedOnce, mismatches },
    };
  } finally {
    // With --keep-data, the portals' request log lies beside the traces (also after a failed run): the two
    // timelines side by side show where a run waited on a portal and where the portal waited on the bot.
    if (options.keepData)
      await writeFile(
        join(infra.dataDir, 'portal-requests.json'),
        JSON.stringify(recorder?.requests() ?? []),
      ).catch(() => {});
    await stopPeople();
    recorder?.stop();
    await env?.close();
    await infra.close();
  }
}
