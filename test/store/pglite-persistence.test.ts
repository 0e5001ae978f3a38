import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreInUseError } from '../../store/data-dir-lock.ts';
import { openStore, pgliteDir } from '../../store/open-store.ts';
import { openPglite } from '../../store/pglite-db.ts';

describe('the embedded store under DATA_DIR', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its rows across a close and reopen, and migrates on open', async () => {
    const first = await openStore({ dataDir });
    await first.query("INSERT INTO audit_log (action) VALUES ('kept')");
    await first.close();
    const second = await openStore({ dataDir });
    expect(await second.query('SELECT action FROM audit_log')).toEqual([{ action: 'kept' }]);
    await second.close();
  });

  it('refuses a second opener while the folder is in use, naming the way out', async () => {
    const holder = await openStore({ dataDir });
    try {
      // Same process, so pretend the lock belongs to another live process (our parent).
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(pgliteDir(dataDir), 'yijian.lock'), String(process.ppid));
      const error = await openPglite(pgliteDir(dataDir)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreInUseError);
      expect((error as Error).message).toContain('DATABASE_URL');
    } finally {
      await holder.close();
    }
  });
});
