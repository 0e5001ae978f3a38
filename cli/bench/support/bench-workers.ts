import { type BrowserRunner, createBrowserRunner } from '../../../bots/browser-runner.ts';
import type { ItemRunner } from '../../../bots/item-runner.ts';
import type { BrowserRunnerOptions } from '../../../bots/runtime/options.ts';
import type { Logger } from '../../../lib/logger.ts';
import { completeApplicationWhenDone } from '../../../queue/complete-application.ts';
import { createPortalDirectory } from '../../../queue/portal-directory.ts';
import { QueueClients } from '../../../queue/queue-clients.ts';
import type { QueueTuning } from '../../../queue/queue-options.ts';
import { startWorkers } from '../../../queue/workers.ts';
import type { Db } from '../../../store/db.ts';
import { BOT_PORTAL_IDS, botApplicationSource, credentialsBox } from '../../bot-system.ts';

export interface BenchWorkerOptions {
  db: Db;
  redisUrl: string;
  secret: string;
  dataDir: string;
  logger: Logger;
  sandboxUrls: Readonly<Record<string, string>>;
  tuning: QueueTuning;
  /** Portal queues served; none with `coordinator` alone. */
  portals: readonly string[];
  concurrency: number;
  coordinator: boolean;
  /** Browser pool of this set (cli/bot-system.ts uses poolSize = concurrency and the runner's defaults). */
  runner?: BrowserRunnerOptions;
}

export interface BenchWorkers {
  runner: BrowserRunner | undefined;
  close(): Promise<void>;
}

/** The coordinator runs no item; a runner that refuses keeps that visible should it ever be asked to. */
const NO_RUNNER: ItemRunner = {
  run: () => Promise.reject(new Error('coordinator-only worker set runs no item')),
  followUp: () => Promise.reject(new Error('coordinator-only worker set runs no item')),
  close: async () => {},
};

/**
 * A worker set composed as cli/bot-system.ts composes `yijian start`'s workers (application source, portal
 * directory with the sealed sandbox credentials, browser runner, startWorkers, the completion hook), except
 * that the benchmark chooses the served portals and the browser pool — so one phase can run with a pool of 1
 * that launches a new Chromium for every job (the naive baseline) and the next with the shared browser.
 */
export function startBenchWorkers(options: BenchWorkerOptions): BenchWorkers {
  const clients = new QueueClients(options.redisUrl, BOT_PORTAL_IDS);
  const box = credentialsBox(options.secret);
  const runner =
    options.portals.length > 0
      ? createBrowserRunner({
          poolSize: options.concurrency,
          personTimeoutMs: options.tuning.personTimeoutMs,
          ...options.runner,
        })
      : undefined;
  const workers = startWorkers({
    clients,
    db: options.db,
    runner: runner ?? NO_RUNNER,
    source: botApplicationSource(options.db, options.dataDir),
    directory: createPortalDirectory({ db: options.db, box, sandboxUrls: options.sandboxUrls }),
    dataDir: options.dataDir,
    logger: options.logger,
    tuning: options.tuning,
    portals: options.portals,
    concurrency: options.concurrency,
    coordinator: options.coordinator,
    onSettled: completeApplicationWhenDone(options.db, clients.publisher),
  });
  return {
    runner,
    async close() {
      await workers.close(10_000);
      await runner?.close();
      await clients.close();
    },
  };
}
