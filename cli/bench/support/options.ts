import type { Command } from 'commander';
import { z } from 'zod';
import type { QueueTuning } from '../../../queue/queue-options.ts';
import { loadConfigOrExit } from '../../config.ts';

/** A whole number of milliseconds (or items) typed on the command line. */
export const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** "150-600" (a range) or "300" (a fixed value), in milliseconds. */
export const msRange = z
  .string()
  .trim()
  .regex(/^\d+(\s*-\s*\d+)?$/, '应为毫秒数或范围，如 300 或 150-600')
  .transform((text) => {
    const [min, max = min] = text.split('-').map((part) => Number(part.trim()));
    return [min, max] as [number, number];
  })
  .refine(([min, max]) => min <= max, '范围的下限不能大于上限')
  .refine(([, max]) => max <= 600_000, '不能超过 600000 毫秒');

/** Parses commander's options with a zod schema; a bad value is reported in Chinese and exits 2. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const flag = (path: PropertyKey[]) =>
    `--${String(path[0] ?? '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  for (const issue of parsed.error.issues) process.stderr.write(`${flag(issue.path)}：${issue.message}\n`);
  process.exit(2);
}

/** Runs a benchmark; a failure is one line in Chinese on stderr (the stack with LOG_LEVEL=debug) and exit 1. */
export async function runOrExit<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`基准测试失败：${message}\n`);
    if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  }
}

/**
 * `--quick`: a smoke run (one run, few items) that proves a benchmark still works, not how fast it is. The
 * quick values replace only the options the command line left at their defaults, so `--quick --runs 2`
 * still makes two runs.
 */
export function withQuick(
  command: Command,
  raw: Record<string, unknown>,
  quick: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (raw.quick !== true) return raw;
  const options = { ...raw };
  for (const [key, value] of Object.entries(quick))
    if (command.getOptionValueSource(key) === 'default' || options[key] === undefined) options[key] = value;
  return options;
}

/** What every timed benchmark run takes besides its own workload. */
export interface BenchRunOptions {
  timeoutMs: number;
  chromiumPath?: string | undefined;
  redisUrl?: string | undefined;
  /** Keep the temporary data folder (screenshots, traces, portal records) and say where it is. */
  keepData?: boolean;
  /** A smoke run (`--quick`): its figures say nothing about speed; shown in the report's settings. */
  quick?: boolean;
  /** QUEUE_TUNING, as `yijian start` applies it. */
  tuning?: Partial<QueueTuning>;
  progress: (message: string) => void;
}

/** The flags every timed benchmark has besides its workload. */
interface TimedFlags {
  json: boolean;
  quick: boolean;
  keepData: boolean;
  timeoutS: number;
}

/**
 * The action of a timed benchmark's command: flags parsed (with `--quick`), the configuration loaded, the run
 * given what every timed run takes, and its report printed as JSON or as the Chinese summary.
 */
export function timedBenchAction<T extends z.ZodType<TimedFlags>, R>(
  schema: T,
  quick: Readonly<Record<string, unknown>>,
  run: (options: z.infer<T>, common: BenchRunOptions) => Promise<R>,
  summary: (report: R) => string,
): (raw: Record<string, unknown>, command: Command) => Promise<void> {
  return async (raw, command) => {
    const options = parseOptions(schema, withQuick(command, raw, quick));
    const config = loadConfigOrExit();
    const common: BenchRunOptions = {
      timeoutMs: options.timeoutS * 1000,
      chromiumPath: config.CHROMIUM_PATH,
      redisUrl: config.REDIS_URL,
      tuning: config.QUEUE_TUNING,
      keepData: options.keepData,
      quick: options.quick,
      progress: (message) => process.stderr.write(`${message}\n`),
    };
    const report = await runOrExit(() => run(options, common));
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
  };
}

/**
 * Ends a timed benchmark's command: the `--timeout-s` flag (`timeout` says what one timeout covers) and
 * `--keep-data`, which every timed benchmark has, then its action (timedBenchAction).
 */
export function timedBench<T extends z.ZodType<TimedFlags>, R>(
  command: Command,
  bench: {
    timeout: string;
    schema: T;
    quick: Readonly<Record<string, unknown>>;
    run: (options: z.infer<T>, common: BenchRunOptions) => Promise<R>;
    summary: (report: R) => string;
  },
): Command {
  return command
    .option('--timeout-s <s>', bench.timeout, '600')
    .option('--keep-data', '保留临时数据目录（截图、追踪、门户记录）以便检查')
    .action(timedBenchAction(bench.schema, bench.quick, bench.run, bench.summary));
}
