import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../lib/processes.ts';

export class StoreInUseError extends Error {
  override readonly name = 'StoreInUseError';
  readonly code = 'STORE_IN_USE';
  constructor(
    readonly pid: number,
    dir: string,
  ) {
    super(
      `内置数据库 ${dir} 正被进程 ${pid} 使用。内置数据库（PGlite）只能由一个进程打开；` +
        '多个进程共享数据时请设置 DATABASE_URL 使用 PostgreSQL 服务器。',
    );
  }
}

/** The pid holding the embedded store folder, if a live process does. */
export function pgliteHolder(dir: string): number | undefined {
  const file = join(dir, 'yijian.lock');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : undefined;
}

/**
 * PGlite has no lock of its own and two processes opening one folder corrupt it, so we keep a pid file.
 * A file left by a dead process is taken over.
 */
export function lockPgliteDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const holder = pgliteHolder(dir);
  if (holder !== undefined) throw new StoreInUseError(holder, dir);
  const file = join(dir, 'yijian.lock');
  writeFileSync(file, String(process.pid), { mode: 0o600 });
  return () => {
    if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid))
      rmSync(file, { force: true });
  };
}
