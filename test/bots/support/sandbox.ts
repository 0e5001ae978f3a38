import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttachedDocument, ItemRunIo, PersonQuestion, StepRecord } from '../../../bots/item-runner.ts';
import { documentPicture } from '../../../cli/document-picture.ts';
import type { PortalId } from '../../../sandbox/kit/portal.ts';
import type { Submission } from '../../../sandbox/kit/submissions.ts';
import { type RunningPortals, type StartPortalsOptions, startPortals } from '../../../sandbox/start.ts';

/** The sandbox portals for a bot test file, with the control API at hand. */
export class Sandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'yijian-bots-'));
  portals!: RunningPortals;

  async start(options: StartPortalsOptions = {}): Promise<this> {
    this.portals = await startPortals({
      basePort: 0,
      faults: { approvalDelayMs: 300, syncLagMs: 0 },
      tickMs: 100,
      ...options,
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.portals?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  url(id: PortalId): string {
    const url = this.portals.urls[id];
    if (!url) throw new Error(`portal ${id} is not running`);
    return url;
  }

  async control<T>(id: PortalId, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const response = await fetch(`${this.url(id)}/__sandbox${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${this.portals.controlToken}`, 'content-type': 'application/json' },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    if (!response.ok) throw new Error(`control ${id}${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async submissions(id: PortalId): Promise<Submission[]> {
    return (await this.control<{ submissions: Submission[] }>(id, '/submissions')).submissions;
  }

  setFaults(id: PortalId, faults: object): Promise<unknown> {
    return this.control(id, '/faults', { method: 'PUT', body: faults });
  }

  /** Answers a bot's questions as the clerk and the applicant would: the CAPTCHA and the SMS inbox. */
  async answer(question: PersonQuestion, smsPortal?: PortalId): Promise<string> {
    if (question.kind === 'captcha') {
      return (await this.control<{ answer: string }>('unified-login', '/captcha')).answer;
    }
    if (!smsPortal) throw new Error('no SMS portal given');
    const { messages } = await this.control<{ messages: { text: string }[] }>(smsPortal, '/sms');
    const last = messages.at(-1)?.text ?? '';
    return /(\d{6})/.exec(last)?.[1] ?? '';
  }

  /** Real picture files for the upload slots (JPEG drawn on a canvas), by document id. */
  documents(ids: readonly string[]): Record<string, AttachedDocument> {
    const dir = join(this.dir, 'documents');
    mkdirSync(dir, { recursive: true });
    return Object.fromEntries(
      ids.map((id) => {
        const path = join(dir, `${id}.jpg`);
        writeFileSync(path, documentPicture(id, { width: 360, height: 220 }));
        return [id, { path, fileName: `${id}.jpg`, mimeType: 'image/jpeg' }];
      }),
    );
  }
}

/** An ItemRunIo that keeps everything a run reports, for assertions. */
export class RecordingIo implements ItemRunIo {
  readonly steps: StepRecord[] = [];
  readonly questions: PersonQuestion[] = [];
  submitsStarted = 0;
  /** What the queue holds to give up on a run (its watchdog, a shutdown). */
  readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  readonly tracePath: string;

  constructor(
    dir: string,
    private readonly answer: (question: PersonQuestion) => Promise<string>,
  ) {
    this.tracePath = join(dir, `trace-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.zip`);
  }

  /** Called after each step is reported: a test's hook into the middle of a run. */
  onStep?: (record: StepRecord) => Promise<void> | void;

  async step(record: StepRecord): Promise<void> {
    this.steps.push(record);
    await this.onStep?.(record);
  }

  async beforeFinalSubmit(): Promise<void> {
    this.submitsStarted += 1;
  }

  async askPerson(question: PersonQuestion): Promise<string> {
    this.questions.push(question);
    return this.answer(question);
  }
}
