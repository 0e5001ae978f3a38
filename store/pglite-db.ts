import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { restrictTree } from '../lib/private-files.ts';
import { lockPgliteDir } from './data-dir-lock.ts';
import { type Db, PG_TYPE, type Queryable } from './db.ts';

const parsers = {
  [PG_TYPE.int8]: (value: string) => Number(value),
  [PG_TYPE.numeric]: (value: string) => Number(value),
  [PG_TYPE.date]: (value: string) => value,
};

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * The embedded PostgreSQL. `dataDir` undefined means in memory (tests); otherwise the cluster lives in
 * that folder and survives restarts. Only one process may open a folder at a time.
 *
 * The folder holds ID numbers (tables and WAL) and is its owner's alone. PGlite gives every file it creates
 * mode 0666 whatever the umask, so the folder is made 0700 (nobody else can reach inside) and the files are
 * narrowed to owner-only when it opens and when it closes.
 */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const restrict = () => {
    if (dataDir) restrictTree(dataDir);
  };
  const unlock = dataDir ? lockPgliteDir(dataDir) : () => {};
  let pg: PGlite;
  try {
    restrict();
    pg = await PGlite.create(dataDir, { parsers });
    restrict();
  } catch (error) {
    unlock();
    throw error;
  }
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    async close() {
      await pg.close();
      restrict();
      unlock();
    },
  };
}
