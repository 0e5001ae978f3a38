import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type Logger, silentLogger } from '../../lib/logger.ts';
import { freePort, sleep } from '../../lib/net.ts';
import { isAlive, waitForExit } from '../../lib/processes.ts';

export interface ManagedRedisOptions {
  /** Redis keeps its AOF and pid file here. */
  dir: string;
  /** `redis-server` binary; found on PATH by default. */
  binary?: string;
  logger?: Logger;
  startTimeoutMs?: number;
}

export interface ManagedRedis {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export class RedisServerMissingError extends Error {
  override readonly name = 'RedisServerMissingError';
  readonly code = 'REDIS_SERVER_MISSING';
}

/** A Redis left behind by a `start` that was killed would hold the AOF open; stop it before we start ours. */
async function stopLeftover(pidFile: string, logger: Logger): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    if (cmdline.includes('redis-server')) {
      logger.warn({ pid }, '发现上次遗留的 Redis 进程，先将其停止');
      process.kill(pid, 'SIGTERM');
      await waitForExit(pid, 10_000);
    }
  }
  rmSync(pidFile, { force: true });
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {}); // expected while the server is still starting
    try {
      await client.connect();
      // While the AOF is being replayed Redis answers LOADING; wait for a real PONG.
      if ((await client.ping()) === 'PONG') return;
    } catch (error) {
      lastError = error;
    } finally {
      client.disconnect();
    }
    await sleep(50);
  }
  throw new Error(`redis-server did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

/**
 * Starts a private `redis-server` on a free loopback port with append-only persistence under `dir`, and
 * resolves once it answers PING. Used by `start` when no REDIS_URL is configured, and by the test suite.
 */
export async function startManagedRedis(options: ManagedRedisOptions): Promise<ManagedRedis> {
  const logger = options.logger ?? silentLogger;
  const binary = options.binary ?? 'redis-server';
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const pidFile = join(options.dir, 'redis.pid');
  await stopLeftover(pidFile, logger);
  const port = await freePort();
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--protected-mode', 'yes',
    '--dir', options.dir,
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--save', '',
    '--daemonize', 'no',
    '--pidfile', pidFile,
    '--logfile', join(options.dir, 'redis.log'),
    // BullMQ requires that Redis never evicts its keys.
    '--maxmemory-policy', 'noeviction',
  ]; // biome-ignore format: one flag and its value per line reads better
  // redis-server creates its append-only files with the umask it inherits, and they hold the queues' job data:
  // owner-only, whatever the umask of the process that starts it (spawn forks at once, so it is restored after).
  const previousUmask = process.umask(0o077);
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(binary, args, { stdio: 'ignore' });
  } finally {
    process.umask(previousUmask);
  }
  const spawned = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', (error) => resolve(error));
  });
  if (spawned) {
    throw new RedisServerMissingError(
      `无法启动 ${binary}（${spawned.message}）。请安装 Redis：sudo apt-get install -y redis-server，或设置 REDIS_URL 指向已有的 Redis。`,
    );
  }
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, child, options.startTimeoutMs ?? 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid ?? 0;
  logger.info({ port, dir: options.dir }, '已启动内置 Redis');
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    pid,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null) return;
        // SIGTERM makes redis-server flush the AOF and exit cleanly.
        child.kill('SIGTERM');
        if (!(await waitForExit(pid, 10_000))) child.kill('SIGKILL');
        logger.info({ port }, '已停止内置 Redis');
      })();
      return stopping;
    },
  };
}
