import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.ts';
import { loadMigrations, MigrationChangedError, migrate, pendingMigrations } from '../../store/migrate.ts';
import { openPglite } from '../../store/pglite-db.ts';
import { findTestPostgres, openTestPostgres, type TestStore } from '../support/stores.ts';

const postgres = await findTestPostgres();

interface Backend {
  name: string;
  skip: string | false;
  open(): Promise<TestStore>;
}

const backends: Backend[] = [
  {
    name: 'embedded PGlite',
    skip: false,
    // A brand-new cluster, not the suite's template: this is where migrations must prove themselves.
    async open() {
      const db = await openPglite(undefined);
      return { db, cleanup: () => db.close() };
    },
  },
  {
    name: 'PostgreSQL server',
    skip: 'skip' in postgres ? postgres.skip : false,
    open: () => openTestPostgres('url' in postgres ? postgres.url : ''),
  },
];

describe.each(backends)('migrations on $name', (backend) => {
  let store: TestStore | undefined;
  afterEach(async () => {
    await store?.cleanup();
    store = undefined;
  });
  const test = backend.skip ? it.skip : it;

  test('apply every migration on an empty database, then nothing the second time', async () => {
    store = await backend.open();
    const all = loadMigrations().map((m) => m.version);
    expect(await pendingMigrations(store.db)).toEqual(all);
    expect(await migrate(store.db)).toEqual(all);
    expect(await migrate(store.db)).toEqual([]);
    expect(await pendingMigrations(store.db)).toEqual([]);
    const recorded = await store.db.query<{ version: string }>(
      'SELECT version FROM schema_migrations ORDER BY 1',
    );
    expect(recorded.map((r) => r.version)).toEqual(all);
  });

  test('the audit log accepts rows and refuses to rewrite them', async () => {
    store = await backend.open();
    await migrate(store.db);
    const [row] = await store.db.query<{ id: number; detail: { item: string } }>(
      "INSERT INTO audit_log (actor_id, action, detail) VALUES ('u1', 'application.submit', $1) RETURNING id, detail",
      [{ item: 'seal-engraving' }],
    );
    expect(row?.detail).toEqual({ item: 'seal-engraving' });
    await expect(store.db.query('UPDATE audit_log SET action = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(store.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await store.db.query('SELECT action FROM audit_log')).toEqual([{ action: 'application.submit' }]);
  });

  test('an applied migration that was edited is refused, and nothing else is applied', async () => {
    store = await backend.open();
    const dir = mkdtempSync(join(tmpdir(), 'yijian-migrations-'));
    writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE first_table (id int);');
    await migrate(store.db, loadMigrations(dir));
    writeFileSync(join(dir, '0001_first.sql'), 'CREATE TABLE first_table (id bigint);');
    writeFileSync(join(dir, '0002_second.sql'), 'CREATE TABLE second_table (id int);');
    await expect(migrate(store.db, loadMigrations(dir))).rejects.toBeInstanceOf(MigrationChangedError);
    const tables = await store.db.query(
      "SELECT 1 FROM information_schema.tables WHERE table_name = 'second_table'",
    );
    expect(tables).toEqual([]);
  });

  test('a failing migration rolls back completely', async () => {
    store = await backend.open();
    const dir = mkdtempSync(join(tmpdir(), 'yijian-migrations-'));
    writeFileSync(join(dir, '0001_ok.sql'), 'CREATE TABLE ok_table (id int);');
    writeFileSync(
      join(dir, '0002_broken.sql'),
      'CREATE TABLE broken_table (id int); SELECT no_such_function();',
    );
    await expect(migrate(store.db, loadMigrations(dir))).rejects.toThrow(/no_such_function/);
    expect(await pendingMigrations(store.db, loadMigrations(dir))).toEqual(['0001', '0002']);
  });
});

describe.skipIf('skip' in postgres)('migrations on a shared PostgreSQL server', () => {
  it('two processes migrating at once apply each file exactly once', async () => {
    const url = 'url' in postgres ? postgres.url : '';
    const first = await openTestPostgres(url);
    const schema = (await first.db.query<{ s: string }>('SELECT current_schema() AS s'))[0]?.s ?? '';
    const { openPostgres } = await import('../../store/postgres-db.ts');
    const second: Db = await openPostgres({ url, schema });
    try {
      const [a, b] = await Promise.all([migrate(first.db), migrate(second)]);
      expect([...a, ...b].sort()).toEqual(loadMigrations().map((m) => m.version));
    } finally {
      await second.close();
      await first.cleanup();
    }
  });
});
