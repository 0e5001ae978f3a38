import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '../../store/db.ts';
import { openPglite } from '../../store/pglite-db.ts';
import { openPostgres } from '../../store/postgres-db.ts';

export interface TestStore {
  db: Db;
  cleanup(): Promise<void>;
}

/** A migrated embedded store of its own, copied from the suite's template (fast). */
export async function openTestPglite(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'yijian-pglite-'));
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  const db = await openPglite(dir);
  return {
    db,
    async cleanup() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Under CI a test never skips for want of a database: it fails, so a green run means it ran. */
const inCi = () => !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

/** The reason to skip, printed; under CI an error instead. */
function skipOrFail(reason: string): { skip: string } {
  if (inCi())
    throw new Error(`PostgreSQL tests cannot run (CI is set, so they fail instead of skipping): ${reason}`);
  process.stdout.write(`[skip] PostgreSQL store tests: ${reason}\n`);
  return { skip: reason };
}

let probed: Promise<{ url: string } | { skip: string }> | undefined;

/**
 * The PostgreSQL server the store tests also run against: TEST_DATABASE_URL or DATABASE_URL when set, else
 * the suite's private server (see global-setup.ts). Resolves to a reason to skip when there is none, and
 * rejects instead under CI.
 */
export function findTestPostgres(): Promise<{ url: string } | { skip: string }> {
  probed ??= (async () => {
    const server = inject('postgres');
    if ('unavailable' in server)
      return skipOrFail(`${server.unavailable}; or set TEST_DATABASE_URL to a server`);
    const { url } = server;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { url };
    } catch (error) {
      return skipOrFail(
        `no PostgreSQL server answered (${url.replace(/\/\/[^@]*@/, '//…@')}: ${(error as Error).message})`,
      );
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return probed;
}

/** A fresh schema on the real server, dropped by cleanup; not migrated (the caller decides). */
export async function openTestPostgres(url: string): Promise<TestStore> {
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const db = await openPostgres({ url, schema, maxConnections: 4 });
  return {
    db,
    async cleanup() {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    },
  };
}

/**
 * A database of its own on the real server, for tests whose child processes connect by DATABASE_URL (a
 * schema cannot be named in a URL). Resolves to a reason to skip when the server refuses CREATE DATABASE
 * (rejects under CI).
 */
export async function createScratchDatabase(
  url: string,
): Promise<{ url: string; drop(): Promise<void> } | { skip: string }> {
  const name = `yijian_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    return skipOrFail(`cannot create a scratch database on the test server: ${(error as Error).message}`);
  }
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
    },
  };
}
