import type { Command } from 'commander';
import { z } from 'zod';
import { E2E_BUNDLES, type E2eReport, runE2eBenchmark } from './support/e2e-benchmark.ts';
import { count, msRange, timedBench } from './support/options.ts';

const optionsSchema = z.object({
  bundle: z.enum(E2E_BUNDLES, { error: `--bundle 应为 ${E2E_BUNDLES.join(' 或 ')}` }),
  json: z.boolean().default(false),
  quick: z.boolean().default(false),
  runs: count(1, 20),
  latencyMs: msRange,
  approvalDelayMs: count(0, 600_000),
  syncLagMs: count(0, 600_000),
  noticeS: count(0, 600).optional(),
  smsReplyMs: msRange,
  captchaReplyMs: msRange,
  captcha: z.enum(['reader', 'person'], { error: '--captcha 应为 reader 或 person' }),
  concurrency: count(1, 8),
  timeoutS: count(30, 3600),
  keepData: z.boolean().default(false),
});

/** A smoke run: one filing with short waits and replies (the figures say nothing about speed). */
const QUICK = {
  runs: '1',
  latencyMs: '0-50',
  approvalDelayMs: '500',
  syncLagMs: '500',
  noticeS: '2',
  smsReplyMs: '200-500',
  captchaReplyMs: '200-500',
  // Says nothing about speed either: a filing that is only slow (a loaded machine) must not fail the smoke run.
  timeoutS: '300',
};

const WAIT_NAMES = { approval: '审核', 'sms-reply': '短信', notice: '承诺书' } as const;

/** What the headline calls each bundle's case. */
const CASE_NAMES = { 'open-company': '参考案例（开办企业）', 'open-restaurant': '开餐饮店案例' } as const;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`;

function summary(report: E2eReport): string {
  const lines = [
    `${CASE_NAMES[report.settings.bundle]}经 ${report.runs[0]?.items.length ?? 0} 个门户端到端办理（${report.runs.length} 次取中位数；图形验证码由${report.captcha === 'reader' ? '识读程序' : '窗口人员'}识读）`,
    `  实际用时 ${seconds(report.wallMs)}，理想客户端下限 ${seconds(report.oracleWallMs)}，比值 ${report.ratio.toFixed(2)}`,
    `  按本系统自身请求的关键路径 ${seconds(report.criticalPathMs)}，比值 ${report.ratioToOwnRequests.toFixed(2)}（目标 ≤ ${report.target.ratioAtMost}：${report.target.met ? '达到' : '未达到'}）`,
    `  核对：${report.verified.items} 个事项，每个事项部门只收到一次：${report.verified.receivedOnce ? '是' : '否'}，与预期不符的字段 ${report.verified.mismatches} 个`,
  ];
  const median = [...report.runs].sort((a, b) => a.ratio - b.ratio)[Math.floor((report.runs.length - 1) / 2)];
  if (median) {
    lines.push(`  理想客户端的最长链：${median.oracle.path.join(' → ')}`);
    lines.push(`  关键路径（自身请求）：${median.path.join(' → ')}`);
    lines.push(
      '  事项            门户服务  等待          下限区间（秒）   理想办结（秒）  实际开始/办结（秒）  查询(不计)',
    );
    for (const item of median.items) {
      const wait = item.wait ? `${WAIT_NAMES[item.wait.kind]} ${seconds(item.wait.ms)}` : '—';
      lines.push(
        `  ${item.onCriticalPath ? '*' : ' '}${item.itemId.padEnd(22)} ${seconds(item.serviceMs).padStart(8)}  ${wait.padEnd(12)}  ` +
          `${(item.bound.startMs / 1000).toFixed(1).padStart(5)}–${(item.bound.finishMs / 1000).toFixed(1).padEnd(6)}     ` +
          `${((median.oracle.items[item.itemId]?.finishMs ?? 0) / 1000).toFixed(1).padStart(6)}         ` +
          `${((item.actual.startMs ?? 0) / 1000).toFixed(1).padStart(5)}/${((item.actual.doneMs ?? 0) / 1000).toFixed(1).padEnd(6)}        ${item.excluded.lookUps}`,
      );
    }
    const captcha = median.captchaAnswers.reduce((sum, a) => sum + a.replyMs, 0);
    lines.push(
      `  窗口人员识读图形验证码 ${median.captchaAnswers.length} 次，共 ${seconds(captcha)}（计入实际用时，不计入下限）`,
    );
  }
  lines.push('  计算方法见 --json 输出的 method 字段与 docs/benchmarks.md。');
  return `${lines.join('\n')}\n`;
}

export function registerBenchE2e(bench: Command): void {
  const command = bench
    .command('e2e')
    .description('一个事项包的案例经各门户端到端办理的耗时与关键路径之比')
    .option(
      '--bundle <id>',
      '事项包：open-company（参考案例，七个门户）或 open-restaurant（开餐饮店案例，五个门户）',
      'open-company',
    )
    .option('--json', '以 JSON 输出')
    .option('--quick', '冒烟运行：办理 1 次，缩短延迟与等待（只验证基准可用且输出自洽，不代表速度）')
    .option('--runs <n>', '办理次数（取中位数）', '1')
    .option('--latency-ms <range>', '门户每次应答的随机延迟（毫秒）', '150-600')
    .option('--approval-delay-ms <ms>', '设立登记的审核时长', '3000')
    .option('--sync-lag-ms <ms>', '税务、社保获知企业信息的滞后', '2000')
    .option('--notice-s <s>', '住房公积金承诺书须阅读的倒计时（秒；不填为门户自身的 8 秒）')
    .option('--sms-reply-ms <range>', '申请人回填短信验证码所需时间', '5000-10000')
    .option('--captcha-reply-ms <range>', '窗口人员识读图形验证码所需时间', '2000-4000')
    .option(
      '--captcha <who>',
      '图形验证码由谁识读：reader（识读程序，仅限其适用的验证码样式，其余仍由窗口人员识读）或 person（始终由窗口人员识读）',
      'reader',
    )
    .option('--concurrency <n>', '每个门户队列的工作并发（与 yijian start 默认相同）', '2');
  timedBench(command, {
    timeout: '每次办理的超时（秒）',
    schema: optionsSchema,
    quick: QUICK,
    run: (options, common) =>
      runE2eBenchmark({
        bundle: options.bundle,
        runs: options.runs,
        latencyMs: options.latencyMs,
        approvalDelayMs: options.approvalDelayMs,
        syncLagMs: options.syncLagMs,
        ...(options.noticeS === undefined ? {} : { noticeSeconds: options.noticeS }),
        smsReplyMs: options.smsReplyMs,
        captchaReplyMs: options.captchaReplyMs,
        captcha: options.captcha,
        concurrency: options.concurrency,
        ...common,
      }),
    summary,
  });
}
