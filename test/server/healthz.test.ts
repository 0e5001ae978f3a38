import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { silentLogger } from '../../lib/logger.ts';
import { freePort } from '../../lib/net.ts';
import { createApp } from '../../server/app.ts';
import { checkHealth } from '../../server/health.ts';
import { closeServer, listen } from '../../server/listen.ts';
import { openTestPglite, type TestStore } from '../support/stores.ts';

describe('/healthz', () => {
  let store: TestStore;
  let server: Server;
  let base: string;
  let redisUrl = inject('redisUrl');

  beforeAll(async () => {
    store = await openTestPglite();
    const app = createApp({
      logger: silentLogger,
      health: () => checkHealth({ db: store.db, redisUrl }),
      db: store.db,
      dataDir: tmpdir(),
      secret: 'healthz-test-secret-0123456789abcdef',
    });
    const port = await freePort();
    server = await listen(app, port, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await closeServer(server);
    await store.cleanup();
  });

  it('reports Redis and the store healthy', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      redis: { ok: true },
      store: { ok: true, kind: 'pglite', migrated: true, pending: [] },
    });
  });

  it('answers 503 and names Redis when Redis is unreachable', async () => {
    const healthy = redisUrl;
    redisUrl = `redis://127.0.0.1:${await freePort()}`;
    try {
      const response = await fetch(`${base}/healthz`);
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toMatchObject({ status: 'degraded', redis: { ok: false }, store: { ok: true } });
      expect(body.redis.error).toMatch(/ECONNREFUSED/);
    } finally {
      redisUrl = healthy;
    }
  });
});
