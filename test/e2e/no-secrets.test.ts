import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenshotMasking } from '../../bots/item-runner.ts';
import { BOT_PORTAL_IDS } from '../../cli/bot-system.ts';
import { seedReferenceApplication } from '../../cli/e2e/reference-application.ts';
import { startSimulatedPeople } from '../../cli/e2e/simulated-people.ts';
import { ELEMENTS, loadCase } from '../../forms/index.ts';
import { createLogger, silentLogger } from '../../lib/logger.ts';
import { sleep } from '../../lib/net.ts';
import { readZip } from '../../lib/zip.ts';
import { maskingPath } from '../../queue/evidence.ts';
import { PORTAL_DEFINITIONS } from '../../sandbox/catalog.ts';
import { UNIFIED_LOGIN_ACCOUNTS } from '../../sandbox/unified-login/portal.ts';
import { ApplicationsRepo } from '../../store/applications.repo.ts';
import { maskCoverage } from '../bots/support/masking.ts';
import { type IsolatedEnvironment, openIsolatedEnvironment } from './support/isolated-environment.ts';

/**
 * Issue 18, done when: a full filing through portals with password logins, then every log line the run
 * produced, every audit row and every run record in the store (runs, steps, tasks, items) and every trace
 * zip are searched for the case's sensitive values and the portal passwords. None is found.
 */
describe('a filing leaves no secret in logs, audit rows, run records or traces', () => {
  let opened: IsolatedEnvironment;
  let applicationId = '';
  let logged = '';

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    opened = await openIsolatedEnvironment({
      // Social insurance learns of the company late, so its first run may fail and log why.
      faults: { approvalDelayMs: 500, syncLagMs: 3_000 },
      tuning: {
        retryDelayMs: 500,
        retryDelayMaxMs: 4_000,
        itemAttempts: 6,
        followUpDelayMs: 300,
        personPollMs: 100,
      },
      logger: createLogger({ level: 'debug', destination }),
    });
    const { store, env, dataDir } = opened;
    const seeded = await seedReferenceApplication(store.db, dataDir, {
      companyName: '漳州市龙文区守密软件科技有限公司',
    });
    applicationId = seeded.applicationId;
    // Social insurance and what it needs run; the other items of the bundle wait in their paused queues.
    const plan = await env.bots.source.plan(applicationId);
    const needed = new Set<string>();
    const need = (itemId: string) => {
      if (needed.has(itemId)) return;
      needed.add(itemId);
      for (const before of plan.find((p) => p.itemId === itemId)?.needs ?? []) need(before);
    };
    need('social-insurance');
    const running = new Set(plan.filter((p) => needed.has(p.itemId)).map((p) => p.portalId));
    for (const portalId of BOT_PORTAL_IDS.filter((id) => !running.has(id))) {
      await env.bots.queue.updateSettings(portalId, { paused: true }, 'test');
    }
    await new ApplicationsRepo(store.db).transition({ kind: 'all' }, applicationId, {
      from: ['accepted'],
      to: 'processing',
      actorId: null,
      actorRole: 'clerk',
    });
    const people = startSimulatedPeople({
      queue: env.bots.queue,
      sandbox: env.sandbox,
      applicationIds: () => [applicationId],
      replyMs: 100,
      logger: silentLogger,
    });
    try {
      await env.bots.queue.submit(applicationId);
      const deadline = Date.now() + 240_000;
      for (;;) {
        const items = await env.bots.queue.items(applicationId);
        const social = items.find((item) => item.itemId === 'social-insurance');
        if (social?.status === 'done' || social?.status === 'failed') break;
        if (items.some((item) => item.status === 'failed') || Date.now() > deadline) break;
        await sleep(300);
      }
    } finally {
      await people.stop();
    }
  }, 300_000);
  afterAll(() => opened?.close());

  /**
   * Every value of a sensitive data element in the case (ID numbers, mobiles, addresses, accounts …), typed or
   * read by OCR from the ID cards, and every portal password. Taken from the case file and the catalogue of
   * elements, not from the redaction code under test.
   */
  async function secrets(): Promise<string[]> {
    const formCase = await loadCase('reference');
    const found = new Set<string>();
    const collect = (value: unknown) => {
      if (typeof value === 'string' && value.length >= 6) found.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    // Element keys name rows with `[]` (persons[].idNumber), whether the values are nested or flat.
    const walk = (value: unknown, path: string) => {
      if (ELEMENTS.get(path.replace(/\[\d+\]/g, '[]'))?.sensitive) return collect(value);
      if (Array.isArray(value)) for (const one of value) walk(one, `${path}[]`);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    };
    for (const [key, value] of Object.entries(formCase.typed)) walk(value, key);
    for (const element of ELEMENTS.values()) {
      if (!element.sensitive) continue;
      for (const source of element.sources) {
        if (source.kind !== 'ocr') continue;
        for (const reading of formCase.documents)
          if (reading.kind === source.document) collect(reading.fields?.[source.field]);
      }
    }
    for (const account of UNIFIED_LOGIN_ACCOUNTS) found.add(account.password);
    for (const definition of PORTAL_DEFINITIONS)
      for (const account of definition.accounts) found.add(account.password);
    return [...found];
  }

  it('files social insurance and the items it needs, signing in with passwords', async () => {
    const items = await opened.env.bots.queue.items(applicationId);
    const status = Object.fromEntries(items.map((item) => [item.itemId, item.status]));
    expect(status).toMatchObject({ 'business-registration': 'done', 'social-insurance': 'done' });
    const list = await secrets();
    // The case really holds the kinds of values the promise is about.
    expect(list.some((value) => /^\d{17}[\dX]$/.test(value))).toBe(true); // an ID number
    expect(list.some((value) => /^1\d{10}$/.test(value))).toBe(true); // a mobile
    expect(list).toContain(UNIFIED_LOGIN_ACCOUNTS[0].password);
  });

  it('has none of them in any log line of the run', async () => {
    // The log is a real one: the workers wrote about the runs (logins ahead, failures and retries).
    expect(logged).toMatch(/"portal":"[a-z-]+"/);
    for (const secret of await secrets())
      expect(logged.includes(secret), `log holds ${secret.slice(0, 3)}…`).toBe(false);
  });

  it('has none of them in the audit log or the run records in the store', async () => {
    const { db } = opened.store;
    const tables = ['audit_log', 'bot_runs', 'bot_run_steps', 'human_tasks', 'application_items'];
    const dumps: Record<string, string> = {};
    for (const table of tables) {
      // Screenshots are pictures: their pixels are checked by the bots' own tests, not as text.
      const rows = await db.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
      dumps[table] = JSON.stringify(rows, (_key, value) =>
        Buffer.isBuffer(value) || value instanceof Uint8Array ? '[bytes]' : value,
      );
    }
    expect(dumps.bot_runs?.length).toBeGreaterThan(100);
    expect(dumps.bot_run_steps).not.toBe('[]');
    for (const secret of await secrets()) {
      for (const [table, text] of Object.entries(dumps))
        expect(text.includes(secret), `${table} holds ${secret.slice(0, 3)}…`).toBe(false);
    }
  });

  it('has none of them in any trace zip the runs left', async () => {
    const evidence = join(opened.dataDir, 'evidence');
    const traces = readdirSync(evidence, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('trace.zip'))
      .map((path) => join(evidence, path));
    expect(traces.length).toBeGreaterThanOrEqual(2);
    for (const trace of traces) {
      const text = readZip(readFileSync(trace))
        .map((entry) => entry.data.toString('utf8'))
        .join('\n');
      for (const secret of await secrets())
        expect(text.includes(secret), `${trace} holds ${secret.slice(0, 3)}…`).toBe(false);
    }
  });

  /** Every file under DATA_DIR (paths relative to it) but the parts that hold the case by design. */
  const ownFiles = () =>
    readdirSync(opened.dataDir, { recursive: true, encoding: 'utf8' }).filter(
      (path) =>
        lstatSync(join(opened.dataDir, path)).isFile() &&
        // The simulated departments keep what they were sent, as the real ones do; the uploads are the
        // applicant's own documents.
        !/^(portals|uploads)(\/|$)/.test(path),
    );

  it('has none of them in plain text in any file the run left under DATA_DIR', async () => {
    const files = ownFiles();
    // The queue's append-only file and the evidence are among them.
    expect(files.some((path) => path.startsWith('redis/'))).toBe(true);
    expect(files.some((path) => path.endsWith('.masks.json'))).toBe(true);
    const list = await secrets();
    for (const path of files.filter((p) => !/\.(jpg|png)$/.test(p))) {
      const bytes = readFileSync(join(opened.dataDir, path));
      const text = `${bytes.toString('utf8')}\n${bytes.toString('latin1')}`;
      for (const secret of list)
        expect(text.includes(secret), `${path} holds ${secret.slice(0, 3)}…`).toBe(false);
    }
  });

  it('covers in solid mask colour every place a screenshot of the runs showed a sensitive value', async () => {
    const shots = ownFiles().filter((path) => path.startsWith('evidence/') && /\d{2}-.*\.jpg$/.test(path));
    expect(shots.length).toBeGreaterThanOrEqual(6);
    let places = 0;
    const unmasked: string[] = [];
    for (const shot of shots) {
      const sidecar = join(opened.dataDir, maskingPath(shot));
      // Every step's screenshot says where it masked by text, even when that is nowhere.
      expect(existsSync(sidecar), `${shot} has no masking record`).toBe(true);
      const { found } = JSON.parse(readFileSync(sidecar, 'utf8')) as ScreenshotMasking;
      places += found.length;
      const coverage = await maskCoverage(readFileSync(join(opened.dataDir, shot)), found);
      for (const [i, share] of coverage.entries()) if (share < 0.9) unmasked.push(`${shot} #${i} ${share}`);
    }
    // The forms and receipts of the runs did show ID numbers and mobiles.
    expect(places).toBeGreaterThanOrEqual(4);
    expect(unmasked).toEqual([]);
  });

  it('leaves no file or folder under DATA_DIR that group or others may use', () => {
    // Evidence, uploads and the database are written owner-only, whatever the process's umask.
    const open = readdirSync(opened.dataDir, { recursive: true, encoding: 'utf8' })
      .map((path) => join(opened.dataDir, path))
      .filter((path) => (lstatSync(path).mode & 0o077) !== 0 && !lstatSync(path).isSymbolicLink());
    expect(open).toEqual([]);
  });
});
