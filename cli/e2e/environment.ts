import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from '../../lib/logger.ts';
import { sleep } from '../../lib/net.ts';
import type { QueueTuning } from '../../queue/queue-options.ts';
import type { FaultPatch } from '../../sandbox/kit/faults.ts';
import { type RunningPortals, startPortals } from '../../sandbox/start.ts';
import type { ApplicationItemRow } from '../../store/application-items.repo.ts';
import type { Db } from '../../store/db.ts';
import { BOT_PORTAL_IDS, type BotSystem, credentialsBox, startBotSystem } from '../bot-system.ts';
import type { CaptchaMode } from '../captcha-reading.ts';
import { seedSandboxCredentials } from '../sandbox-credentials.ts';
import { SandboxClient } from './sandbox-client.ts';

export interface E2eEnvironment {
  portals: RunningPortals;
  sandbox: SandboxClient;
  bots: BotSystem;
  secret: string;
  close(): Promise<void>;
}

/**
 * Everything an end-to-end run needs on one machine: the sandbox portals, the bot system (with workers in
 * this process unless `workers` is false — the chaos test runs them in child processes) and the bots'
 * portal accounts. Used by `yijian bench e2e`/`bench bots` and by the integration tests.
 */
export async function startE2eEnvironment(options: {
  db: Db;
  dataDir: string;
  redisUrl: string;
  logger: Logger;
  tuning?: Partial<QueueTuning>;
  faults?: FaultPatch;
  workers?: { concurrency: number; captcha?: CaptchaMode } | false;
  chromiumPath?: string | undefined;
  secret?: string;
}): Promise<E2eEnvironment> {
  const portals = await startPortals({
    basePort: 0,
    dataDir: join(options.dataDir, 'portals'),
    ...(options.faults ? { faults: options.faults } : {}),
    tickMs: 100,
  });
  const sandbox = new SandboxClient(portals.urls, portals.controlToken);
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const bots = await startBotSystem({
    db: options.db,
    redisUrl: options.redisUrl,
    secret,
    dataDir: options.dataDir,
    logger: options.logger,
    sandboxUrls: portals.urls,
    chromiumPath: options.chromiumPath,
    ...(options.tuning ? { tuning: options.tuning } : {}),
    ...(options.workers === false
      ? {}
      : {
          workers: {
            portals: BOT_PORTAL_IDS,
            concurrency: options.workers?.concurrency ?? 2,
            coordinator: true,
            ...(options.workers?.captcha ? { captcha: options.workers.captcha } : {}),
          },
        }),
  });
  await seedSandboxCredentials(options.db, credentialsBox(secret));
  return {
    portals,
    sandbox,
    bots,
    secret,
    async close() {
      await bots.close(5_000);
      await portals.stop();
    },
  };
}

/** Waits until every item is done, or nothing more can move (failed items and those that need them). */
export async function waitUntilSettled(
  bots: BotSystem,
  applicationId: string,
  timeoutMs: number,
): Promise<ApplicationItemRow[]> {
  const until = Date.now() + timeoutMs;
  const plan = await bots.source.plan(applicationId);
  while (Date.now() < until) {
    const rows = await bots.queue.items(applicationId);
    const status = new Map(rows.map((row) => [row.itemId, row.status]));
    const blocked = (itemId: string): boolean =>
      plan.find((p) => p.itemId === itemId)?.needs.some((n) => status.get(n) === 'failed' || blocked(n)) ??
      false;
    const moving = plan.some((p) => {
      const s = status.get(p.itemId);
      return s !== 'done' && s !== 'failed' && !blocked(p.itemId);
    });
    if (!moving && rows.length === plan.length) return rows;
    await sleep(200);
  }
  const rows = await bots.queue.items(applicationId);
  const runs = await bots.queue.runs({ applicationId, limit: 50 });
  const states = rows.map((row) => `${row.itemId}=${row.status}`).join(', ');
  const failures = runs
    .filter((run) => run.failure)
    .map((run) => `${run.itemId}#${run.attempt}: ${JSON.stringify(run.failure)}`)
    .join('\n');
  throw new Error(
    `application ${applicationId} did not settle within ${timeoutMs} ms: ${states}\n${failures}`,
  );
}
