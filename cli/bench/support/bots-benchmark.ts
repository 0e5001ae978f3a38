import { declarationFor } from '../../../bots/portals/registry.ts';
import type { BrowserRunnerOptions } from '../../../bots/runtime/options.ts';
import { sleep } from '../../../lib/net.ts';
import type { BotQueue } from '../../../queue/bot-queue.ts';
import { DEFAULT_TUNING, type QueueTuning } from '../../../queue/queue-options.ts';
import type { ApplicationItemRow } from '../../../store/application-items.repo.ts';
import { ApplicationsRepo } from '../../../store/applications.repo.ts';
import { botRuns } from '../../../store/bot-runs.repo.ts';
import { type BotSystem, defaultBrowserContexts, startBotSystem } from '../../bot-system.ts';
import { type E2eEnvironment, startE2eEnvironment } from '../../e2e/environment.ts';
import { seedReferenceApplication } from '../../e2e/reference-application.ts';
import { benchCompanyName } from './company-names.ts';
import { type BenchInfra, openBenchInfra } from './infra.ts';
import { sampleMemory, type TreeMemory } from './memory.ts';
import { type Range, startBenchPeople } from './people.ts';

/** The measured items of one application: every item that can run once registration and bank are done. */
export const WORKLOAD_ITEMS = [
  'seal-engraving',
  'tax-registration',
  'social-insurance',
  'medical-insurance',
  'housing-fund',
] as const;
const SETUP_PORTALS = ['market-regulation', 'bank'];
const WORKLOAD_PORTALS = WORKLOAD_ITEMS.map((item) => {
  const portalId = declarationFor(item)?.portalId;
  if (!portalId) throw new Error(`no portal declaration for ${item}`);
  return portalId;
});

export const WORKLOAD_DESCRIPTION =
  'Per phase, fresh reference applications are filed through business registration and bank for real, untimed, with no portal latency; their seal, tax, social-insurance, medical-insurance and housing-fund items (5 per application, independent of each other) then wait in their portal queues. The phase starts a worker set for those five queues with the given concurrency (browser contexts = concurrency × 5 portals, at most 8, and logged-in portal sessions kept for the next run, as yijian worker composes it) and the portals answer with the given latency; items/min = items / (last receipt stored − worker start). The applicant answers the seal SMS code at once. naive: the same queues, declarations and runtime, with concurrency 1 and a pool of one browser recycled after every run (a new Chromium per job, one job at a time) that logs in afresh for every job.';

export interface BotsBenchOptions {
  items: number;
  latencyMs: Range;
  concurrencies: readonly number[];
  timeoutMs: number;
  chromiumPath?: string | undefined;
  redisUrl?: string | undefined;
  /** Keep the temporary data folder (screenshots, traces, portal records) and say where it is. */
  keepData?: boolean;
  /** QUEUE_TUNING, as `yijian start` applies it (the setup's follow-up delay is shortened regardless). */
  tuning?: Partial<QueueTuning>;
  progress: (message: string) => void;
}

export interface PhaseFigures {
  name: string;
  concurrency: number;
  /** Browser contexts at once, runs per Chromium, and whether logged-in sessions serve the next run. */
  pool: { size: number; recycleAfterRuns: number | 'default'; keepsSessions: boolean };
  items: number;
  elapsedMs: number;
  perMinute: number;
  browserLaunches: number;
  /** Bot runs that failed during the phase (retried by the queue, or resubmitted). */
  failedAttempts: number;
  /** Items that failed for good during the phase and were resubmitted (their time is in elapsedMs). */
  resubmitted: Resubmitted[];
  peakRssMb: number;
  /** Peaks during the phase: RSS and PSS of the process tree, RSS of this Node.js process alone. */
  memory: TreeMemory;
}

export interface BotsReport {
  benchmark: 'bots';
  settings: {
    items: number;
    applicationsPerPhase: number;
    latencyMs: Range;
    concurrencies: readonly number[];
  };
  workload: string;
  perMinute: Record<string, number>;
  naivePerMinute: number;
  speedupVsNaive: number;
  target: { speedupAtLeast: number; met: boolean };
  /** Highest RSS of this process and its Chromium processes summed, over the whole run (setup included). */
  peakRssMb: number;
  peakMemory: TreeMemory;
  phases: PhaseFigures[];
  /** Failures during the untimed setup (registration, bank), resubmitted. */
  setupResubmits: Resubmitted[];
}

/** An item that failed for good and was handed to the bots again (as a clerk would press 重新提交). */
export interface Resubmitted {
  itemId: string;
  code: string;
  message: string;
}

const MAX_RESUBMITS = 3;

/**
 * Polls until `done`; an item that failed for good is resubmitted (at most MAX_RESUBMITS times in all) and
 * recorded, since one flaky run should not void a benchmark but must not go unseen either.
 */
async function waitFor(
  what: string,
  timeoutMs: number,
  queue: BotQueue,
  ids: readonly string[],
  done: (rows: ApplicationItemRow[]) => boolean,
  resubmitted: Resubmitted[],
  progress: (message: string) => void,
): Promise<ApplicationItemRow[]> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const rows = (await Promise.all(ids.map((id) => queue.items(id)))).flat();
    const failed = rows.filter((row) => row.status === 'failed');
    for (const row of failed) {
      const failure = { code: String(row.failure?.code ?? ''), message: String(row.failure?.message ?? '') };
      if (resubmitted.length >= MAX_RESUBMITS)
        throw new Error(`${what}：事项 ${row.itemId} 失败（${failure.code}：${failure.message}）`);
      resubmitted.push({ itemId: row.itemId, ...failure });
      progress(`${what}：事项 ${row.itemId} 失败（${failure.code}：${failure.message}），重新提交`);
      await queue.resubmitFailed(row.applicationId, [row.itemId]);
    }
    if (failed.length === 0 && done(rows)) return rows;
    await sleep(200);
  }
  throw new Error(`${what}：${timeoutMs} 毫秒内未完成`);
}

export async function runBotsBenchmark(options: BotsBenchOptions): Promise<BotsReport> {
  const { progress } = options;
  // Setup needs the registration's follow-up to come quickly; nothing measured depends on it.
  const TUNING: QueueTuning = { ...DEFAULT_TUNING, ...options.tuning, followUpDelayMs: 300 };
  const perPhase = Math.max(1, Math.ceil(options.items / WORKLOAD_ITEMS.length));
  const memory = sampleMemory();
  const infra = await openBenchInfra({ REDIS_URL: options.redisUrl, keepData: options.keepData === true });
  let env: E2eEnvironment | undefined;
  let people: ReturnType<typeof startBenchPeople> | undefined;
  const open = new Set<BotSystem>();
  try {
    env = await startE2eEnvironment({
      db: infra.db,
      dataDir: infra.dataDir,
      redisUrl: infra.redisUrl,
      logger: infra.logger,
      chromiumPath: options.chromiumPath,
      faults: { approvalDelayMs: 0, syncLagMs: 0 },
      tuning: TUNING,
      workers: false,
    });
    const started = env;
    // Worker sets composed exactly as `yijian worker` composes them; only the phase's pool differs.
    const workers = async (
      portals: readonly string[],
      concurrency: number,
      pool: { browserContexts?: number; runner?: BrowserRunnerOptions } = {},
    ) => {
      const set = await startBotSystem({
        db: infra.db,
        redisUrl: infra.redisUrl,
        secret: started.secret,
        dataDir: infra.dataDir,
        logger: infra.logger,
        sandboxUrls: started.portals.urls,
        tuning: TUNING,
        chromiumPath: options.chromiumPath,
        workers: { portals, concurrency, coordinator: portals.length === 0, ...pool },
      });
      open.add(set);
      return set;
    };
    const closeWorkers = async (set: BotSystem) => {
      open.delete(set);
      await set.close(10_000);
    };
    await workers([], 1); // the coordinator: hands each finished item on to the next
    const applicationIds: string[] = [];
    const phones = new Map<string, string>();
    people = startBenchPeople({
      queue: env.bots.queue,
      sandbox: env.sandbox,
      applicationIds: () => applicationIds,
      smsReplyMs: [0, 0],
      captchaReplyMs: [0, 0],
      phoneOf: (applicationId) => phones.get(applicationId),
      logger: infra.logger,
    });
    const phases: PhaseFigures[] = [];
    const setupResubmits: Resubmitted[] = [];
    const plan: { name: string; concurrency: number; pool: PhaseFigures['pool'] }[] = [
      // A quick script: one job at a time, a new Chromium for each, logging in every time.
      { name: 'naive', concurrency: 1, pool: { size: 1, recycleAfterRuns: 1, keepsSessions: false } },
      ...options.concurrencies.map((c) => ({
        name: `concurrency-${c}`,
        concurrency: c,
        pool: {
          size: defaultBrowserContexts(c, WORKLOAD_PORTALS.length),
          recycleAfterRuns: 'default' as const,
          keepsSessions: true,
        },
      })),
    ];
    let serial = 0;
    for (const phase of plan) {
      const ids = await prepare(infra, perPhase, () => (serial += 1), phones);
      applicationIds.push(...ids);
      progress(`${phase.name}：准备 ${ids.length} 件申请（设立登记与银行开户，不计时）…`);
      await started.sandbox.setFaultsEverywhere({ latencyMs: [0, 0] });
      for (const id of ids) await started.bots.queue.submit(id);
      const workload = (rows: ApplicationItemRow[]) =>
        rows.filter((row) => (WORKLOAD_ITEMS as readonly string[]).includes(row.itemId));
      const setup = await workers(SETUP_PORTALS, 2);
      const queue = started.bots.queue;
      await waitFor(
        `${phase.name} 准备`,
        options.timeoutMs,
        queue,
        ids,
        (rows) => {
          const waiting = workload(rows);
          return (
            waiting.length === ids.length * WORKLOAD_ITEMS.length &&
            waiting.every((r) => r.status === 'queued')
          );
        },
        setupResubmits,
        progress,
      );
      await closeWorkers(setup);

      await started.sandbox.setFaultsEverywhere({ latencyMs: [options.latencyMs[0], options.latencyMs[1]] });
      const count = ids.length * WORKLOAD_ITEMS.length;
      progress(`${phase.name}：办理 ${count} 个事项（并发 ${phase.concurrency}）…`);
      memory.reset(); // the phase's own window starts here
      const since = new Date();
      const startedAt = Date.now();
      const set = await workers(WORKLOAD_PORTALS, phase.concurrency, {
        browserContexts: phase.pool.size,
        runner: {
          ...(phase.pool.recycleAfterRuns === 'default'
            ? {}
            : { recycleAfterRuns: phase.pool.recycleAfterRuns }),
          ...(phase.pool.keepsSessions ? {} : { sessionReuseMs: 0 }),
        },
      });
      const resubmitted: Resubmitted[] = [];
      const rows = await waitFor(
        `${phase.name} 办理`,
        options.timeoutMs,
        queue,
        ids,
        (all) => workload(all).every((r) => r.status === 'done'),
        resubmitted,
        progress,
      );
      const doneAt = Math.max(...workload(rows).map((r) => r.updatedAt.getTime()));
      const launches = set.runner?.stats().launches ?? 0;
      await closeWorkers(set);
      const elapsedMs = doneAt - startedAt;
      const failedAttempts = (await botRuns.list(infra.db, { status: 'failed', since, limit: 1000 })).length;
      const peaks = memory.reset();
      const figures: PhaseFigures = {
        name: phase.name,
        concurrency: phase.concurrency,
        pool: phase.pool,
        items: count,
        elapsedMs,
        perMinute: Number(((count * 60_000) / elapsedMs).toFixed(2)),
        browserLaunches: launches,
        failedAttempts,
        resubmitted,
        peakRssMb: peaks.rssMb,
        memory: peaks,
      };
      phases.push(figures);
      progress(
        `${phase.name}：${count} 个事项用时 ${(elapsedMs / 1000).toFixed(1)} 秒，每分钟 ${figures.perMinute} 个，启动浏览器 ${launches} 次，内存峰值 ${figures.peakRssMb} MB`,
      );
    }
    const overall = memory.stop();
    const naive = phases.find((p) => p.name === 'naive');
    const measured = phases.filter((p) => p.name !== 'naive');
    const best = Math.max(...measured.map((p) => p.perMinute));
    const naivePerMinute = naive?.perMinute ?? Number.NaN;
    const speedup = Number((best / naivePerMinute).toFixed(2));
    return {
      benchmark: 'bots',
      settings: {
        items: perPhase * WORKLOAD_ITEMS.length,
        applicationsPerPhase: perPhase,
        latencyMs: options.latencyMs,
        concurrencies: options.concurrencies,
      },
      workload: WORKLOAD_DESCRIPTION,
      perMinute: Object.fromEntries(measured.map((p) => [String(p.concurrency), p.perMinute])),
      naivePerMinute,
      speedupVsNaive: speedup,
      target: { speedupAtLeast: 3, met: speedup >= 3 },
      peakRssMb: overall.rssMb,
      peakMemory: overall,
      phases,
      setupResubmits,
    };
  } finally {
    await people?.stop();
    for (const set of [...open]) await set.close().catch(() => {});
    await env?.close();
    await infra.close();
    memory.stop();
  }
}

/**
 * Seeds `count` reference applications, each with its own company and its own 联络员 mobile (the 经办人 the seal
 * portal texts its code to: it accepts only the latest code sent to a phone, so two companies filing at once
 * with one phone would void each other's codes), accepted and ready for the clerk's one key.
 */
async function prepare(
  infra: BenchInfra,
  count: number,
  next: () => number,
  phones: Map<string, string>,
): Promise<string[]> {
  const applications = new ApplicationsRepo(infra.db);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = next();
    const seeded = await seedReferenceApplication(infra.db, infra.dataDir, {
      companyName: benchCompanyName(n),
    });
    const phone = `139${String(n).padStart(8, '0')}`;
    await infra.db.query(
      `UPDATE applications SET typed_values = jsonb_set(typed_values, '{persons,0,mobile}', to_jsonb($2::text))
       WHERE id = $1`,
      [seeded.applicationId, phone],
    );
    phones.set(seeded.applicationId, phone);
    await applications.transition({ kind: 'all' }, seeded.applicationId, {
      from: ['accepted'],
      to: 'processing',
      actorId: null,
      actorRole: 'clerk',
    });
    ids.push(seeded.applicationId);
  }
  return ids;
}
