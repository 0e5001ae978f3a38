import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { canConnect } from '../../lib/net.ts';
import { findPostgresBinDir, startManagedPostgres } from '../support/managed-postgres.ts';

const binDir = findPostgresBinDir();
const inCi = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
if (!binDir) process.stdout.write('[skip] private PostgreSQL: no initdb/postgres binaries (npm run setup)\n');

/** The suite's private PostgreSQL server: its own port and folder, trust on loopback, gone after stop(). */
describe.skipIf(!binDir && !inCi)('a private PostgreSQL server for the tests', () => {
  it('answers on a free loopback port, and leaves nothing behind when stopped', async () => {
    const server = await startManagedPostgres();
    let stopped = false;
    try {
      expect(server.port).not.toBe(5432);
      expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/postgres`);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        const [row] = (
          await client.query<{ user: string; encoding: string }>(
            "SELECT current_user AS user, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = 'postgres'",
          )
        ).rows;
        expect(row).toEqual({ user: 'postgres', encoding: 'UTF8' });
        await client.query('CREATE DATABASE scratch');
      } finally {
        await client.end();
      }
      await server.stop();
      stopped = true;
      expect(await canConnect('127.0.0.1', server.port)).toBe(false);
      expect(existsSync(server.dir)).toBe(false);
    } finally {
      if (!stopped) await server.stop();
    }
  });
});
