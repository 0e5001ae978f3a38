import type { Command } from 'commander';
import { z } from 'zod';
import { type BotsReport, runBotsBenchmark } from './support/bots-benchmark.ts';
import { count, msRange, timedBench } from './support/options.ts';

const optionsSchema = z.object({
  json: z.boolean().default(false),
  quick: z.boolean().default(false),
  items: count(1, 500),
  latencyMs: msRange,
  concurrency: z
    .string()
    .trim()
    .regex(/^\d+(,\d+)*$/, '应为以逗号分隔的并发数，如 1,2,4')
    .transform((text) => [...new Set(text.split(',').map(Number))])
    .refine((list) => list.every((n) => n >= 1 && n <= 16), '每个并发数应在 1 到 16 之间'),
  repeats: count(1, 10),
  timeoutS: count(30, 3600),
  keepData: z.boolean().default(false),
});

/** A smoke run: two items of one application per phase, concurrency 1, each phase once. */
// A smoke run asserts no speed: its time limit only catches a run that never ends, on however busy a machine
// (its untimed registration and bank account beside the chaos test took over 120 s in a whole suite).
const QUICK = { items: '2', concurrency: '1', repeats: '1', latencyMs: '0-50', timeoutS: '300' };

function summary(report: BotsReport): string {
  const lines = [
    `机器人吞吐量（每阶段 ${report.settings.items} 个事项：${report.settings.applicationsPerPhase} 件申请的${report.settings.measuredItems.length}个可并行事项，门户延迟 ${report.settings.latencyMs.join('–')} 毫秒；每阶段 ${report.settings.repeats} 次，顺序随机，取中位数）`,
    '  阶段              并发  浏览器池        事项  用时(秒)  每分钟  (最低–最高)   启动浏览器  失败重试  内存峰值(MB)',
  ];
  for (const phase of report.phases) {
    const pool = `${phase.pool.size}${phase.pool.recycleAfterRuns === 1 ? '，每次新开' : '，复用'}${phase.pool.keepsSessions ? '，保持登录' : ''}`;
    lines.push(
      `  ${phase.name.padEnd(16)} ${String(phase.concurrency).padStart(4)}  ${pool.padEnd(12)} ${String(phase.items).padStart(5)}  ${(phase.elapsedMs / 1000).toFixed(1).padStart(8)}  ${phase.perMinute.toFixed(1).padStart(6)}  ${`(${phase.spread.perMinute.map((n) => n.toFixed(1)).join('–')})`.padEnd(13)} ${String(phase.browserLaunches).padStart(10)}  ${String(phase.failedAttempts).padStart(8)}  ${String(phase.peakRssMb).padStart(12)}`,
    );
  }
  const resubmits = [
    ...report.setupResubmits.map((r) => ({ phase: '准备', ...r })),
    ...report.phases.flatMap((p) => p.resubmitted.map((r) => ({ phase: p.name, ...r }))),
  ];
  for (const r of resubmits)
    lines.push(`  注意：${r.phase} 中事项 ${r.itemId} 失败后重新提交（${r.code}：${r.message}）`);
  lines.push(
    `  最佳为较好基线（${report.baseline.name}，每分钟 ${report.baseline.perMinute} 个）的 ${report.speedupVsNaive} 倍，为逐个办理的朴素基线的 ${report.speedupVsSerialNaive} 倍（目标 ≥ ${report.target.speedupAtLeast}：${report.target.met ? '达到' : '未达到'}）；全程内存峰值 ${report.peakRssMb} MB（本进程与其 Chromium 子进程的 RSS 之和；按比例分摊共享页的 PSS 为 ${report.peakMemory.pssMb} MB；其中本进程 RSS ${report.peakMemory.selfRssMb} MB（含沙箱门户与内嵌数据库），Chromium 进程 RSS ${report.peakMemory.childrenRssMb} MB、PSS ${report.peakMemory.childrenPssMb} MB）`,
    '  工作量与计算方法见 --json 输出的 workload 字段与 README。',
  );
  return `${lines.join('\n')}\n`;
}

export function registerBenchBots(bench: Command): void {
  const command = bench
    .command('bots')
    .description(
      '机器人吞吐量（并发 1、2、4）与两种朴素基线（逐个办理、同样并发的每事项新开浏览器）对比，及内存峰值',
    )
    .option('--json', '以 JSON 输出')
    .option(
      '--quick',
      '冒烟运行：每阶段 1 件申请中的 2 个事项、并发 1、各阶段 1 次，只有第一轮办理设立登记与银行开户、其后各轮沿用（只验证基准可用且输出自洽，不代表速度）',
    )
    // One application per phase measures its slowest item, not throughput: four give a steady figure.
    .option(
      '--items <n>',
      '每个阶段办理的事项数（向上取整到每件申请 5 个；少于 5 个时只计其中前几个事项）',
      '20',
    )
    .option('--latency-ms <range>', '计时阶段门户每次应答的随机延迟（毫秒）', '150-600')
    .option('--concurrency <list>', '要测量的并发数', '1,2,4')
    .option('--repeats <n>', '每个阶段重复的次数（各阶段顺序随机，取中位数并报告离散）', '3');
  timedBench(command, {
    timeout: '每个阶段的超时（秒）',
    schema: optionsSchema,
    quick: QUICK,
    run: (options, common) =>
      runBotsBenchmark({
        items: options.items,
        latencyMs: options.latencyMs,
        concurrencies: options.concurrency,
        repeats: options.repeats,
        ...common,
        shareSetup: options.quick,
      }),
    summary,
  });
}
