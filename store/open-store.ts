import { join } from 'node:path';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite-db.ts';
import { openPostgres } from './postgres-db.ts';

export interface StoreOptions {
  /** A PostgreSQL server; without it the embedded PGlite under `dataDir` is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Apply pending migrations on open (the default). `doctor` opens without migrating. */
  migrate?: boolean;
}

/** Folder of the embedded cluster inside DATA_DIR. */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

export async function openStore(options: StoreOptions): Promise<Db> {
  const db = options.databaseUrl
    ? await openPostgres({ url: options.databaseUrl })
    : await openPglite(pgliteDir(options.dataDir));
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
