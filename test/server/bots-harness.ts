import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { ValueRejectedError } from '../../bots/errors/index.ts';
import type {
  FollowUpResult,
  ItemRunIo,
  ItemRunner,
  ItemRunRequest,
  ItemRunResult,
} from '../../bots/item-runner.ts';
import { BOT_PORTAL_IDS, botApplicationSource, sandboxPortalUrls } from '../../cli/bot-system.ts';
import { silentLogger } from '../../lib/logger.ts';
import { sleep } from '../../lib/net.ts';
import { SealedBox } from '../../lib/sealed-box.ts';
import { BotQueue } from '../../queue/bot-queue.ts';
import { completeApplicationWhenDone } from '../../queue/complete-application.ts';
import type { DriftChecker } from '../../queue/drift-processor.ts';
import type { PortalDirectory } from '../../queue/plan-source.ts';
import { createPortalDirectory } from '../../queue/portal-directory.ts';
import { QueueClients } from '../../queue/queue-clients.ts';
import { DEFAULT_TUNING, type QueueTuning } from '../../queue/queue-options.ts';
import { startManagedRedis } from '../../queue/redis/managed-redis.ts';
import { startWorkers } from '../../queue/workers.ts';
import type { Db } from '../../store/db.ts';
import { Client } from './client.ts';
import { startTestServer, type TestServer } from './harness.ts';

/**
 * The real queue (BullMQ on a Redis of this file's own, the coordinator, the workers, the store's item
 * rows, human tasks and run records) with a scripted runner in place of the browser bots: the web tests
 * check what people see and do around one-key submission, not how portals are driven (test/bots does that
 * against the sandbox portals). The seal item asks the applicant for the SMS code, as the real portal does.
 */
export const SMS_CODE = '246810';

/** A 1×1 PNG and a stand-in trace archive (the bots' own tests look at real ones). */
const STEP_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const TRACE = Buffer.from('PK\u0003\u0004 trace of a scripted run');

const RECEIPTS: Record<string, () => Pick<ItemRunResult, 'receipt' | 'outputs' | 'awaitingResult'>> = {
  'business-registration': () => ({
    receipt: { reference: 'SCJG-2026-0001', acceptanceNo: 'SL350603-0001' },
    outputs: { acceptanceNo: 'SL350603-0001' },
    awaitingResult: true,
  }),
  // As the public-security declaration reads them: the seals' 备案编码 and where to collect the seals.
  'seal-engraving': () => ({
    receipt: { reference: 'GA-2026-0002', filingNo: 'GA-2026-0002' },
    outputs: {
      filingNo: 'GA-2026-0002',
      'seals[].type': ['单位公章', '财务专用章'],
      'seals[].filingCode': ['3506031000001', '3506031000002'],
      engraver: '漳州市龙文区鑫源印章有限公司',
      engraverAddress: '龙文区建元东路2号',
      pickup: '到刻章企业自取',
    },
    awaitingResult: false,
  }),
  'bank-account': () => ({
    receipt: { reference: 'YH-2026-0003', appointmentNo: 'YY20261122001' },
    outputs: {
      appointmentNo: 'YY20261122001',
      accountNo: '35050166010700001234',
      bankName: '中国工商银行漳州龙文支行',
      appointmentTime: '2026-11-23 09:00-10:00',
      branchAddress: '龙文区建元东路8号',
    },
    awaitingResult: false,
  }),
  'tax-registration': () => ({
    receipt: { reference: 'SW-2026-0004', taxAcceptanceNo: 'SW350603-0004' },
    outputs: { taxAcceptanceNo: 'SW350603-0004', taxOffice: '国家税务总局漳州市龙文区税务局' },
    awaitingResult: false,
  }),
  'social-insurance': () => ({
    receipt: { reference: 'SB-2026-0005', socialInsuranceNo: '35060300012345' },
    outputs: { socialInsuranceNo: '35060300012345' },
    awaitingResult: false,
  }),
  'medical-insurance': () => ({
    receipt: { reference: 'YB-2026-0006', medicalInsuranceNo: 'YB35060300088' },
    outputs: { medicalInsuranceNo: 'YB35060300088' },
    awaitingResult: false,
  }),
  'housing-fund': () => ({
    receipt: { reference: 'GJJ-2026-0007', fundAccountNo: '350603000123' },
    outputs: { fundAccountNo: '350603000123' },
    awaitingResult: false,
  }),
};

export class WebScriptedRunner implements ItemRunner {
  readonly answers: string[] = [];
  /** Items whose next run the portal refuses (a value rejected beside its field), once each. */
  readonly rejectOnce = new Set<string>();
  /** Items whose login shows a CAPTCHA the bot cannot read, so a clerk is asked. */
  readonly captchaFor = new Set<string>();

  /** SMS codes the seal portal refuses: the run asks again (saying why) once `beforeNewSmsCode` settles. */
  readonly refusedSmsCodes = new Set<string>();
  beforeNewSmsCode: Promise<void> = Promise.resolve();
  /** How long the applicant has to answer the SMS question. */
  smsTimeoutMs = 60_000;

  /** Items whose run waits here, just before the final submit, until the promise settles. */
  readonly holdBeforeSubmit = new Map<string, Promise<void>>();
  /** Items a run went on to file (passed the last check before the final submit), in order. */
  readonly filed: string[] = [];

  /** Items whose run takes these named steps first, `stepPauseMs` each, so pages can watch them arrive. */
  readonly slowSteps = new Map<string, string[]>();
  stepPauseMs = 700;

  async run(request: ItemRunRequest, io: ItemRunIo): Promise<ItemRunResult> {
    for (const name of this.slowSteps.get(request.itemId) ?? []) {
      const startedAt = new Date();
      await new Promise((resolve) => setTimeout(resolve, this.stepPauseMs));
      await io.step({ name, status: 'ok', startedAt, durationMs: this.stepPauseMs, screenshot: STEP_PNG });
    }
    // Evidence as the browser runner leaves it: a screenshot per step and a trace file.
    await io.step({
      name: '填写表单',
      status: 'ok',
      startedAt: new Date(),
      durationMs: 40,
      screenshot: STEP_PNG,
    });
    writeFileSync(io.tracePath, TRACE);
    if (this.rejectOnce.delete(request.itemId)) {
      throw new ValueRejectedError('部门系统退回了填报内容', [
        { fieldId: 'monthlyWageBase', message: '月缴存工资基数总额不能低于当地最低工资标准' },
      ]);
    }
    if (this.captchaFor.delete(request.itemId)) {
      const text = await io.askPerson({
        kind: 'captcha',
        prompt: '请输入图中的字符',
        image: STEP_PNG,
        timeoutMs: 60_000,
      });
      this.answers.push(text);
    }
    if (request.itemId === 'seal-engraving') {
      // As the seal portal does (bots/runtime/widgets/sms.ts): a refused code sends a new one, and the
      // question says why.
      let refused = false;
      for (;;) {
        const answer = await io.askPerson({
          kind: 'sms-code',
          prompt: `${refused ? '验证码不正确，已重新发送。' : ''}请输入发送到 138****1234 的短信验证码`,
          timeoutMs: this.smsTimeoutMs,
        });
        this.answers.push(answer);
        if (!this.refusedSmsCodes.has(answer)) break;
        refused = true;
        await this.beforeNewSmsCode;
      }
    }
    await this.holdBeforeSubmit.get(request.itemId);
    await io.beforeFinalSubmit();
    this.filed.push(request.itemId);
    const made = RECEIPTS[request.itemId]?.() ?? {
      receipt: { reference: `X-${request.itemId}` },
      outputs: {},
      awaitingResult: false,
    };
    return { outcome: 'submitted', comparison: [], ...made };
  }

  async followUp(_request: ItemRunRequest, receipt: Record<string, string>): Promise<FollowUpResult> {
    return {
      done: true,
      receipt: { ...receipt, creditCode: '91350603MA2Y8ABC1X' },
      outputs: {
        creditCode: '91350603MA2Y8ABC1X',
        establishedDate: '2026-11-22',
        registrationAuthority: '漳州市龙文区市场监督管理局',
      },
    };
  }

  async close(): Promise<void> {}
}

export interface TestBots {
  queue: BotQueue;
  /** The BullMQ queues, for the admin's board. */
  queues: readonly Queue[];
  redisUrl: string;
  runner: WebScriptedRunner;
  close(): Promise<void>;
}

export interface TestBotsOptions {
  /** Where the portals are (the drift check walks them); default: the sandbox's usual ports. */
  sandboxUrls?: Readonly<Record<string, string>>;
  /** Runs drift checks in the workers, walking the portals the directory names. */
  driftCheck?: (directory: PortalDirectory) => DriftChecker;
}

export async function startTestBots(
  db: Db,
  dataDir: string,
  options: TestBotsOptions = {},
): Promise<TestBots> {
  const redisDir = mkdtempSync(join(tmpdir(), 'yijian-web-redis-'));
  const redis = await startManagedRedis({ dir: redisDir });
  const tuning: QueueTuning = {
    ...DEFAULT_TUNING,
    retryDelayMs: 50,
    personPollMs: 100,
    followUpDelayMs: 50,
    itemAttempts: 2,
  };
  const clients = new QueueClients(redis.url, BOT_PORTAL_IDS);
  const box = new SealedBox('test-secret-that-is-long-enough-0123456789', 'portal-credentials');
  const source = botApplicationSource(db, dataDir);
  const queue = new BotQueue({ db, clients, source, box, logger: silentLogger, tuning });
  await queue.init();
  const runner = new WebScriptedRunner();
  const directory = createPortalDirectory({
    db,
    box,
    sandboxUrls: options.sandboxUrls ?? sandboxPortalUrls(4100),
  });
  const workers = startWorkers({
    clients,
    db,
    runner,
    source,
    directory,
    ...(options.driftCheck ? { driftCheck: options.driftCheck(directory) } : {}),
    dataDir,
    logger: silentLogger,
    tuning,
    portals: BOT_PORTAL_IDS,
    concurrency: 2,
    coordinator: true,
    onSettled: completeApplicationWhenDone(db, clients.publisher),
  });
  return {
    queue,
    queues: clients.allQueues,
    redisUrl: redis.url,
    runner,
    async close() {
      await workers.close(1000);
      await clients.close();
      await redis.stop();
      rmSync(redisDir, { recursive: true, force: true });
    },
  };
}

/** A test server whose one-key submissions go through the real queue with the scripted bots. */
export async function startTestServerWithBots(): Promise<{ web: TestServer; bots: TestBots }> {
  let bots: TestBots | undefined;
  const web = await startTestServer({
    bots: async (db, dataDir) => {
      bots = await startTestBots(db, dataDir);
      return bots;
    },
  });
  if (!bots) throw new Error('the test server started without its bots');
  return { web, bots };
}

/** Polls until `check` holds (the queue works on its own time), failing with what was last seen. */
export async function until<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`timed out; last seen: ${JSON.stringify(last)}`);
    await sleep(100);
    last = await read();
  }
  return last;
}

/**
 * The clerk's one key for application `id`, then the SMS code the seal item asks for, answered: the first
 * steps of every run through the queue. Throws where one of them is refused; gives the clerk's client.
 */
export async function dispatchAndAnswerSms(web: TestServer, queue: BotQueue, id: string): Promise<Client> {
  const clerk = new Client(web.base);
  await clerk.login('clerk.longwen', 'Clerk-pass-1');
  const pressed = await clerk.postForm(`/desk/applications/${id}/dispatch`, {});
  if (pressed.status !== 303) throw new Error(`one key answered ${pressed.status}`);
  const open = await until(
    () => queue.openTasks([id]),
    (tasks) => tasks.some((task) => task.kind === 'sms-code'),
  );
  const sms = open.find((task) => task.kind === 'sms-code');
  if (!(await queue.answerTask(sms?.id ?? 0, SMS_CODE, 'test'))) throw new Error('the SMS code was refused');
  return clerk;
}
