import { hostname } from 'node:os';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  type BotError,
  coerceBotError,
  PortalUnavailableError,
  ValueRejectedError,
} from '../bots/errors/index.ts';
import type { ItemRunIo, ItemRunner, ItemRunRequest, WarmOutcome, WarmRequest } from '../bots/item-runner.ts';
import type { Logger } from '../lib/logger.ts';
import { applicationItems, CLOSED_STATUSES } from '../store/application-items.repo.ts';
import { botRuns } from '../store/bot-runs.repo.ts';
import type { Db } from '../store/db.ts';
import { askPerson } from './ask-person.ts';
import { publishEvent } from './events.ts';
import { RunEvidence } from './evidence.ts';
import { ItemClosedError } from './item-closed.error.ts';
import { type ItemJobData, itemJobDataSchema, parseJobData } from './job-data.ts';
import type { PlanSource, PortalDirectory } from './plan-source.ts';
import { followUpDelay, type QueueTuning } from './queue-options.ts';
import { RunWatchdog } from './run-watchdog.ts';

/** The tuning a processor applies to each run (meanings and defaults in queue-options.ts). */
type RunTuning = Pick<
  QueueTuning,
  | 'personTimeoutMs'
  | 'personPollMs'
  | 'stallTimeoutMs'
  | 'followUpDelayMs'
  | 'followUpDelayMaxMs'
  | 'maxFollowUps'
>;

export interface ItemProcessorOptions extends RunTuning {
  db: Db;
  publisher: Redis;
  runner: ItemRunner;
  source: PlanSource;
  portals: PortalDirectory;
  dataDir: string;
  logger: Logger;
}

const WORKER = `${hostname()}:${process.pid}`;
/** A warm log-in that takes longer than this is given up (its browser context is closed). */
const WARM_TIMEOUT_MS = 60_000;

/**
 * Runs one item on its portal. The receipt and outputs are written to the store before the job completes,
 * and `submit_started_at` is set just before the final click, so a run that dies anywhere can be resumed by
 * the next attempt: it reconciles with the portal's 办件查询 and adopts what is already there.
 */
export function createItemProcessor(options: ItemProcessorOptions) {
  const { db, publisher, logger } = options;

  const setItemStatus = async (
    data: ItemJobData,
    status: Parameters<typeof applicationItems.setStatus>[3],
  ) => {
    await applicationItems.setStatus(db, data.applicationId, data.itemId, status);
    await publishEvent(publisher, {
      type: 'item',
      applicationId: data.applicationId,
      itemId: data.itemId,
      status,
    });
  };

  return async function processItem(job: Job, token?: string): Promise<Record<string, unknown>> {
    const data = parseJobData(itemJobDataSchema, job.data, job.id);
    if (data.phase === 'warm') return { warm: await warmUp(data) };
    const item = await applicationItems.get(db, data.applicationId, data.itemId);
    if (!item) throw new UnrecoverableError(`No item ${data.itemId} for application ${data.applicationId}`);
    // Done already (a worker died after storing the result but before completing the job): nothing to do.
    if (item.status === 'done' && item.generation === data.generation) return item.outputs;
    // Cancelled or handed to the clerk by an admin while the job waited: never filed by a bot.
    if (CLOSED_STATUSES.includes(item.status)) {
      logger.info(
        { jobId: job.id, portal: data.portalId, status: item.status },
        '事项已取消或转人工，不再办理',
      );
      return { closed: item.status };
    }

    const runId = await botRuns.start(db, {
      applicationId: data.applicationId,
      itemId: data.itemId,
      portalId: data.portalId,
      jobId: job.id ?? '',
      generation: data.generation,
      attempt: job.attemptsMade + 1,
      worker: WORKER,
    });
    const evidence = new RunEvidence(db, options.dataDir, runId);
    await publishEvent(publisher, {
      type: 'run',
      applicationId: data.applicationId,
      itemId: data.itemId,
      runId,
      portalId: data.portalId,
      status: 'running',
    });
    const abort = new AbortController();
    const watchdog = new RunWatchdog(abort, options.stallTimeoutMs);
    const io: ItemRunIo = {
      signal: abort.signal,
      tracePath: evidence.tracePath,
      step: async (record) => {
        watchdog.progressed(record.name);
        const seq = await evidence.step(record);
        await publishEvent(publisher, {
          type: 'step',
          applicationId: data.applicationId,
          itemId: data.itemId,
          runId,
          seq,
          name: record.name,
          status: record.status,
        }).catch(() => {});
      },
      beforeFinalSubmit: async () => {
        // Given up on (the watchdog, a shutdown): another attempt may be filing already; never click here.
        if (abort.signal.aborted) throw new PortalUnavailableError('运行已中止，不再提交');
        // The last check before filing: an admin may have closed the item since this run began.
        if (!(await applicationItems.markSubmitStarted(db, data.applicationId, data.itemId)))
          throw new ItemClosedError();
      },
      waitOutside: (waiting) => watchdog.whileWaiting(waiting),
      askPerson: (question) =>
        watchdog.whileWaiting(
          askPerson(
            { db, publisher, pollMs: options.personPollMs },
            { applicationId: data.applicationId, itemId: data.itemId, runId, evidence, signal: abort.signal },
            question,
          ),
        ),
    };

    try {
      await setItemStatus(data, data.phase === 'follow-up' ? 'awaiting-approval' : 'running');
      const request = await buildRequest(
        options,
        data,
        item.submitStartedAt !== null || job.attemptsMade > 0 || data.generation > 0,
        item.submitStartedAt !== null,
      );
      if (data.phase === 'follow-up')
        return await followUp(job, token, data, request, io, runId, evidence, watchdog);

      const result = await watchdog.guard(options.runner.run(request, io));
      const status = result.awaitingResult ? 'awaiting-approval' : 'done';
      await db.transaction(async (tx) => {
        await applicationItems.recordResult(tx, {
          ...data,
          status,
          receipt: result.receipt,
          outputs: result.outputs,
        });
        await botRuns.finish(tx, runId, {
          status: result.outcome === 'adopted' ? 'adopted' : 'succeeded',
          receipt: result.receipt,
          comparison: result.comparison,
          tracePath: evidence.relative(evidence.tracePath),
        });
      });
      await publishEvent(publisher, {
        type: 'item',
        applicationId: data.applicationId,
        itemId: data.itemId,
        status,
      });
      if (!result.awaitingResult) return result.outputs;
      await job.updateData({
        ...data,
        phase: 'follow-up',
        receipt: result.receipt,
        followUps: 0,
      } satisfies ItemJobData);
      await job.moveToDelayed(Date.now() + followUpDelay(options, 0), token);
      throw new DelayedError();
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      // Closed by an admin during the run (the bot's own wrapping may have renamed the error): no retry.
      const now = await applicationItems.get(db, data.applicationId, data.itemId);
      // Closed, or closed and then finished by hand (人工办结): the clerk's item, not the bots'.
      if (now && (CLOSED_STATUSES.includes(now.status) || now.closedAt !== null)) {
        await botRuns.finish(db, runId, {
          status: 'interrupted',
          tracePath: evidence.relative(evidence.tracePath),
        });
        throw new UnrecoverableError(new ItemClosedError().message);
      }
      const failure = withFieldOrigins(coerceBotError(error), data.itemId, options.source);
      await botRuns.finish(db, runId, {
        status: 'failed',
        failure: failure.toFailure(),
        tracePath: evidence.relative(evidence.tracePath),
      });
      const where = {
        jobId: job.id,
        portal: data.portalId,
        code: failure.code,
        attempt: job.attemptsMade + 1,
      };
      // A changed portal fails every item until its declaration is fixed: an error for whoever watches logs
      // (the admin's portal page shows it too).
      if (failure.code === 'PORTAL_CHANGED')
        logger.error({ ...where, alert: 'portal-changed' }, failure.message);
      else logger.warn(where, failure.message);
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (failure.retryable && !lastAttempt) await setItemStatus(data, 'queued');
      // The coordinator records the final failure (it runs once the job has failed for good).
      throw failure.retryable ? new Error(failure.toWire()) : new UnrecoverableError(failure.toWire());
    } finally {
      watchdog.stop();
      abort.abort();
    }
  };

  /**
   * A warm log-in before the filing (coordinator.ts, warmComing). Best effort: it never fails its job, and it
   * is left out once the filing has started, which would only race it.
   */
  async function warmUp(data: ItemJobData): Promise<WarmOutcome | 'failed'> {
    const { runner } = options;
    if (!runner.warm) return 'skipped';
    const item = await applicationItems.get(db, data.applicationId, data.itemId);
    if (item?.status !== 'waiting' || item.generation !== data.generation) return 'skipped';
    const where = { portal: data.portalId, item: data.itemId, applicationId: data.applicationId };
    const started = performance.now();
    try {
      const outcome = await runner.warm(await whoLogsIn(options, data), AbortSignal.timeout(WARM_TIMEOUT_MS));
      if (outcome === 'logged-in')
        logger.info({ ...where, ms: Math.round(performance.now() - started) }, '已提前登录门户');
      return outcome;
    } catch (error) {
      logger.warn({ ...where, code: coerceBotError(error).code }, '提前登录门户未成功，办理时再登录');
      return 'failed';
    }
  }

  async function followUp(
    job: Job,
    token: string | undefined,
    data: ItemJobData,
    request: ItemRunRequest,
    io: ItemRunIo,
    runId: number,
    evidence: RunEvidence,
    watchdog: RunWatchdog,
  ): Promise<Record<string, unknown>> {
    const result = await watchdog.guard(options.runner.followUp(request, data.receipt ?? {}, io));
    if (result.done) {
      await db.transaction(async (tx) => {
        await applicationItems.recordResult(tx, {
          ...data,
          status: 'done',
          receipt: result.receipt,
          outputs: result.outputs,
        });
        await botRuns.finish(tx, runId, {
          status: 'succeeded',
          receipt: result.receipt,
          tracePath: evidence.relative(evidence.tracePath),
        });
      });
      await publishEvent(publisher, {
        type: 'item',
        applicationId: data.applicationId,
        itemId: data.itemId,
        status: 'done',
      });
      const item = await applicationItems.get(db, data.applicationId, data.itemId);
      return item?.outputs ?? result.outputs;
    }
    await botRuns.finish(db, runId, {
      status: 'succeeded',
      receipt: result.receipt,
      tracePath: evidence.relative(evidence.tracePath),
    });
    if (data.followUps + 1 >= options.maxFollowUps) {
      throw new PortalUnavailableError(`已查询 ${data.followUps + 1} 次，部门仍未办结`);
    }
    await job.updateData({ ...data, followUps: data.followUps + 1 } satisfies ItemJobData);
    await job.moveToDelayed(Date.now() + followUpDelay(options, data.followUps + 1), token);
    throw new DelayedError();
  }
}

/** A portal's complaint names its own field; the clerk needs the merged-form field behind it. */
function withFieldOrigins(failure: BotError, itemId: string, source: PlanSource): BotError {
  if (!(failure instanceof ValueRejectedError) || !source.fieldOrigin) return failure;
  const fields = failure.fields.map((field) => {
    const origin = field.elements ? undefined : source.fieldOrigin?.(itemId, field.fieldId);
    return origin
      ? {
          ...field,
          label: origin.label,
          elements: [...origin.elements],
          mergedLabels: [...origin.mergedLabels],
        }
      : field;
  });
  return new ValueRejectedError(failure.message, fields);
}

async function buildRequest(
  options: ItemProcessorOptions,
  data: ItemJobData,
  reconcile: boolean,
  submitStarted: boolean,
): Promise<ItemRunRequest> {
  const plan = await options.source.plan(data.applicationId);
  const needs = plan.find((p) => p.itemId === data.itemId)?.needs ?? [];
  const outputs = new Map<string, Record<string, unknown>>();
  for (const need of needs) {
    const upstream = await applicationItems.get(options.db, data.applicationId, need);
    outputs.set(need, upstream?.outputs ?? {});
  }
  const input = await options.source.itemInput(data.applicationId, data.itemId, outputs);
  if (input.missing && input.missing.length > 0) {
    throw new ValueRejectedError(
      `表单缺少${input.missing.length}项：${input.missing.map((m) => m.label).join('、')}`,
      input.missing.map((m) => ({ fieldId: m.field, message: `缺少“${m.label}”` })),
    );
  }
  return {
    ...(await whoLogsIn(options, data)),
    applicationRef: input.applicationRef,
    values: input.values,
    documents: input.documents,
    reconcile,
    submitStarted,
  };
}

/** The item, its portal's address and the account the bot logs in with: all a warm log-in needs. */
async function whoLogsIn(options: ItemProcessorOptions, data: ItemJobData): Promise<WarmRequest> {
  const credentials = await options.portals.credentials(data.portalId);
  return {
    applicationId: data.applicationId,
    itemId: data.itemId,
    portalId: data.portalId,
    baseUrl: await options.portals.baseUrl(data.portalId),
    ...(credentials ? { credentials } : {}),
  };
}
