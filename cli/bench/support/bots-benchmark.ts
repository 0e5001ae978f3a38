import { declarationFor } from '../../../bots/portals/registry.ts';
import type { BrowserRunnerOptions } from '../../../bots/runtime/options.ts';
import { sleep } from '../../../lib/net.ts';
import type { BotQueue } from '../../../queue/bot-queue.ts';
import { DEFAULT_TUNING, type QueueTuning } from '../../../queue/queue-options.ts';
import type { ApplicationItemRow } from '../../../store/application-items.repo.ts';
import { botRuns } from '../../../store/bot-runs.repo.ts';
import { type BotSystem, defaultBrowserContexts, startBotSystem } from '../../bot-system.ts';
import { type E2eEnvironment, startE2eEnvironment } from '../../e2e/environment.ts';
import {
  compare,
  type PhaseFigures,
  type PhasePlan,
  type PhaseSample,
  phaseFigures,
  phasePlan,
  type Resubmitted,
  shuffledSamples,
} from './bots-phases.ts';
import { type Prepared, prepareApplications, reuseSetup, SETUP_ITEMS } from './bots-setup.ts';
import { environmentOn, openBenchInfra } from './infra.ts';
import { sampleMemory, type TreeMemory } from './memory.ts';
import type { BenchRunOptions } from './options.ts';
import { type Range, startBenchPeople } from './people.ts';

export type { PhaseFigures, Resubmitted } from './bots-phases.ts';

/** The measured items of one application: every item that can run once registration and bank are done. */
export const WORKLOAD_ITEMS = [
  'seal-engraving',
  'tax-registration',
  'social-insurance',
  'medical-insurance',
  'housing-fund',
] as const;
const portalOf = (item: string) => {
  const portalId = declarationFor(item)?.portalId;
  if (!portalId) throw new Error(`no portal declaration for ${item}`);
  return portalId;
};
const SETUP_PORTALS = SETUP_ITEMS.map(portalOf);

export const WORKLOAD_DESCRIPTION =
  "Per phase, fresh reference applications are filed through business registration and bank for real, untimed, with no portal latency; their seal, tax, social-insurance, medical-insurance and housing-fund items (5 per application, independent of each other) then wait in their portal queues. The phase starts a worker set for those five queues with the given concurrency (browser contexts = concurrency × 5 portals, at most 8, and logged-in portal sessions kept for the next run, as yijian worker composes it) and the portals answer with the given latency; items/min = items / (last receipt stored − worker start); with --items below 5, only the first items of the one application are timed. The applicant answers the seal SMS code at once. Baselines, with the same queues, declarations and runtime: naive — concurrency 1 and a pool of one browser recycled after every run (a new Chromium per job, one job at a time) that logs in afresh for every job; parallel-naive-<c> — the same browser-per-job script (a new Chromium per job, a fresh login per job, no kept sessions) with as many jobs at once as concurrency-<c>. Every phase runs `repeats` times on fresh applications, in one random order over all samples; a phase reports the median of its samples and their spread; speedupVsNaive = best measured median items/min ÷ the better baseline's median. A smoke run (--quick) files registration and bank for its first sample only: each later sample's applications are new applications of the same companies, with those two items copied as done (settings.sharedSetup).";

/** The bots benchmark's workload; its `tuning` applies with the setup's follow-up delay shortened regardless. */
export interface BotsBenchOptions extends BenchRunOptions {
  items: number;
  latencyMs: Range;
  concurrencies: readonly number[];
  /** Samples of every phase (3 for a figure; 1 for a smoke run). */
  repeats: number;
  /**
   * Later samples reuse the first sample's registration and bank account (new applications of the same
   * companies, those two items copied as done) instead of filing their own: a smoke run's saving.
   */
  shareSetup?: boolean;
}

export interface BotsReport {
  benchmark: 'bots';
  settings: {
    items: number;
    applicationsPerPhase: number;
    /** The items of each application that are timed (all five, unless --items is below five). */
    measuredItems: readonly string[];
    latencyMs: Range;
    concurrencies: readonly number[];
    repeats: number;
    quick: boolean;
    /** Whether later samples reused the first sample's registration and bank account (shareSetup). */
    sharedSetup: boolean;
  };
  workload: string;
  perMinute: Record<string, number>;
  naivePerMinute: number;
  /** Against the better of the baselines (`baseline`); before the parallel baseline, against `naive` alone. */
  speedupVsNaive: number;
  parallelNaivePerMinute: Record<string, number>;
  baseline: { name: string; perMinute: number };
  speedupVsSerialNaive: number;
  /** The phases in the order their samples ran. */
  order: string[];
  target: { speedupAtLeast: number; met: boolean };
  /** Highest RSS of this process and its Chromium processes summed, over the whole run (setup included). */
  peakRssMb: number;
  peakMemory: TreeMemory;
  phases: PhaseFigures[];
  /** Failures during the untimed setup (registration, bank), resubmitted. */
  setupResubmits: Resubmitted[];
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
  // Fewer items than one application holds (a smoke run) measure only the first of its items: the others
  // wait in queues that no worker of this benchmark serves.
  const measuredItems: readonly string[] =
    options.items < WORKLOAD_ITEMS.length ? WORKLOAD_ITEMS.slice(0, options.items) : WORKLOAD_ITEMS;
  const measuredPortals = measuredItems.map(portalOf);
  const memory = sampleMemory();
  const infra = await openBenchInfra({ REDIS_URL: options.redisUrl, keepData: options.keepData === true });
  let env: E2eEnvironment | undefined;
  let people: ReturnType<typeof startBenchPeople> | undefined;
  const open = new Set<BotSystem>();
  try {
    env = await startE2eEnvironment({
      ...environmentOn(infra, options.chromiumPath),
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
    const setupResubmits: Resubmitted[] = [];
    const plan = phasePlan(options.concurrencies, (c) => defaultBrowserContexts(c, measuredPortals.length));
    // Shuffled, so that no phase is always the first (cold caches, a fresh Redis) or the last.
    const order = shuffledSamples(plan, options.repeats);
    const samples = new Map<string, PhaseSample[]>();
    let serial = 0;
    const firstPrepared: Prepared[] = [];
    for (const [index, phase] of order.entries()) {
      const label = `${phase.name}（第 ${index + 1}/${order.length} 轮）`;
      const next = () => (serial += 1);
      // A smoke run files registration and bank for its first sample only; later ones reuse them.
      const reused = options.shareSetup === true && firstPrepared.length > 0;
      const prepared = reused
        ? await reuseSetup(infra, firstPrepared, next, phones)
        : await prepareApplications(infra, perPhase, next, phones);
      if (firstPrepared.length === 0) firstPrepared.push(...prepared);
      const ids = prepared.map((p) => p.applicationId);
      applicationIds.push(...ids);
      progress(
        reused
          ? `${label}：准备 ${ids.length} 件申请（沿用第一轮同一企业的设立登记与银行开户）…`
          : `${label}：准备 ${ids.length} 件申请（设立登记与银行开户，不计时）…`,
      );
      await started.sandbox.setFaultsEverywhere({ latencyMs: [0, 0] });
      for (const id of ids) await started.bots.queue.submit(id);
      const waitingItems = (rows: ApplicationItemRow[]) =>
        rows.filter((row) => (WORKLOAD_ITEMS as readonly string[]).includes(row.itemId));
      const workload = (rows: ApplicationItemRow[]) =>
        rows.filter((row) => measuredItems.includes(row.itemId));
      const setup = reused ? undefined : await workers(SETUP_PORTALS, 2);
      const queue = started.bots.queue;
      // At most MAX_RESUBMITS per sample's setup: more samples should not make one bad setup fatal.
      const setupRetries: Resubmitted[] = [];
      await waitFor(
        `${label} 准备`,
        options.timeoutMs,
        queue,
        ids,
        (rows) => {
          const waiting = waitingItems(rows);
          return (
            waiting.length === ids.length * WORKLOAD_ITEMS.length &&
            waiting.every((r) => r.status === 'queued')
          );
        },
        setupRetries,
        progress,
      );
      setupResubmits.push(...setupRetries);
      if (setup) await closeWorkers(setup);

      await started.sandbox.setFaultsEverywhere({ latencyMs: [options.latencyMs[0], options.latencyMs[1]] });
      const count = ids.length * measuredItems.length;
      progress(`${label}：办理 ${count} 个事项（并发 ${phase.concurrency}）…`);
      memory.reset(); // the sample's own window starts here
      const since = new Date();
      const startedAt = Date.now();
      const set = await workers(measuredPortals, phase.concurrency, {
        browserContexts: phase.pool.size,
        runner: runnerOf(phase),
      });
      const resubmitted: Resubmitted[] = [];
      const rows = await waitFor(
        `${label} 办理`,
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
      const sample: PhaseSample = {
        order: index + 1,
        elapsedMs,
        perMinute: Number(((count * 60_000) / elapsedMs).toFixed(2)),
        browserLaunches: launches,
        failedAttempts,
        resubmitted,
        memory: memory.reset(),
      };
      samples.set(phase.name, [...(samples.get(phase.name) ?? []), sample]);
      progress(
        `${label}：${count} 个事项用时 ${(elapsedMs / 1000).toFixed(1)} 秒，每分钟 ${sample.perMinute} 个，启动浏览器 ${launches} 次，内存峰值 ${sample.memory.rssMb} MB`,
      );
    }
    const overall = memory.stop();
    const items = perPhase * measuredItems.length;
    const phases: PhaseFigures[] = plan.map((phase) =>
      phaseFigures(phase, items, samples.get(phase.name) ?? []),
    );
    const comparison = compare(phases);
    return {
      benchmark: 'bots',
      settings: {
        items,
        applicationsPerPhase: perPhase,
        measuredItems,
        latencyMs: options.latencyMs,
        concurrencies: options.concurrencies,
        repeats: options.repeats,
        quick: options.quick === true,
        sharedSetup: options.shareSetup === true,
      },
      workload: WORKLOAD_DESCRIPTION,
      perMinute: comparison.perMinute,
      naivePerMinute: comparison.naivePerMinute,
      speedupVsNaive: comparison.speedupVsNaive,
      target: { speedupAtLeast: 3, met: comparison.speedupVsNaive >= 3 },
      parallelNaivePerMinute: comparison.parallelNaivePerMinute,
      baseline: comparison.baseline,
      speedupVsSerialNaive: comparison.speedupVsSerialNaive,
      order: order.map((phase) => phase.name),
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

/** A browser per job and a login per job for the naive kinds; the runner's defaults for the measured phases. */
const runnerOf = (phase: PhasePlan): BrowserRunnerOptions => ({
  ...(phase.pool.recycleAfterRuns === 'default' ? {} : { recycleAfterRuns: phase.pool.recycleAfterRuns }),
  ...(phase.pool.keepsSessions ? {} : { sessionReuseMs: 0 }),
});
