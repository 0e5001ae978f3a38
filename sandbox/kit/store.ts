import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { readJson, readJsonFolder, removeFolder, writeJsonAtomic } from './atomic-file.ts';
import { matchesFilter, type Submission, type SubmissionFilter } from './submissions.ts';

/** A text message the portal "sent"; the control API's inbox stands in for the applicant's phone. */
export interface SmsMessage {
  phone: string;
  code: string;
  text: string;
  purpose: string;
  sentAt: string;
  expiresAt: string;
  used: boolean;
}

interface Meta {
  counters: Record<string, number>;
  sms: SmsMessage[];
  extra: Record<string, unknown>;
}

const emptyMeta = (): Meta => ({ counters: {}, sms: [], extra: {} });

/**
 * A portal's durable state: its submissions (one file each, so filing stays O(1) however many there are),
 * counters for reference numbers, the SMS inbox and any portal-specific values (`extra`). With `dir` set
 * (DATA_DIR/portals/<portal>) everything is written atomically before the call returns and read back on
 * the next start; without it the state lives in memory only.
 */
export class PortalStore {
  readonly #dir: string | undefined;
  readonly #submissions = new Map<string, Submission>();
  #meta: Meta = emptyMeta();

  constructor(options: { dir?: string | undefined } = {}) {
    this.#dir = options.dir;
    if (!this.#dir) return;
    const meta = readJson(join(this.#dir, 'meta.json')) as Meta | undefined;
    if (meta) this.#meta = { ...emptyMeta(), ...meta };
    for (const item of readJsonFolder(join(this.#dir, 'submissions'))) {
      const submission = item as Submission;
      this.#submissions.set(submission.reference, submission);
    }
  }

  get persistent(): boolean {
    return this.#dir !== undefined;
  }

  /** The next value of a named counter (1, 2, …), kept across restarts. */
  nextSequence(name: string): number {
    const next = (this.#meta.counters[name] ?? 0) + 1;
    this.#meta.counters[name] = next;
    this.#saveMeta();
    return next;
  }

  add(submission: Submission): Submission {
    if (this.#submissions.has(submission.reference)) {
      throw new Error(`duplicate reference ${submission.reference}`);
    }
    this.#submissions.set(submission.reference, submission);
    this.#saveSubmission(submission);
    return submission;
  }

  /** Applies `change` to a stored submission and persists it; returns the updated record. */
  update(reference: string, change: (submission: Submission) => void): Submission | undefined {
    const submission = this.#submissions.get(reference);
    if (!submission) return undefined;
    change(submission);
    submission.updatedAt = new Date().toISOString();
    this.#saveSubmission(submission);
    return submission;
  }

  get(reference: string): Submission | undefined {
    return this.#submissions.get(reference);
  }

  /** Matching submissions, oldest first. */
  list(filter: SubmissionFilter = {}): Submission[] {
    return [...this.#submissions.values()]
      .filter((submission) => matchesFilter(submission, filter))
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.reference.localeCompare(b.reference));
  }

  /** Submissions whose `dueAt` has passed. */
  due(now: Date): Submission[] {
    // Called by the ticker several times a second: no sorting, just the few with a due date.
    const at = now.toISOString();
    const due: Submission[] = [];
    for (const submission of this.#submissions.values()) {
      if (submission.dueAt !== undefined && submission.dueAt <= at) due.push(submission);
    }
    return due;
  }

  addSms(message: SmsMessage): void {
    this.#meta.sms.push(message);
    // A phone keeps its last messages, not years of them.
    if (this.#meta.sms.length > 500) this.#meta.sms.splice(0, this.#meta.sms.length - 500);
    this.#saveMeta();
  }

  smsInbox(phone?: string): SmsMessage[] {
    return this.#meta.sms.filter((message) => phone === undefined || message.phone === phone);
  }

  markSmsUsed(message: SmsMessage): void {
    message.used = true;
    this.#saveMeta();
  }

  /** Portal-specific durable values (a bank's booked slots, a counter of its own, …). */
  getExtra<T>(key: string): T | undefined {
    return this.#meta.extra[key] as T | undefined;
  }

  setExtra(key: string, value: unknown): void {
    this.#meta.extra[key] = value;
    this.#saveMeta();
  }

  /**
   * A random whole number in [min, max), drawn the first time and kept under `key` with the state: the start
   * of a series of numbers, so that two sandboxes do not hand out the same ones.
   */
  keptRandom(key: string, min: number, max: number): number {
    let value = this.getExtra<number>(key);
    if (value === undefined) {
      value = randomInt(min, max);
      this.setExtra(key, value);
    }
    return value;
  }

  /** Forgets everything: submissions, counters, the SMS inbox and extras. */
  reset(): void {
    this.#submissions.clear();
    this.#meta = emptyMeta();
    if (!this.#dir) return;
    removeFolder(join(this.#dir, 'submissions'));
    this.#saveMeta();
  }

  #saveMeta(): void {
    if (this.#dir) writeJsonAtomic(join(this.#dir, 'meta.json'), this.#meta);
  }

  #saveSubmission(submission: Submission): void {
    if (!this.#dir) return;
    // References are generated by the portal from digits and letters; the check keeps a path out anyway.
    const safe = submission.reference.replace(/[^\w-]/g, '_');
    writeJsonAtomic(join(this.#dir, 'submissions', `${safe}.json`), submission);
  }
}
