import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

/**
 * Tuning of queues and workers, with defaults in one place (units in the names). Tests shorten the times;
 * production keeps these.
 */
export interface QueueTuning {
  /** Attempts of an item job before it goes back to the clerk (portal unavailable is retried). */
  itemAttempts: number;
  /** First retry delay; doubles each time up to `retryDelayMaxMs`, with ±50 % jitter so retries do not align. */
  retryDelayMs: number;
  retryDelayMaxMs: number;
  /** A worker holds a job's lock this long between renewals; a killed worker's job is taken over after it. */
  lockDurationMs: number;
  stalledIntervalMs: number;
  /** Stalls a job survives. BullMQ's default of 1 fails a long browser job on its second stall. */
  maxStalledCount: number;
  /** How long a bot waits for a person's answer (SMS code, CAPTCHA). */
  personTimeoutMs: number;
  personPollMs: number;
  /**
   * A bot run with no step ended for this long (waits for a person or a browser aside) is aborted and
   * retried. Every action of a step has its own timeout (10 s, a page load 30 s), so a step that ends at all
   * ends well within this on any page a person could fill; longer means a hang.
   */
  stallTimeoutMs: number;
  /**
   * 办件查询 after filing, until the department decides: every `followUpDelayMs` for the first
   * `FOLLOW_UPS_AT_FULL_PACE` looks (many decisions come within seconds: 秒批), then each wait 1.5× the one
   * before, up to `followUpDelayMaxMs` — gentle on a portal whose decision takes hours.
   */
  followUpDelayMs: number;
  followUpDelayMaxMs: number;
  maxFollowUps: number;
}

export const DEFAULT_TUNING = {
  itemAttempts: 6,
  retryDelayMs: 2_000,
  retryDelayMaxMs: 5 * 60_000,
  lockDurationMs: 30_000,
  stalledIntervalMs: 15_000,
  maxStalledCount: 5,
  personTimeoutMs: 10 * 60_000,
  personPollMs: 500,
  stallTimeoutMs: 5 * 60_000,
  followUpDelayMs: 1_000,
  followUpDelayMaxMs: 60_000,
  maxFollowUps: 900,
} as const satisfies QueueTuning;

export const FOLLOW_UPS_AT_FULL_PACE = 10;

/** The wait before follow-up number `done + 1` (see `followUpDelayMs`). */
export function followUpDelay(
  tuning: Pick<QueueTuning, 'followUpDelayMs' | 'followUpDelayMaxMs'>,
  done: number,
): number {
  const slowed = Math.max(0, done - FOLLOW_UPS_AT_FULL_PACE + 1);
  return Math.round(Math.min(tuning.followUpDelayMaxMs, tuning.followUpDelayMs * 1.5 ** slowed));
}

const count = (min: number, max: number) =>
  z
    .number({ error: `必须是 ${min}–${max} 的整数` })
    .int(`必须是 ${min}–${max} 的整数`)
    .min(min)
    .max(max);
const ms = (min: number) =>
  z
    .number({ error: `必须是不小于 ${min} 的整数（毫秒）` })
    .int(`必须是整数（毫秒）`)
    .min(min, `不能小于 ${min}`);

/**
 * Overrides of the tuning, as an operator writes them in `QUEUE_TUNING` (JSON): only known keys, each an
 * integer. Shorter locks make a killed worker's jobs resume sooner at the cost of more Redis traffic.
 */
export const queueTuningOverridesSchema = z
  .strictObject(
    {
      itemAttempts: count(1, 50),
      retryDelayMs: ms(1),
      retryDelayMaxMs: ms(1),
      lockDurationMs: ms(1_000),
      stalledIntervalMs: ms(500),
      maxStalledCount: count(1, 100),
      personTimeoutMs: ms(1_000),
      personPollMs: ms(10),
      stallTimeoutMs: ms(1_000),
      followUpDelayMs: ms(1),
      followUpDelayMaxMs: ms(1),
      maxFollowUps: count(1, 1_000_000),
    } satisfies Record<keyof QueueTuning, z.ZodType<number>>,
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `未知的键 ${issue.keys.join(', ')}（可用：${Object.keys(DEFAULT_TUNING).join(', ')}）`
          : '必须是 JSON 对象，例如 {"lockDurationMs":10000}',
    },
  )
  .partial();
export type QueueTuningOverrides = z.infer<typeof queueTuningOverridesSchema>;

/** The name of our backoff in job options; workers compute it with `cappedBackoff`. */
export const CAPPED_BACKOFF = 'capped-exponential';

export function itemJobOptions(tuning: QueueTuning): JobsOptions {
  return {
    attempts: tuning.itemAttempts,
    backoff: { type: CAPPED_BACKOFF, delay: tuning.retryDelayMs },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

/**
 * Exponential backoff with ±50 % jitter, capped: BullMQ's own exponential backoff grows without bound, and
 * a portal down for an hour would otherwise push an item's tenth try a day away.
 */
export function cappedBackoff(tuning: QueueTuning, random: () => number = Math.random) {
  return (attemptsMade: number): number => {
    const base = Math.min(tuning.retryDelayMs * 2 ** Math.max(0, attemptsMade - 1), tuning.retryDelayMaxMs);
    return Math.round(base * (0.5 + random()));
  };
}

/** Default per-portal concurrency: on 2 cores a browser bot is CPU-bound, more than 2 adds only latency. */
export const DEFAULT_PORTAL_CONCURRENCY = 2;
