import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Queue } from 'bullmq';
import { createLogger } from '../../lib/logger.ts';
import { freePort } from '../../lib/net.ts';
import type { OcrService } from '../../ocr/service.ts';
import { createAppWithServices } from '../../server/app.ts';
import { hashPassword } from '../../server/auth/password.ts';
import type { BotsPort } from '../../server/bots.ts';
import type { FormCatalog } from '../../server/catalog.ts';
import { bridgeQueueEvents } from '../../server/events/queue-bridge.ts';
import { closeServer, listen } from '../../server/listen.ts';
import type { ServerOptions } from '../../server/options.ts';
import { createServices, type Services } from '../../server/services.ts';
import { OutboxSms, type SmsSender } from '../../server/sms/sms.ts';
import type { Db } from '../../store/db.ts';
import type { Role } from '../../store/users.repo.ts';
import { openTestPglite, type TestStore } from '../support/stores.ts';

/**
 * One web server per test file on its own copy of the migrated store, with everything it logs kept in
 * memory (so tests can prove what never reaches a log line) and cheap password hashing.
 */
export const TEST_PASSWORD_COST = 2 ** 10;

export interface TestServer {
  base: string;
  services: Services;
  store: TestStore;
  dataDir: string;
  logs(): string;
  addUser(
    role: Role,
    login: string,
    password: string,
    extra?: { name?: string; centreId?: string },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: {
    options?: Partial<ServerOptions>;
    catalog?: FormCatalog;
    ocr?: () => Promise<OcrService>;
    /** The bots' queue and its Redis (live events from workers are forwarded from there). */
    bots?: (
      db: Db,
      dataDir: string,
    ) => Promise<{ queue: BotsPort; queues?: readonly Queue[]; redisUrl: string; close(): Promise<void> }>;
    /** Queues for the admin's queue board without the bots. */
    boardQueues?: readonly Queue[];
    /** How registration codes are sent: default the demo outbox the page shows; null: none (production without a gateway). */
    sms?: SmsSender | null;
  } = {},
): Promise<TestServer> {
  const store = await openTestPglite();
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-web-'));
  let logged = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  const bots = options.bots ? await options.bots(store.db, dataDir) : undefined;
  const services = createServices({
    logger: createLogger({ level: 'debug', destination }),
    health: async () => ({
      status: 'ok',
      redis: { ok: true },
      store: { ok: true, kind: 'pglite', migrated: true },
      uptimeSeconds: 0,
    }),
    db: store.db,
    dataDir,
    secret: 'test-secret-that-is-long-enough-0123456789',
    options: { passwordCost: TEST_PASSWORD_COST, ...options.options },
    ...(options.catalog ? { catalog: options.catalog } : {}),
    ...(options.ocr ? { ocr: options.ocr } : {}),
    ...(bots ? { bots: bots.queue } : {}),
    ...(bots?.queues ? { boardQueues: bots.queues } : {}),
    ...(options.boardQueues ? { boardQueues: options.boardQueues } : {}),
    ...(options.sms === null ? {} : { sms: options.sms ?? new OutboxSms() }),
  });
  const { app } = createAppWithServices(services);
  const stopBridge = bots
    ? await bridgeQueueEvents({
        redisUrl: bots.redisUrl,
        hub: services.events,
        applications: services.applications,
        logger: services.logger,
      })
    : undefined;
  const port = await freePort();
  const server: Server = await listen(app, port, '127.0.0.1');
  await services.users.upsertCentre({ id: 'longwen', name: '龙文区政务服务中心' });
  await services.users.upsertCentre({ id: 'xiangcheng', name: '芗城区政务服务中心' });
  return {
    base: `http://127.0.0.1:${port}`,
    services,
    store,
    dataDir,
    logs: () => logged,
    async addUser(role, login, password, extra = {}) {
      const user = await services.users.create({
        role,
        login,
        displayName: extra.name ?? login,
        passwordHash: await hashPassword(password, TEST_PASSWORD_COST),
        centreId: extra.centreId ?? (role === 'clerk' ? 'longwen' : null),
      });
      return user.id;
    },
    async close() {
      services.depthHistory?.stop();
      services.events.disconnectAll();
      await services.reader?.settled();
      await closeServer(server);
      await stopBridge?.();
      await bots?.close();
      await store.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
