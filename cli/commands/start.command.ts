import type { Command } from 'commander';
import { seedDemoAccounts } from '../../server/accounts.ts';
import { boot, runOrExit } from '../boot.ts';
import { BOT_PORTAL_IDS, credentialsBox, startBotSystem } from '../bot-system.ts';
import { botSystemBasics, openInfrastructure } from '../runtime.ts';
import { seedSandboxCredentials } from '../sandbox-credentials.ts';
import { startPortalsProcess } from './portals.command.ts';
import { startWebServer } from './server.command.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      '在本机运行全部组件：Web 服务、机器人队列、模拟部门门户、内置数据库；未设置 REDIS_URL 时自动启动内置 Redis',
    )
    .option(
      '--demo',
      '演示模式：创建演示服务中心、每个角色一个演示账号和模拟门户的登录账号（或设置 DEMO=true）',
    )
    .action(async (options: { demo?: boolean }) => {
      const ctx = boot();
      await runOrExit(ctx, async () => {
        // Demo accounts (an admin among them) only when asked for: a production data directory starts with
        // no accounts, and `yijian users add` creates the first admin.
        const demoMode = options.demo === true || ctx.config.DEMO;
        const infra = await openInfrastructure(ctx.config, { ...ctx, singleMachine: true });
        // The sandbox portals run in a child process; without them the rest still works, so a failure is reported, not fatal.
        const portals = await startPortalsProcess(ctx).catch((error: unknown) => {
          ctx.logger.error({ err: error }, '模拟部门门户未能启动');
          return undefined;
        });
        if (portals) ctx.shutdown.add('portals', () => portals.stop());
        // Bots run in this process on one machine; `yijian worker` runs more of them anywhere.
        const bots = await startBotSystem({
          ...botSystemBasics(ctx, infra),
          ...(portals ? { sandboxUrls: portals.urls } : {}),
          workers: { portals: BOT_PORTAL_IDS, concurrency: 2, coordinator: true },
        });
        ctx.shutdown.add('bots', () => bots.close());
        if (demoMode) await seedSandboxCredentials(infra.db, credentialsBox(infra.secret));
        const { url, services } = await startWebServer(ctx, infra, bots.queue, demoMode);
        const demo = demoMode ? await seedDemoAccounts(infra.db, ctx.config.DATA_DIR) : [];
        const noAdmin = (await services.users.countActive('admin')) === 0;
        const roleNames = { applicant: '申请人', clerk: '窗口人员', admin: '管理员' } as const;
        process.stdout.write(
          [
            '',
            `一件事 · 一键办 已启动：${url}`,
            `  健康检查：${url}/healthz`,
            `  数据目录：${ctx.config.DATA_DIR}`,
            `  Redis：${infra.managedRedis ? `内置（${infra.redisUrl}）` : '使用 REDIS_URL'}`,
            `  数据库：${infra.db.kind === 'pglite' ? '内置 PostgreSQL（PGlite）' : '使用 DATABASE_URL'}`,
            `  模拟部门门户：${portals ? `${portals.urls.index}（独立进程 ${portals.pid}）` : '未启动（见上方日志）'}`,
            `  注册短信：${ctx.config.SMS_WEBHOOK_URL ? '经 SMS_WEBHOOK_URL 发送' : demoMode ? '演示模式，验证码显示在注册页' : '未设置 SMS_WEBHOOK_URL，申请人在线注册已关闭'}`,
            ...(demo.length
              ? [
                  `演示账号（在 ${url}/login 登录；密码保存在 数据目录/demo-accounts.json）：`,
                  ...demo.map((a) => `  ${roleNames[a.role]}\t${a.login}\t${a.password}\t${a.displayName}`),
                ]
              : []),
            ...(noAdmin
              ? [
                  '尚无管理员账号。创建第一个管理员（密码在提示符下输入）：',
                  '  npx yijian users add --role admin --username <用户名> --name <姓名>',
                  '（只是试用？用 yijian start --demo 创建演示账号）',
                ]
              : []),
            '按 Ctrl+C 停止。',
            '',
          ].join('\n'),
        );
      });
    });
}
