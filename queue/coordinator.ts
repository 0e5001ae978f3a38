import type { FlowProducer, Job, JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { parseWireFailure } from '../bots/errors/index.ts';
import type { Logger } from '../lib/logger.ts';
import { applicationItems, CLOSED_STATUSES, type ItemStatus } from '../store/application-items.repo.ts';
import type { Db } from '../store/db.ts';
import { publishEvent } from './events.ts';
import { advanceJobDataSchema, type ItemJobData, parseJobData } from './job-data.ts';
import { advanceJobId, COORDINATOR_QUEUE, itemJobId, portalQueueName, warmJobId } from './names.ts';
import type { PlanSource } from './plan-source.ts';
import { blockedItems, comingItems, type PlanItem, readyItems } from './planner.ts';

export interface CoordinatorOptions {
  db: Db;
  publisher: Redis;
  flows: FlowProducer;
  source: PlanSource;
  logger: Logger;
  /** Retries and backoff of item jobs (see defaults in queue-options.ts). */
  itemJobOptions: JobsOptions;
  /** Called when every item of an application is done, or nothing more can run. */
  onSettled?: (applicationId: string, items: { itemId: string; status: ItemStatus }[]) => Promise<void>;
}

/**
 * Each item runs as a two-job BullMQ flow: the item job on its portal's queue, and as its parent an
 * "advance" job on the coordinator queue. BullMQ moves the parent to waiting atomically when the child ends
 * (the child uses ignoreDependencyOnFailure, so a failed child also releases it), which makes the hand-off to
 * the next items durable: if a worker dies, the advance job is still there to run.
 */
export async function scheduleReady(options: CoordinatorOptions, applicationId: string): Promise<string[]> {
  const { db } = options;
  const plan = await options.source.plan(applicationId);
  const rows = await applicationItems.list(db, applicationId);
  const states = new Map<string, ItemStatus>(rows.map((row) => [row.itemId, row.status]));
  const generations = new Map(rows.map((row) => [row.itemId, row.generation]));
  const ready = readyItems(plan, states);
  for (const item of ready) {
    const generation = generations.get(item.itemId) ?? 0;
    await options.flows.add(flowFor(options, applicationId, item, generation));
    // Only a waiting item becomes queued: a job that already started (status running) is not set back.
    await db.query(
      `UPDATE application_items SET status = 'queued', updated_at = now()
       WHERE application_id = $1 AND item_id = $2 AND status = 'waiting'`,
      [applicationId, item.itemId],
    );
    await publishEvent(options.publisher, {
      type: 'item',
      applicationId,
      itemId: item.itemId,
      status: 'queued',
    });
  }
  await warmComing(
    options,
    applicationId,
    plan,
    states,
    new Set(ready.map((item) => item.itemId)),
    generations,
  );
  return ready.map((item) => item.itemId);
}

/**
 * Puts a log-in job on the portal queue of every item that will run once what is under way finishes (see
 * comingItems). It is best effort: a warm job is tried once, has no parent, and a lost or failed one only
 * means the filing logs in itself. Safe to repeat: the job id is per item and generation.
 */
async function warmComing(
  options: CoordinatorOptions,
  applicationId: string,
  plan: readonly PlanItem[],
  states: ReadonlyMap<string, ItemStatus>,
  starting: ReadonlySet<string>,
  generations: ReadonlyMap<string, number>,
): Promise<void> {
  for (const item of comingItems(plan, states, starting)) {
    const generation = generations.get(item.itemId) ?? 0;
    await options.flows.add({
      name: 'warm',
      queueName: portalQueueName(item.portalId),
      data: itemJobData(applicationId, item, generation, 'warm'),
      opts: {
        jobId: warmJobId(applicationId, item.itemId, generation),
        attempts: 1,
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 24 * 3600 },
      },
    });
  }
}

const itemJobData = (
  applicationId: string,
  item: PlanItem,
  generation: number,
  phase: ItemJobData['phase'],
): ItemJobData => ({
  applicationId,
  itemId: item.itemId,
  portalId: item.portalId,
  generation,
  phase,
  followUps: 0,
});

function flowFor(options: CoordinatorOptions, applicationId: string, item: PlanItem, generation: number) {
  const data = itemJobData(applicationId, item, generation, 'submit');
  return {
    name: 'advance',
    queueName: COORDINATOR_QUEUE,
    data: { applicationId, itemId: item.itemId, generation },
    opts: {
      jobId: advanceJobId(applicationId, item.itemId, generation),
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
      removeOnComplete: { age: 7 * 24 * 3600 },
    },
    children: [
      {
        name: item.itemId,
        queueName: portalQueueName(item.portalId),
        data,
        opts: {
          ...options.itemJobOptions,
          jobId: itemJobId(applicationId, item.itemId, generation),
          ignoreDependencyOnFailure: true,
        },
      },
    ],
  };
}

/** The coordinator's processor: record how the item ended, then start whatever that made ready. */
export function createAdvanceProcessor(options: CoordinatorOptions) {
  const { db, publisher } = options;
  return async function advance(job: Job): Promise<void> {
    const data = parseJobData(advanceJobDataSchema, job.data, job.id);
    const item = await applicationItems.get(db, data.applicationId, data.itemId);
    if (!item || item.generation !== data.generation) return; // superseded by a resubmission
    // An item an admin cancelled or handed over keeps that state: its job's end is not a failure.
    if (item.status !== 'done' && !CLOSED_STATUSES.includes(item.status)) {
      const failures = Object.values(await job.getIgnoredChildrenFailures());
      const reason = failures[0];
      const failure = parseWireFailure(reason) ?? {
        code: 'PORTAL_UNAVAILABLE',
        message: reason ? reason.slice(0, 300) : '办理未完成',
        retryable: true,
        fields: [],
      };
      await applicationItems.recordFailure(db, data.applicationId, data.itemId, failure);
      await publishEvent(publisher, {
        type: 'item',
        applicationId: data.applicationId,
        itemId: data.itemId,
        status: 'failed',
      });
      options.logger.warn(
        { applicationId: data.applicationId, item: data.itemId, code: failure.code },
        '事项办理失败，已退回窗口',
      );
    }
    await scheduleReady(options, data.applicationId);
    await settleIfFinished(options, data.applicationId);
  };
}

/**
 * After an admin took an item from the bots (取消, 转人工) or the clerk finished one by hand (人工办结): what
 * needed it is blocked or may start now, and the application may have nothing left to run. The item's own
 * job, if a worker holds it, stops at the closed state.
 */
export async function afterItemClosed(options: CoordinatorOptions, applicationId: string): Promise<void> {
  await scheduleReady(options, applicationId);
  await settleIfFinished(options, applicationId);
}

async function settleIfFinished(options: CoordinatorOptions, applicationId: string): Promise<void> {
  if (!options.onSettled) return;
  const plan = await options.source.plan(applicationId);
  const rows = await applicationItems.list(options.db, applicationId);
  const states = new Map<string, ItemStatus>(rows.map((row) => [row.itemId, row.status]));
  const blocked = new Set(blockedItems(plan, states));
  const active = rows.some(
    (row) =>
      row.status !== 'done' &&
      row.status !== 'failed' &&
      !CLOSED_STATUSES.includes(row.status) &&
      !blocked.has(row.itemId),
  );
  if (!active)
    await options.onSettled(
      applicationId,
      rows.map((row) => ({ itemId: row.itemId, status: row.status })),
    );
}

/** One key: create the items of the application and start those that need nothing. Safe to press twice. */
export async function submitApplication(
  options: CoordinatorOptions,
  applicationId: string,
): Promise<string[]> {
  const plan = await options.source.plan(applicationId);
  await applicationItems.ensure(
    options.db,
    applicationId,
    plan.map((item) => item.itemId),
  );
  return scheduleReady(options, applicationId);
}

/**
 * Runs again only the failed items (all of them, or those named), each under a new generation so it gets
 * fresh job ids; finished items are left alone. The new runs reconcile with 办件查询 before submitting, since
 * a failed run may still have filed.
 */
export async function resubmitFailed(
  options: CoordinatorOptions,
  applicationId: string,
  itemIds?: readonly string[],
): Promise<string[]> {
  const rows = await applicationItems.list(options.db, applicationId);
  const failed = rows.filter((row) => row.status === 'failed').map((row) => row.itemId);
  const chosen = itemIds ? failed.filter((id) => itemIds.includes(id)) : failed;
  const restarted = await applicationItems.restartFailed(options.db, applicationId, chosen);
  await scheduleReady(options, applicationId);
  return restarted;
}
