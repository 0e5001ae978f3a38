import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_CENTRE, seedReferenceApplication } from '../../cli/e2e/reference-application.ts';
import { verifyApplication } from '../../cli/e2e/verify.ts';
import { freePort, sleep } from '../../lib/net.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { botRuns } from '../../store/bot-runs.repo.ts';
import { UsersRepo } from '../../store/users.repo.ts';
import { Client } from '../server/client.ts';
import { type Running, runYijian } from '../support/cli.ts';
import {
  openSharedInstallation,
  type SharedInstallation,
  sharedDatabase,
} from './support/shared-installation.ts';
import { WorkerFleet } from './support/worker-fleet.ts';

const database = await sharedDatabase();

interface Progress {
  items: { itemId: string; status: string; receipt: Record<string, string> }[];
  tasks: { id: number; itemId: string; kind: string }[];
}

/**
 * The deployment of a service centre with several machines: `yijian server` in one process, two
 * `yijian worker` processes splitting the portals between them (only the first runs the coordinator, so
 * every hand-off crosses processes), one Redis and one PostgreSQL. A clerk presses one key through the
 * server's API, the applicant answers the SMS code through the API, and the server reports every item done.
 */
describe.skipIf('skip' in database)('server and workers in separate processes', () => {
  let shared: SharedInstallation;
  let fleet: WorkerFleet;
  let fleetB: WorkerFleet;
  let server: Running;
  let base = '';

  beforeAll(async () => {
    if (!('url' in database)) return;
    shared = await openSharedInstallation({
      databaseUrl: database.url,
      faults: { approvalDelayMs: 1_000, syncLagMs: 1_500 },
      tuning: { retryDelayMs: 300, followUpDelayMs: 300, personPollMs: 100 },
    });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = runYijian(
      ['server'],
      { ...shared.childEnv, PORT: String(port), LOG_LEVEL: 'info' },
      { detached: true },
    );
    fleet = new WorkerFleet(shared.childEnv, [
      'worker',
      '--portals',
      'market-regulation,public-security,bank',
    ]);
    fleetB = new WorkerFleet(shared.childEnv, [
      'worker',
      '--portals',
      'tax,social-insurance,medical-insurance,housing-fund',
      '--no-coordinator',
    ]);
    await Promise.all([fleet.spawn(), fleetB.spawn(), server.waitFor(/Web 服务已启动/, 60_000)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([fleet?.stopAll(), fleetB?.stopAll()]);
    if (server?.child.pid) {
      process.kill(-server.child.pid, 'SIGTERM');
      await server.exited;
    }
    await shared?.close();
    if ('drop' in database) await database.drop();
  }, 60_000);

  it('one key at the server, bots in two other processes, the SMS code answered through the API', async () => {
    const seeded = await seedReferenceApplication(shared.db, shared.dataDir, {
      companyName: '漳州市龙文区云帆软件科技有限公司',
      applicantPassword: 'Applicant-pass-1',
      status: 'submitted',
    });
    await new UsersRepo(shared.db).create({
      role: 'clerk',
      login: 'window-3',
      displayName: '三号窗口',
      passwordHash: await hashPassword('Clerk-pass-1', 1024),
      centreId: E2E_CENTRE.id,
    });
    const clerk = new Client(base);
    expect((await clerk.login('window-3', 'Clerk-pass-1')).status).toBe(303);
    const applicant = new Client(base);
    expect((await applicant.login(seeded.applicantLogin, 'Applicant-pass-1')).status).toBe(303);

    const pressed = await clerk.sendJson('POST', `/api/applications/${seeded.applicationId}/dispatch`);
    expect(pressed.status, pressed.text).toBe(200);
    expect(pressed.json()).toEqual({ started: ['business-registration'] });

    const progressPath = `/api/applications/${seeded.applicationId}/progress`;
    let answered = 0;
    let progress: Progress = { items: [], tasks: [] };
    const until = Date.now() + 240_000;
    const answer = async (who: Client, taskId: number, code: string) => {
      const reply = await who.sendJson('POST', `/api/applications/${seeded.applicationId}/tasks/${taskId}`, {
        answer: code,
      });
      expect(reply.status, reply.text).toBe(200);
    };
    while (Date.now() < until) {
      // The applicant types the SMS code from their phone; the clerk reads the login CAPTCHA the bot could not.
      progress = (await applicant.get(progressPath)).json<Progress>();
      for (const task of progress.tasks.filter((t) => t.kind === 'sms-code')) {
        await answer(applicant, task.id, (await shared.env.sandbox.lastSmsCode('public-security')) ?? '');
        answered += 1;
      }
      const clerkTasks = (await clerk.get(progressPath)).json<Progress>().tasks;
      for (const task of clerkTasks.filter((t) => t.kind === 'captcha'))
        await answer(clerk, task.id, (await shared.env.sandbox.captchaAnswer()) ?? '');
      // Done, or stuck: a failed item holds back those that need it.
      if (
        progress.items.every((i) => i.status === 'done') ||
        progress.items.some((i) => i.status === 'failed')
      )
        break;
      await sleep(500);
    }
    const finished = progress.items.length > 0 && progress.items.every((i) => i.status === 'done');
    if (!finished) {
      const failures = (await botRuns.list(shared.db, { applicationId: seeded.applicationId }))
        .filter((r) => r.failure)
        .map((r) => `${r.itemId}#${r.attempt} ${r.worker}: ${JSON.stringify(r.failure)}`);
      throw new Error(
        `not finished: ${JSON.stringify(progress)}\n${failures.join('\n')}\n${fleet.logs()}\n${fleetB.logs()}\n--- server\n${server.output().slice(-3000)}`,
      );
    }
    expect(answered).toBe(1);
    const clerkView = (await clerk.get(progressPath)).json<Progress>();
    expect(clerkView.items.map((i) => [i.itemId, i.status])).toEqual(
      clerkView.items.map((i) => [i.itemId, 'done']),
    );
    expect(clerkView.items).toHaveLength(7);
    for (const item of clerkView.items) expect(Object.keys(item.receipt).length).toBeGreaterThan(0);

    const checks = await verifyApplication({
      db: shared.db,
      source: shared.env.bots.source,
      sandbox: shared.env.sandbox,
      applicationId: seeded.applicationId,
      companyName: seeded.companyName,
    });
    expect(checks.map((c) => [c.itemId, c.submissions, c.mismatches])).toEqual(
      checks.map((c) => [c.itemId, 1, []]),
    );
    // Both worker processes filed: the registration in the first, the tax registration in the second.
    const runs = await botRuns.list(shared.db, { applicationId: seeded.applicationId });
    const workerOf = (itemId: string) =>
      runs.find((r) => r.itemId === itemId && r.status === 'succeeded')?.worker;
    expect(workerOf('business-registration')).toMatch(new RegExp(`:${fleet.pids[0]}$`));
    expect(workerOf('tax-registration')).toMatch(new RegExp(`:${fleetB.pids[0]}$`));
    // The server saw the application finished (the status the workers set, read from the shared store).
    const detail = (await clerk.get(`/api/applications/${seeded.applicationId}`)).json<{ status: string }>();
    expect(detail.status).toBe('completed');
  }, 300_000);
});
