import type { Command } from 'commander';
import { OcrClosedError } from '../../ocr/errors.ts';
import { ReaderPool } from '../../ocr/pool/reader-pool.ts';
import type { OcrService } from '../../ocr/service.ts';
import { QueueClients } from '../../queue/queue-clients.ts';
import { AlertNotifier } from '../../server/alerts.ts';
import { createAppWithServices } from '../../server/app.ts';
import { newAdminToken, publishAdminApi } from '../../server/auth/admin-token.ts';
import type { BotsPort } from '../../server/bots.ts';
import { bridgeQueueEvents } from '../../server/events/queue-bridge.ts';
import { checkHealth } from '../../server/health.ts';
import { closeServer, listen } from '../../server/listen.ts';
import { registerOcrMetrics } from '../../server/ocr-metrics.ts';
import { createServices, type Services } from '../../server/services.ts';
import { NO_SMS_WARNING, smsSenderFor } from '../../server/sms/sms.ts';
import { type Boot, boot, runOrExit } from '../boot.ts';
import { startBotSystem } from '../bot-system.ts';
import { pdfFontOf } from '../config.ts';
import { botSystemBasics, type Infrastructure, openInfrastructure } from '../runtime.ts';

/**
 * Starts the web server on the shared infrastructure; returns its base URL and its services. `demo` (yijian
 * start --demo, DEMO=true) lets the registration page show the SMS code when no gateway is set.
 */
export async function startWebServer(
  ctx: Boot,
  infra: Infrastructure,
  bots?: BotsPort,
  demo = ctx.config.DEMO,
): Promise<{ url: string; services: Services }> {
  // The OCR reader processes start with the server (without holding it up), so the first upload finds the
  // models loaded. If they cannot start, the next upload tries again.
  let pool: ReaderPool | undefined;
  let ocr: Promise<OcrService> | undefined;
  const startOcr = (): Promise<OcrService> => {
    if (!ocr) {
      const starting = ReaderPool.start({ workers: ctx.config.OCR_WORKERS, logger: ctx.logger });
      pool = starting;
      ocr = starting.ready.then(
        () => starting,
        (error: unknown) => {
          ocr = undefined;
          throw error;
        },
      );
    }
    return ocr;
  };
  startOcr().catch((error: unknown) => {
    if (!(error instanceof OcrClosedError))
      ctx.logger.error({ err: error }, 'OCR 识别进程启动失败，将在下次上传时重试');
  });
  ctx.shutdown.add('ocr', async () => {
    await pool?.close();
  });
  // The admin's raw queue board reads the queues over connections of its own.
  const board = bots ? new QueueClients(infra.redisUrl, bots.portalIds) : undefined;
  if (board) ctx.shutdown.add('queue board', () => board.close());
  const adminToken = newAdminToken();
  const sms = smsSenderFor({ webhookUrl: ctx.config.SMS_WEBHOOK_URL, demo });
  if (!sms) ctx.logger.warn(NO_SMS_WARNING);
  const services = createServices({
    logger: ctx.logger,
    health: () => checkHealth(infra),
    db: infra.db,
    dataDir: ctx.config.DATA_DIR,
    secret: infra.secret,
    options: {
      trustProxy: ctx.config.TRUST_PROXY,
      timeZone: ctx.config.TIME_ZONE,
      pdfFont: pdfFontOf(ctx.config),
      ...(ctx.config.PUBLIC_URL ? { publicUrl: ctx.config.PUBLIC_URL } : {}),
    },
    ...(bots ? { bots } : {}),
    ...(board ? { boardQueues: board.allQueues } : {}),
    adminToken,
    ocr: startOcr,
    ...(sms ? { sms } : {}),
  });
  registerOcrMetrics(services.metrics.registry, () => pool?.stats());
  const { app } = createAppWithServices(services);
  const server = await listen(app, ctx.config.PORT, ctx.config.HOST);
  ctx.shutdown.add('web server', () => {
    services.depthHistory?.stop();
    services.events.disconnectAll();
    return closeServer(server);
  });
  if (bots && ctx.config.ALERT_WEBHOOK_URL) {
    const notifier = new AlertNotifier(bots, ctx.config.ALERT_WEBHOOK_URL, ctx.logger);
    notifier.start();
    ctx.shutdown.add('alerts', () => notifier.stop());
  }
  const stopBridge = await bridgeQueueEvents({
    redisUrl: infra.redisUrl,
    hub: services.events,
    applications: services.applications,
    logger: ctx.logger,
  });
  ctx.shutdown.add('live events', stopBridge);
  const url = `http://${ctx.config.HOST}:${ctx.config.PORT}`;
  // Registered after the web server, so removed before it stops taking requests.
  ctx.shutdown.add('admin api file', publishAdminApi(ctx.config.DATA_DIR, { url, token: adminToken }));
  ctx.logger.info({ url }, 'Web 服务已启动');
  return { url, services };
}

export function registerServer(program: Command): void {
  program
    .command('server')
    .description('只运行 Web 服务（需要 REDIS_URL；数据库默认为 DATA_DIR 下的内置 PostgreSQL）')
    .action(async () => {
      const ctx = boot();
      await runOrExit(ctx, async () => {
        const infra = await openInfrastructure(ctx.config, { ...ctx, singleMachine: false });
        // The web server only talks to the queues; `yijian worker` processes run the bots.
        const system = await startBotSystem({
          ...botSystemBasics(ctx, infra),
        });
        ctx.shutdown.add('bot queue', () => system.close());
        await startWebServer(ctx, infra, system.queue);
      });
    });
}
