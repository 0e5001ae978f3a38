import { join } from 'node:path';
import { type BrowserRunner, createBrowserRunner } from '../bots/browser-runner.ts';
import { DECLARATIONS, declarationFor } from '../bots/portals/registry.ts';
import type { BrowserRunnerOptions } from '../bots/runtime/options.ts';
import type { Logger } from '../lib/logger.ts';
import { SealedBox } from '../lib/sealed-box.ts';
import { createApplicationSource } from '../queue/application-source.ts';
import { BotQueue } from '../queue/bot-queue.ts';
import { completeApplicationWhenDone } from '../queue/complete-application.ts';
import type { PlanSource } from '../queue/plan-source.ts';
import { createPortalDirectory } from '../queue/portal-directory.ts';
import { QueueClients } from '../queue/queue-clients.ts';
import { DEFAULT_TUNING, type QueueTuning } from '../queue/queue-options.ts';
import { startWorkers, type WorkerSet } from '../queue/workers.ts';
import { PORTAL_IDS } from '../sandbox/kit/portal.ts';
import { CONTROL_TOKEN_FILE } from '../sandbox/start.ts';
import type { Db } from '../store/db.ts';
import { type CaptchaMode, captchaReading } from './captcha-reading.ts';
import { createDriftChecker, type InstalledDriftChecker, sandboxRegistryPublisher } from './drift-checker.ts';

/** Every portal the bots can file with, by portal id (the order of the sandbox's ports). */
export const BOT_PORTAL_IDS: readonly string[] = DECLARATIONS.map((declaration) => declaration.portalId);

/**
 * Addresses of the sandbox portals when they run on `basePort` (see sandbox/start.ts: the index takes the
 * base port, each portal the next in PORTAL_IDS order). Admins point a portal at a real system instead by
 * setting its base URL in the portal settings. `index` is the index app, where the control API publishes
 * companies in the inter-agency registry.
 */
export function sandboxPortalUrls(basePort: number, host = '127.0.0.1'): Record<string, string> {
  return {
    index: `http://${host}:${basePort}`,
    ...Object.fromEntries(PORTAL_IDS.map((id, index) => [id, `http://${host}:${basePort + index + 1}`])),
  };
}

export interface BotSystemOptions {
  db: Db;
  redisUrl: string;
  secret: string;
  dataDir: string;
  logger: Logger;
  sandboxUrls: Readonly<Record<string, string>>;
  tuning?: Partial<QueueTuning>;
  /** The centre's TIME_ZONE: the drift checks' nightly schedule is in it. */
  timeZone?: string;
  chromiumPath?: string | undefined;
  /** Run workers in this process (start, worker) or only talk to the queues (server). */
  workers?: {
    portals: readonly string[];
    concurrency: number;
    coordinator: boolean;
    /** Browser contexts open at once in this process; default: `defaultBrowserContexts`. */
    browserContexts?: number | undefined;
    /** Who reads image CAPTCHAs: the template reader for the styles it serves (default), or always a person. */
    captcha?: CaptchaMode;
    /** Further runner options (benchmarks: a browser per job, no kept sessions, for the naive baseline). */
    runner?: BrowserRunnerOptions;
  };
}

/**
 * Browser contexts a worker process keeps open at once. Every portal queue runs `concurrency` jobs, and
 * most of a job's time is spent waiting — on the portal, on an SMS code, on a notice's countdown — so
 * one context per possible job, up to a cap that bounds memory (a context with its page ≈ 60–100 MB).
 * A smaller pool made jobs of different portals queue behind one another inside the process.
 */
export const MAX_DEFAULT_BROWSER_CONTEXTS = 8;
export const defaultBrowserContexts = (concurrency: number, portals: number): number =>
  Math.max(1, Math.min(MAX_DEFAULT_BROWSER_CONTEXTS, concurrency * portals));

export interface BotSystem {
  queue: BotQueue;
  /** The application source the workers project from (benchmarks verify against it). */
  source: PlanSource;
  workers?: WorkerSet;
  /** The browser runner of this process's workers (its pool statistics). */
  runner?: BrowserRunner;
  close(graceMs?: number): Promise<void>;
}

/** Applications as the bots read them: each item filed with the portal whose declaration handles it. */
export const botApplicationSource = (db: Db, dataDir: string) =>
  createApplicationSource({ db, dataDir, portalOf: (itemId) => declarationFor(itemId)?.portalId });

/** The key that seals portal passwords; one purpose of YIJIAN_SECRET. */
export const credentialsBox = (secret: string) => new SealedBox(secret, 'portal-credentials');

/** Composes queue, store, forms and bots: the one place that knows all of them. */
export async function startBotSystem(options: BotSystemOptions): Promise<BotSystem> {
  const tuning: QueueTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const clients = new QueueClients(options.redisUrl, BOT_PORTAL_IDS);
  const box = credentialsBox(options.secret);
  const source = botApplicationSource(options.db, options.dataDir);
  const queue = new BotQueue({
    db: options.db,
    clients,
    source,
    box,
    logger: options.logger,
    tuning,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  await queue.init();

  let workers: WorkerSet | undefined;
  let runner: BrowserRunner | undefined;
  let drift: InstalledDriftChecker | undefined;
  if (options.workers) {
    // Image CAPTCHAs of a style the reader serves are read by the bots themselves; the clerk is asked for
    // any other style, and when the reader's tries fail.
    const captcha = captchaReading(options.workers.captcha ?? 'reader', options.logger);
    // Templates are drawn only by a worker whose portals show a CAPTCHA of a served style.
    const workerPortals = options.workers.portals;
    captcha.warmUp(
      DECLARATIONS.filter((declaration) => workerPortals.includes(declaration.portalId)).flatMap(
        (declaration) => declaration.login.imageCaptchaStyle ?? [],
      ),
    );
    runner = createBrowserRunner({
      ...(captcha.read ? { readCaptcha: captcha.read } : {}),
      poolSize:
        options.workers.browserContexts ??
        defaultBrowserContexts(options.workers.concurrency, options.workers.portals.length),
      personTimeoutMs: tuning.personTimeoutMs,
      ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {}),
      ...options.workers.runner,
    });
    const directory = createPortalDirectory({ db: options.db, box, sandboxUrls: options.sandboxUrls });
    // The process that runs the coordinator runs the drift checks too (one at a time over all workers).
    if (options.workers.coordinator) {
      drift = createDriftChecker({
        directory,
        publishCompany: sandboxRegistryPublisher(
          options.sandboxUrls.index ?? '',
          join(options.dataDir, 'portals', CONTROL_TOKEN_FILE),
          options.logger,
        ),
        readCaptcha: captcha.read,
        chromiumPath: options.chromiumPath,
        logger: options.logger,
      });
    }
    workers = startWorkers({
      clients,
      db: options.db,
      runner,
      source,
      directory,
      ...(drift ? { driftCheck: drift.check } : {}),
      dataDir: options.dataDir,
      logger: options.logger,
      tuning,
      portals: options.workers.portals,
      concurrency: options.workers.concurrency,
      coordinator: options.workers.coordinator,
      onSettled: completeApplicationWhenDone(options.db, clients.publisher),
    });
  }
  return {
    queue,
    source,
    ...(workers ? { workers } : {}),
    ...(runner ? { runner } : {}),
    async close(graceMs) {
      await workers?.close(graceMs);
      await runner?.close();
      await drift?.close();
      await clients.close();
    },
  };
}
