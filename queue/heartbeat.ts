import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { QUEUE_PREFIX } from './names.ts';

/**
 * Every worker process (on this machine or another) says every few seconds that it is alive, what it
 * serves and how many jobs it is running, in one Redis hash the admin's 工作进程 page reads. A process
 * that stops cleanly removes its entry; one that dies leaves it, shown as lost once its beat is old.
 */
export const WORKERS_KEY = `${QUEUE_PREFIX}:workers`;

/** A beat older than this many intervals means the process is gone (or stuck). */
export const LOST_AFTER_BEATS = 3;
/** A lost process's entry is dropped after this long, so the page does not fill with old restarts. */
const FORGET_AFTER_MS = 24 * 3_600_000;

const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const workerBeatSchema = z.object({
  id: z.string(),
  host: z.string(),
  pid: z.number().int(),
  version: z.string(),
  portals: z.array(z.string()),
  coordinator: z.boolean(),
  concurrency: z.number().int(),
  running: z.number().int(),
  startedAt: z.string(),
  beatAt: z.string(),
  intervalMs: z.number().int(),
});
export type WorkerBeat = z.infer<typeof workerBeatSchema>;

export interface HeartbeatOptions {
  redis: Redis;
  portals: readonly string[];
  coordinator: boolean;
  concurrency: number;
  /** Jobs this process is running now. */
  running: () => number;
  /** Default 5 s. */
  intervalMs?: number;
  /** The entry's key; default host:pid (the same as the bot runs' `worker`). */
  id?: string;
}

export interface Heartbeat {
  stop(): Promise<void>;
}

export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const intervalMs = options.intervalMs ?? 5_000;
  const id = options.id ?? `${hostname()}:${process.pid}`;
  const startedAt = new Date().toISOString();
  const beat = async () => {
    const entry: WorkerBeat = {
      id,
      host: hostname(),
      pid: process.pid,
      version: VERSION,
      portals: [...options.portals],
      coordinator: options.coordinator,
      concurrency: options.concurrency,
      running: options.running(),
      startedAt,
      beatAt: new Date().toISOString(),
      intervalMs,
    };
    await options.redis.hset(WORKERS_KEY, id, JSON.stringify(entry));
  };
  // A missed beat (Redis briefly away) is not an error worth more than the next beat.
  const tick = () => void beat().catch(() => {});
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await options.redis.hdel(WORKERS_KEY, id).catch(() => 0);
    },
  };
}

export interface WorkerStatus extends WorkerBeat {
  /** No beat for LOST_AFTER_BEATS intervals. */
  lost: boolean;
}

/** Every worker process that beat in the last day, newest start first; long-lost entries are dropped. */
export async function listWorkers(redis: Redis, now = Date.now()): Promise<WorkerStatus[]> {
  const entries = await redis.hgetall(WORKERS_KEY);
  const out: WorkerStatus[] = [];
  for (const [id, text] of Object.entries(entries)) {
    let parsed: ReturnType<typeof workerBeatSchema.safeParse>;
    try {
      parsed = workerBeatSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = workerBeatSchema.safeParse(undefined);
    }
    const age = parsed.success ? now - Date.parse(parsed.data.beatAt) : Number.POSITIVE_INFINITY;
    if (!parsed.success || age > FORGET_AFTER_MS) {
      await redis.hdel(WORKERS_KEY, id);
      continue;
    }
    out.push({ ...parsed.data, lost: age > LOST_AFTER_BEATS * parsed.data.intervalMs });
  }
  return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
