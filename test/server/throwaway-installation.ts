import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLogger } from '../../lib/logger.ts';
import { freePort } from '../../lib/net.ts';
import { createAppWithServices } from '../../server/app.ts';
import { closeServer, listen } from '../../server/listen.ts';
import { type AppDeps, createServices, type Services } from '../../server/services.ts';
import { OutboxSms } from '../../server/sms/sms.ts';
import type { Db } from '../../store/db.ts';
import { migrate } from '../../store/migrate.ts';
import { openPglite } from '../../store/pglite-db.ts';
import { startTestBots, type TestBots } from './bots-harness.ts';

/** Where a screenshot script writes its pictures: its first argument, or docs/screenshots. */
export function screenshotFolder(): string {
  const out = resolve(process.argv[2] ?? 'docs/screenshots');
  mkdirSync(out, { recursive: true });
  return out;
}

export interface ThrowawayInstallation {
  db: Db;
  dataDir: string;
  bots: TestBots;
  services: Services;
  server: Server;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Stops the web server and the bots, closes the store and deletes the data folder. */
  close(): Promise<void>;
}

/**
 * An installation that lives as long as a screenshot script: PGlite in memory, the real queue with scripted
 * bots, and the web server on a free port. `more` adds to the services (OCR, the queue board).
 */
export async function startThrowawayInstallation(
  name: string,
  more: (bots: TestBots) => Partial<AppDeps> = () => ({}),
): Promise<ThrowawayInstallation> {
  const dataDir = mkdtempSync(join(tmpdir(), `yijian-${name}-`));
  const db = await openPglite(undefined);
  await migrate(db);
  const bots = await startTestBots(db, dataDir);
  const services = createServices({
    logger: createLogger({ level: 'silent' }),
    health: async () => ({
      status: 'ok',
      redis: { ok: true },
      store: { ok: true, kind: 'pglite', migrated: true },
      uptimeSeconds: 0,
    }),
    db,
    dataDir,
    secret: 'screenshots-secret-0123456789abcdef',
    options: { passwordCost: 1024 },
    bots: bots.queue,
    // As `yijian start --demo`: registration codes are shown on the page.
    sms: new OutboxSms(),
    ...more(bots),
  });
  const port = await freePort();
  const server = await listen(createAppWithServices(services).app, port, '127.0.0.1');
  return {
    db,
    dataDir,
    bots,
    services,
    server,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await closeServer(server);
      await bots.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
