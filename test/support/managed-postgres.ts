import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  accessSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { freePort, sleep } from '../../lib/net.ts';
import { waitForExit } from '../../lib/processes.ts';

/**
 * A private PostgreSQL server for the test suite, as `startManagedRedis` is for Redis: `initdb` into a
 * temporary directory, `postgres` on a free loopback port with trust authentication, stopped and removed
 * by `stop()`. PostgreSQL refuses to run as root, so as root both run as an unprivileged user (`postgres`,
 * which the Debian package creates).
 */
export interface ManagedPostgres {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

export interface ManagedPostgresOptions {
  /** The folder holding `initdb` and `postgres`; found by `findPostgresBinDir` by default. */
  binDir?: string;
  /** The user to run as when this process is root; `postgres` by default. */
  user?: string;
  startTimeoutMs?: number;
}

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Where `initdb` and `postgres` are: PG_BIN_DIR when set (and only there), else the newest Debian server
 * (/usr/lib/postgresql/<version>/bin, not on PATH), else the PATH.
 */
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates: string[] = [];
  if (env.PG_BIN_DIR) candidates.push(env.PG_BIN_DIR);
  else {
    const debian = '/usr/lib/postgresql';
    if (existsSync(debian)) {
      const versions = readdirSync(debian)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .sort((a, b) => Number(b) - Number(a));
      candidates.push(...versions.map((v) => join(debian, v, 'bin')));
    }
    candidates.push(...(env.PATH ?? '').split(delimiter).filter(Boolean));
  }
  return candidates.find((dir) => isExecutable(join(dir, 'initdb')) && isExecutable(join(dir, 'postgres')));
}

/** uid and gid of a local user, by `id` (no getpwnam in Node). */
function lookUpUser(name: string): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      `PostgreSQL refuses to run as root and there is no user "${name}" to run it as (the postgresql package creates one)`,
    );
  }
}

function run(binary: string, args: string[], as: { uid: number; gid: number } | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], ...as, env: childEnv() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${binary} exited with ${code}: ${output.trim()}`)),
    );
  });
}

/** No locale from the caller's shell (initdb fails on one that is not generated) and a HOME it can read. */
function childEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', HOME: '/' };
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on('error', () => {}); // expected while the server is still starting
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => {});
    }
    await sleep(100);
  }
  throw new Error(`postgres did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

export async function startManagedPostgres(options: ManagedPostgresOptions = {}): Promise<ManagedPostgres> {
  const binDir = options.binDir ?? findPostgresBinDir();
  if (!binDir)
    throw new Error(
      'no PostgreSQL server binaries (initdb, postgres) found in PG_BIN_DIR, /usr/lib/postgresql/*/bin or PATH; run npm run setup (it installs the postgresql package)',
    );
  const as = process.getuid?.() === 0 ? lookUpUser(options.user ?? 'postgres') : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'yijian-postgres-'));
  let child: ChildProcess | undefined;
  try {
    if (as) chownSync(dir, as.uid, as.gid);
    const data = join(dir, 'data');
    await run(
      join(binDir, 'initdb'),
      ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-locale', '--no-sync'],
      as,
    );
    const port = await freePort();
    const log = openSync(join(dir, 'postgres.log'), 'a');
    if (as) chownSync(join(dir, 'postgres.log'), as.uid, as.gid);
    // Throwaway data: nothing is worth an fsync. The socket stays in our folder, not in /var/run/postgresql.
    const args = [
      '-D', data,
      '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${dir}`,
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_connections=200',
    ]; // biome-ignore format: one flag and its value per line reads better
    try {
      child = spawn(join(binDir, 'postgres'), args, { stdio: ['ignore', log, log], ...as, env: childEnv() });
    } finally {
      closeSync(log);
    }
    const started = child;
    const spawned = await new Promise<Error | undefined>((resolve) => {
      started.once('spawn', () => resolve(undefined));
      started.once('error', (error) => resolve(error));
    });
    if (spawned) throw spawned;
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await waitUntilAnswering(url, started, options.startTimeoutMs ?? 30_000);
    const pid = started.pid ?? 0;
    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      dir,
      stop() {
        stopping ??= (async () => {
          if (started.exitCode === null) {
            // SIGINT is PostgreSQL's fast shutdown: sessions are ended, no waiting for clients.
            started.kill('SIGINT');
            if (!(await waitForExit(pid, 15_000))) started.kill('SIGKILL');
          }
          rmSync(dir, { recursive: true, force: true });
        })();
        return stopping;
      },
    };
  } catch (error) {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
