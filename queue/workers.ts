import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ItemRunner } from '../bots/item-runner.ts';
import type { Logger } from '../lib/logger.ts';
import type { Db } from '../store/db.ts';
import { type CoordinatorOptions, createAdvanceProcessor } from './coordinator.ts';
import { createDriftProcessor, type DriftChecker } from './drift-processor.ts';
import { startHeartbeat } from './heartbeat.ts';
import { createItemProcessor } from './item-processor.ts';
import { COORDINATOR_QUEUE, DRIFT_QUEUE, portalQueueName, QUEUE_PREFIX } from './names.ts';
import type { PlanSource, PortalDirectory } from './plan-source.ts';
import type { QueueClients } from './queue-clients.ts';
import { cappedBackoff, itemJobOptions, type QueueTuning } from './queue-options.ts';
import { createRedis } from './redis/connection.ts';

export interface WorkerSetOptions {
  clients: QueueClients;
  db: Db;
  runner: ItemRunner;
  source: PlanSource;
  directory: PortalDirectory;
  dataDir: string;
  logger: Logger;
  tuning: QueueTuning;
  /** Portal queues this process serves (all by default). */
  portals: readonly string[];
  /** Jobs this process runs at once per portal queue; the admin's global concurrency caps all processes. */
  concurrency: number;
  /** Whether this process also runs the coordinator (hand-offs between items). */
  coordinator: boolean;
  onSettled?: CoordinatorOptions['onSettled'];
  /** Runs the drift checks (docs/drift-check.md) in this process, one at a time, apart from filings. */
  driftCheck?: DriftChecker;
  /** How often this process tells the admin's 工作进程 page it is alive. Default 5 s. */
  heartbeatMs?: number;
}

export interface WorkerSet {
  workers: Worker[];
  /** Stops taking jobs; running jobs get `graceMs` to finish, then are handed back (they stall and resume). */
  close(graceMs?: number): Promise<void>;
}

export function startWorkers(options: WorkerSetOptions): WorkerSet {
  const { clients, tuning, logger } = options;
  const workerOptions = {
    prefix: QUEUE_PREFIX,
    settings: { backoffStrategy: cappedBackoff(tuning) },
    lockDuration: tuning.lockDurationMs,
    stalledInterval: tuning.stalledIntervalMs,
    maxStalledCount: tuning.maxStalledCount,
  };
  const processItem = createItemProcessor({
    db: options.db,
    publisher: clients.publisher,
    runner: options.runner,
    source: options.source,
    portals: options.directory,
    dataDir: options.dataDir,
    logger,
    personTimeoutMs: tuning.personTimeoutMs,
    personPollMs: tuning.personPollMs,
    stallTimeoutMs: tuning.stallTimeoutMs,
    followUpDelayMs: tuning.followUpDelayMs,
    followUpDelayMaxMs: tuning.followUpDelayMaxMs,
    maxFollowUps: tuning.maxFollowUps,
  });
  // Counted for the heartbeat: the jobs of every portal queue this process is running now.
  let running = 0;
  const itemProcessor: typeof processItem = async (job, token) => {
    running += 1;
    try {
      return await processItem(job, token);
    } finally {
      running -= 1;
    }
  };
  // Connections handed to a Worker are not closed by it: they are kept here and closed after the workers.
  const connections: Redis[] = [];
  const connection = () => {
    const redis = createRedis(clients.redisUrl, 'worker');
    connections.push(redis);
    return redis;
  };
  const workers: Worker[] = options.portals.map(
    (portalId) =>
      new Worker(portalQueueName(portalId), itemProcessor, {
        ...workerOptions,
        connection: connection(),
        concurrency: options.concurrency,
      }),
  );
  if (options.coordinator) {
    const advance = createAdvanceProcessor({
      db: options.db,
      publisher: clients.publisher,
      flows: clients.flows,
      source: options.source,
      logger,
      itemJobOptions: itemJobOptions(tuning),
      ...(options.onSettled ? { onSettled: options.onSettled } : {}),
    });
    workers.push(
      new Worker(COORDINATOR_QUEUE, advance, {
        ...workerOptions,
        connection: connection(),
        concurrency: 4,
      }),
    );
  }
  if (options.driftCheck) {
    const drift = createDriftProcessor({
      db: options.db,
      clients,
      check: options.driftCheck,
      logger,
    });
    workers.push(
      new Worker(DRIFT_QUEUE, drift, { ...workerOptions, connection: connection(), concurrency: 1 }),
    );
  }
  const heartbeat = startHeartbeat({
    redis: clients.publisher,
    portals: options.portals,
    coordinator: options.coordinator,
    concurrency: options.concurrency,
    running: () => running,
    ...(options.heartbeatMs ? { intervalMs: options.heartbeatMs } : {}),
  });
  for (const worker of workers) {
    worker.on('error', (error) => logger.error({ err: error, queue: worker.name }, '队列工作进程出错'));
  }
  return {
    workers,
    async close(graceMs = 30_000) {
      await heartbeat.stop();
      const graceful = Promise.all(workers.map((worker) => worker.close()));
      const timedOut = await Promise.race([
        graceful.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
      ]);
      // Jobs still running are handed back: their locks lapse and another worker resumes them.
      if (timedOut) await Promise.all(workers.map((worker) => worker.close(true)));
      for (const redis of connections) redis.disconnect();
    },
  };
}
