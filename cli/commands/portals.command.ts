import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DECLARATIONS } from '../../bots/portals/registry.ts';
import { type RunningPortals, startPortals } from '../../sandbox/start.ts';
import { type Boot, boot, runOrExit } from '../boot.ts';
import { checkSandboxPortals, describeReport } from '../portals-check.ts';
import { describeScores, draftFromUrl, measureDrafts } from '../portals-draft.ts';

/** What `yijian portals` tells a parent process (`yijian start`) over IPC once every portal listens. */
interface ReadyMessage {
  type: 'portals-ready';
  urls: RunningPortals['urls'];
  controlTokenFile?: string;
}

const BIN = fileURLToPath(new URL('../../bin/yijian.mjs', import.meta.url));

function summary(running: Pick<RunningPortals, 'urls' | 'controlTokenFile'>): string {
  const { index, ...portals } = running.urls;
  return [
    '',
    `模拟部门门户已启动：${index}`,
    ...Object.entries(portals).map(([id, url]) => `  ${id.padEnd(18)} ${url}`),
    `  控制令牌：${running.controlTokenFile ?? '（仅在内存中）'}（请求 /__sandbox/* 时以 Authorization: Bearer <令牌> 携带）`,
    '',
  ].join('\n');
}

export function registerPortals(program: Command): void {
  const portals = program
    .command('portals')
    .description('在独立进程中运行七个模拟部门门户（沙箱）：统一身份认证和各部门系统，各占一个端口')
    .action(async () => {
      const ctx = boot();
      await runOrExit(ctx, async () => {
        const running = await startPortals({
          dataDir: ctx.config.DATA_DIR,
          basePort: ctx.config.PORTALS_PORT,
          host: ctx.config.HOST,
          logger: ctx.logger,
        });
        ctx.shutdown.add('portals', () => running.stop());
        if (process.send) {
          const ready: ReadyMessage = {
            type: 'portals-ready',
            urls: running.urls,
            ...(running.controlTokenFile ? { controlTokenFile: running.controlTokenFile } : {}),
          };
          process.send(ready);
          // Started by `yijian start`: when that process goes away without stopping us, stop too.
          process.on('disconnect', () => void ctx.shutdown.run('parent-exited').then(() => process.exit(0)));
        } else {
          process.stdout.write(summary(running));
        }
      });
    });
  portals
    .command('check <portal>')
    .description(
      '漂移检查：用参考案例走一遍门户（portal 为门户编号或 all），填到最后一页前停下，与门户声明比对；不会提交',
    )
    .option('--json', '以 JSON 输出检查结果')
    .action(async (portal: string, options: { json?: boolean }) => {
      const ctx = boot();
      await runOrExit(ctx, async () => {
        const known = DECLARATIONS.map((d) => d.portalId);
        if (portal !== 'all' && !known.includes(portal))
          throw new Error(`没有门户“${portal}”的声明；可选：${known.join('、')}、all`);
        const report = await checkSandboxPortals(portal === 'all' ? [] : [portal]);
        process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report));
        // A must-fail finding is what a script (a cron job, CI) must notice.
        const failing = report.checks.some((c) => c.findings.some((f) => f.severity === 'will-fail'));
        process.exitCode = failing ? 1 : 0;
      });
    });
  portals
    .command('draft [url]')
    .description(
      '按页面起草门户声明：列出页面上每个可填写的字段（标签、控件、选项、数据元），输出步骤声明草稿；--measure 在模拟门户上衡量草稿与现有声明的一致程度',
    )
    .option('--login <portal>', '先用该门户声明的登录方式（模拟门户的账号）登录，再打开页面')
    .option('--measure', '起草每个模拟门户的各步并与现有声明比对，输出正确率')
    .option('--json', '以 JSON 输出')
    .action(
      async (url: string | undefined, options: { login?: string; measure?: boolean; json?: boolean }) => {
        const ctx = boot();
        await runOrExit(ctx, async () => {
          if (options.measure) {
            const scores = await measureDrafts([]);
            process.stdout.write(
              options.json ? `${JSON.stringify(scores, null, 2)}\n` : describeScores(scores),
            );
            return;
          }
          if (!url || !URL.canParse(url))
            throw new Error('请给出要起草的页面地址，如 http://127.0.0.1:4108/open/1');
          const known = DECLARATIONS.map((d) => d.portalId);
          if (options.login && !known.includes(options.login))
            throw new Error(`--login：没有门户“${options.login}”的声明；可选：${known.join('、')}`);
          const draft = await draftFromUrl(url, options.login);
          process.stdout.write(options.json ? `${JSON.stringify(draft.bindings, null, 2)}\n` : draft.source);
        });
      },
    );
}

export interface PortalsProcess {
  urls: RunningPortals['urls'];
  controlTokenFile?: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Runs `yijian portals` as a child process (so the portals' state outlives a crashing worker), with the same
 * environment; resolves once every portal listens. Its log lines go to this process's output.
 */
export function startPortalsProcess(ctx: Boot, timeoutMs = 60_000): Promise<PortalsProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(BIN, ['portals'], {
      env: process.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    let ready = false;
    let stopping = false;
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`模拟部门门户在 ${timeoutMs / 1000} 秒内未能启动`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) {
        reject(
          new Error(
            `模拟部门门户进程已退出（退出码 ${code ?? signal ?? '无'}），请查看上面的日志（常见原因：PORTALS_PORT 起的端口已被占用）`,
          ),
        );
      } else if (!stopping) {
        ctx.logger.error({ code, signal }, '模拟部门门户进程意外退出');
      }
    });
    child.on('message', (message: ReadyMessage) => {
      if (message?.type !== 'portals-ready') return;
      clearTimeout(timer);
      ready = true;
      ctx.logger.info({ pid: child.pid, index: message.urls.index }, '模拟部门门户已在独立进程中启动');
      resolve({
        urls: message.urls,
        ...(message.controlTokenFile ? { controlTokenFile: message.controlTokenFile } : {}),
        pid: child.pid ?? 0,
        stop: async () => {
          stopping = true;
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
