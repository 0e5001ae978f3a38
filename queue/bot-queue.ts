import type { Redis } from 'ioredis';
import type { Logger } from '../lib/logger.ts';
import type { SealedBox } from '../lib/sealed-box.ts';
import {
  type ApplicationItemRow,
  applicationItems,
  type DoneByHand,
} from '../store/application-items.repo.ts';
import { type BotRunRow, botRuns, type RunFilter, type RunStepRow } from '../store/bot-runs.repo.ts';
import type { Db, Queryable } from '../store/db.ts';
import { type HumanTaskRow, humanTasks } from '../store/human-tasks.repo.ts';
import { type DriftScheduleRow, type PortalCheckRow, portalChecks } from '../store/portal-checks.repo.ts';
import { type PortalCredentialSummary, portalCredentials } from '../store/portal-credentials.repo.ts';
import { type PortalSettingsRow, portalSettings } from '../store/portal-settings.repo.ts';
import { completeApplicationWhenDone } from './complete-application.ts';
import {
  afterItemClosed,
  type CoordinatorOptions,
  resubmitFailed,
  submitApplication,
} from './coordinator.ts';
import { DRIFT_JOB_OPTIONS } from './drift-processor.ts';
import { applyDriftSchedule, nextDriftRun } from './drift-schedule.ts';
import { type LiveEvent, publishEvent, subscribeEvents } from './events.ts';
import { listWorkers, type WorkerStatus } from './heartbeat.ts';
import type { DriftJobData } from './job-data.ts';
import { driftJobId, itemJobId, warmJobId } from './names.ts';
import type { PlanSource } from './plan-source.ts';
import { planWaves } from './planner.ts';
import type { QueueClients } from './queue-clients.ts';
import { DEFAULT_PORTAL_CONCURRENCY, itemJobOptions, type QueueTuning } from './queue-options.ts';
import { createRedis } from './redis/connection.ts';

export interface BotQueueOptions {
  db: Db;
  clients: QueueClients;
  source: PlanSource;
  box: SealedBox;
  logger: Logger;
  tuning: QueueTuning;
  /** The centre's TIME_ZONE: the drift schedule's default zone. */
  timeZone?: string;
}

export type PortalSettingsChange = Partial<
  Pick<
    PortalSettingsRow,
    'concurrency' | 'rateMax' | 'rateDurationMs' | 'paused' | 'baseUrl' | 'driftAutoPause' | 'driftHold'
  >
>;

export type DriftScheduleChange = Pick<DriftScheduleRow, 'enabled' | 'timeOfDay'>;

/**
 * Everything the web server asks of the bots, in one place: one-key submission, resubmission of failed
 * items, answers to the bots' questions, run evidence, and the admin's queue controls. Workers may run on
 * other machines; this talks to them only through Redis and the store.
 */
export class BotQueue {
  readonly #options: BotQueueOptions;
  readonly #coordinator: CoordinatorOptions;

  constructor(options: BotQueueOptions) {
    this.#options = options;
    this.#coordinator = {
      db: options.db,
      publisher: options.clients.publisher,
      flows: options.clients.flows,
      source: options.source,
      logger: options.logger,
      itemJobOptions: itemJobOptions(options.tuning),
      // An admin's 取消 or the clerk's 人工办结 may be what completes an application, as a worker's last item is.
      onSettled: completeApplicationWhenDone(options.db, options.clients.publisher),
    };
  }

  get portalIds(): readonly string[] {
    return this.#options.clients.portalIds;
  }

  /** Creates default settings for portals that have none and applies every portal's settings to Redis. */
  async init(): Promise<void> {
    const { db, clients } = this.#options;
    await portalSettings.ensureDefaults(db, clients.portalIds, DEFAULT_PORTAL_CONCURRENCY);
    for (const settings of await portalSettings.list(db)) {
      if (clients.portalIds.includes(settings.portalId)) await clients.applySettings(settings);
    }
    // One drift check at a time over every worker, and the admin's schedule as stored.
    await clients.drift.setGlobalConcurrency(1);
    await applyDriftSchedule(clients.drift, await this.driftSchedule());
  }

  /** The items of an application as waves, for the progress pages. */
  async plan(applicationId: string): Promise<string[][]> {
    return planWaves(await this.#options.source.plan(applicationId));
  }

  /** 一键提交: starts every item that needs nothing; the rest follow as their needs are met. */
  submit(applicationId: string): Promise<string[]> {
    return submitApplication(this.#coordinator, applicationId);
  }

  /** Runs again only the failed items (or the named ones among them). */
  resubmitFailed(applicationId: string, itemIds?: readonly string[]): Promise<string[]> {
    return resubmitFailed(this.#coordinator, applicationId, itemIds);
  }

  /**
   * An admin's 取消 or 转人工 of an item nothing is being filed for (waiting, queued or failed). Its job is
   * removed from the portal's queue so no worker takes it; a job a worker holds already stops at the closed
   * state, at the latest just before the final submit. False when the item cannot be closed now.
   * `record` (the audit entry) is written in the same transaction as the closing, before anything touches
   * Redis: a closing is never stored without it, whatever fails afterwards. Safe to repeat: an item closed so
   * already (a retry after Redis failed past the commit) is not recorded again, but what follows the closing
   * (job removal, event, dependents) runs again and the answer is true.
   */
  async closeItem(
    applicationId: string,
    itemId: string,
    change: { to: 'cancelled' | 'handed-over'; reason: string; byName: string },
    record?: (tx: Queryable) => Promise<void>,
  ): Promise<boolean> {
    const { db, clients, source } = this.#options;
    const closed = await db.transaction(async (tx) => {
      const row = await applicationItems.close(tx, applicationId, itemId, change);
      if (row && record) await record(tx);
      if (row) return row;
      const current = await applicationItems.get(tx, applicationId, itemId);
      return current?.status === change.to ? current : undefined;
    });
    if (!closed) return false;
    const portalId = (await source.plan(applicationId)).find((item) => item.itemId === itemId)?.portalId;
    if (portalId && this.portalIds.includes(portalId)) {
      const queue = clients.portalQueue(portalId);
      for (const jobId of [
        itemJobId(applicationId, itemId, closed.generation),
        warmJobId(applicationId, itemId, closed.generation),
      ]) {
        // A job a worker holds is locked and stays; it finds the item closed (item-processor.ts).
        await (await queue.getJob(jobId))?.remove().catch(() => undefined);
      }
    }
    await publishEvent(clients.publisher, { type: 'item', applicationId, itemId, status: change.to });
    await afterItemClosed(this.#coordinator, applicationId);
    return true;
  }

  /**
   * 人工办结 of an item handed over to the clerk: it becomes done with what the clerk typed, `record` (the audit
   * entry) in the same transaction. Then, as after a bot's filing, what needed it may start and the application
   * may complete. False when the item is neither handed over nor done by hand. Safe to repeat: for an item done
   * by hand already (a retry after Redis failed past the commit) nothing is stored, what follows runs again.
   */
  async finishByHand(
    applicationId: string,
    itemId: string,
    done: DoneByHand,
    record?: (tx: Queryable) => Promise<void>,
  ): Promise<boolean> {
    const { db, clients } = this.#options;
    const finished = await db.transaction(async (tx) => {
      const ok = await applicationItems.finishByHand(tx, applicationId, itemId, done);
      if (ok && record) await record(tx);
      if (ok) return true;
      const current = await applicationItems.get(tx, applicationId, itemId);
      return current?.status === 'done' && current.handledAt !== null;
    });
    if (!finished) return false;
    await publishEvent(clients.publisher, { type: 'item', applicationId, itemId, status: 'done' });
    await afterItemClosed(this.#coordinator, applicationId);
    return true;
  }

  /** Items of these applications handed over to the clerk (转人工), for the desk's list. */
  handedOverItems(applicationIds: readonly string[]): Promise<ApplicationItemRow[]> {
    return applicationItems.handedOver(this.#options.db, applicationIds);
  }

  items(applicationId: string): Promise<ApplicationItemRow[]> {
    return applicationItems.list(this.#options.db, applicationId);
  }

  openTasks(applicationIds?: readonly string[]): Promise<HumanTaskRow[]> {
    return humanTasks.listOpen(this.#options.db, applicationIds);
  }

  task(id: number): Promise<HumanTaskRow | undefined> {
    return humanTasks.get(this.#options.db, id);
  }

  /** A person's answer to a bot's question; false when the task is no longer open or its deadline passed. */
  async answerTask(id: number, answer: string, answeredBy: string): Promise<boolean> {
    const task = await humanTasks.get(this.#options.db, id);
    const accepted = await humanTasks.answer(this.#options.db, id, answer, answeredBy);
    if (accepted && task) {
      // Shown at once: the item is on its way again, not still waiting (the worker takes the answer next poll).
      await applicationItems.setStatus(this.#options.db, task.applicationId, task.itemId, 'running');
      await publishEvent(this.#options.clients.publisher, {
        type: 'human-task',
        applicationId: task.applicationId,
        itemId: task.itemId,
        taskId: id,
        kind: task.kind,
        status: 'answered',
      });
    }
    return accepted;
  }

  runs(filter: RunFilter): Promise<BotRunRow[]> {
    return botRuns.list(this.#options.db, filter);
  }

  run(id: number): Promise<BotRunRow | undefined> {
    return botRuns.get(this.#options.db, id);
  }

  steps(runId: number): Promise<RunStepRow[]> {
    return botRuns.steps(this.#options.db, runId);
  }

  settings(): Promise<PortalSettingsRow[]> {
    return portalSettings.list(this.#options.db);
  }

  /** Stores an admin's change and applies it to Redis at once, for every worker on every machine. */
  async updateSettings(
    portalId: string,
    change: PortalSettingsChange,
    by: string,
  ): Promise<PortalSettingsRow> {
    const updated = await portalSettings.update(this.#options.db, portalId, change, by);
    await this.#options.clients.applySettings(updated);
    return updated;
  }

  /**
   * The application's items whose portal holds new filings because a drift check found a change that
   * will fail them, with the reason the clerk reads.
   */
  async heldItems(applicationId: string): Promise<Record<string, string>> {
    const held = (await this.settings()).filter((setting) => setting.driftHold);
    if (held.length === 0) return {};
    const plan = await this.#options.source.plan(applicationId).catch(() => []);
    return Object.fromEntries(
      plan.flatMap((item) => {
        const reason = held.find((setting) => setting.portalId === item.portalId)?.driftHold;
        return reason ? [[item.itemId, reason]] : [];
      }),
    );
  }

  /** Each portal's newest drift check, and its newest that ran (not skipped). */
  checks(): Promise<{ last: PortalCheckRow; lastRun?: PortalCheckRow }[]> {
    return portalChecks.latest(this.#options.db);
  }

  /** 立即检查: a drift check of one portal, queued at once on the drift-check queue. */
  async checkNow(portalId: string): Promise<void> {
    if (!this.portalIds.includes(portalId)) throw new Error(`Unknown portal ${portalId}`);
    const data: DriftJobData = { scope: 'portal', portalId, trigger: 'admin' };
    await this.#options.clients.drift.add('portal', data, {
      ...DRIFT_JOB_OPTIONS,
      jobId: driftJobId(portalId, Date.now()),
    });
  }

  driftSchedule(): Promise<DriftScheduleRow> {
    return portalChecks.schedule(this.#options.db, this.#options.timeZone ?? 'Asia/Shanghai');
  }

  /** When the next scheduled drift check starts (ms since the epoch), if one is scheduled. */
  nextDriftCheck(): Promise<number | undefined> {
    return nextDriftRun(this.#options.clients.drift);
  }

  /** Stores the admin's schedule and upserts the BullMQ job scheduler that makes the nightly checks. */
  async setDriftSchedule(change: DriftScheduleChange, by: string): Promise<DriftScheduleRow> {
    const current = await this.driftSchedule();
    const stored = await portalChecks.setSchedule(
      this.#options.db,
      { ...change, timeZone: this.#options.timeZone ?? current.timeZone },
      by,
    );
    await applyDriftSchedule(this.#options.clients.drift, stored);
    return stored;
  }

  /** Items in the bots' hands that have not moved since `before`. */
  stuckItems(before: Date): Promise<ApplicationItemRow[]> {
    return applicationItems.stuck(this.#options.db, before);
  }

  /** Worker processes on every machine, from their heartbeats. */
  workers(): Promise<WorkerStatus[]> {
    return listWorkers(this.#options.clients.publisher);
  }

  depth(portalId: string) {
    return this.#options.clients.depth(portalId);
  }

  credentials(): Promise<PortalCredentialSummary[]> {
    return portalCredentials.list(this.#options.db, this.#options.box);
  }

  setCredentials(portalId: string, username: string, password: string, by: string): Promise<void> {
    return portalCredentials.set(this.#options.db, this.#options.box, portalId, username, password, by);
  }

  /** Live events from workers; the returned function stops the subscription and its connection. */
  async subscribe(onEvent: (event: LiveEvent) => void): Promise<() => Promise<void>> {
    const subscriber: Redis = createRedis(this.#options.clients.redisUrl, 'producer');
    const stop = await subscribeEvents(subscriber, onEvent);
    return async () => {
      await stop();
      subscriber.disconnect();
    };
  }
}
