import type { Command } from 'commander';
import { z } from 'zod';
import { boot, runOrExit } from '../boot.ts';
import { BOT_PORTAL_IDS, MAX_DEFAULT_BROWSER_CONTEXTS, startBotSystem } from '../bot-system.ts';
import { botSystemBasics, openInfrastructure } from '../runtime.ts';

const workerOptionsSchema = z.object({
  portals: z
    .string()
    .optional()
    .transform((list) =>
      list
        ? list
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean)
        : [...BOT_PORTAL_IDS],
    )
    .refine((list) => list.every((p) => BOT_PORTAL_IDS.includes(p)), {
      message: `--portals 只能是 ${BOT_PORTAL_IDS.join(', ')} 中的一个或多个`,
    }),
  concurrency: z.coerce
    .number()
    .int()
    .min(1, '--concurrency 至少为 1')
    .max(16, '--concurrency 不能超过 16')
    .default(2),
  browsers: z.coerce
    .number()
    .int()
    .min(1, '--browsers 至少为 1')
    .max(32, '--browsers 不能超过 32')
    .optional(),
  coordinator: z.boolean().default(true),
});

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('运行门户机器人（BullMQ 队列消费者）；可在任何能连到 Redis 和数据库的机器上运行')
    .option('--portals <list>', `只处理这些门户的队列，逗号分隔（${BOT_PORTAL_IDS.join(', ')}）`)
    .option(
      '--concurrency <n>',
      '本进程每个门户队列同时运行的任务数（管理员设置的全局并发上限对所有进程生效）',
      '2',
    )
    .option(
      '--browsers <n>',
      `本进程同时打开的浏览器上下文数（默认：并发 × 门户数，最多 ${MAX_DEFAULT_BROWSER_CONTEXTS}）`,
    )
    .option('--no-coordinator', '不在本进程运行事项之间的衔接任务')
    .action(async (raw: unknown) => {
      const parsed = workerOptionsSchema.safeParse(raw);
      if (!parsed.success) {
        process.stderr.write(`${parsed.error.issues.map((i) => i.message).join('\n')}\n`);
        process.exit(2);
      }
      const ctx = boot();
      await runOrExit(ctx, async () => {
        const infra = await openInfrastructure(ctx.config, { ...ctx, singleMachine: false });
        const bots = await startBotSystem({
          ...botSystemBasics(ctx, infra),
          workers: {
            portals: parsed.data.portals,
            concurrency: parsed.data.concurrency,
            coordinator: parsed.data.coordinator,
            browserContexts: parsed.data.browsers,
          },
        });
        ctx.shutdown.add('bots', () => bots.close());
        ctx.logger.info(
          { portals: parsed.data.portals, concurrency: parsed.data.concurrency },
          '门户机器人已启动',
        );
        process.stdout.write(
          `门户机器人已启动：${parsed.data.portals.join(', ')}（并发 ${parsed.data.concurrency}）\n`,
        );
      });
    });
}
