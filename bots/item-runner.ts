import type { HumanTaskKind } from './errors/index.ts';

/**
 * The contract between the queue and the bots. The queue decides *when* an item runs and records what
 * happened; a runner decides *how* a portal is driven. A runner throws only BotErrors (see ./errors) or
 * errors that `coerceBotError` understands; everything it learns goes back through `io`.
 *
 * Glossary
 * - item: one government item of a bundle (business-registration, seal-engraving, …).
 * - values: the item's projection — field ids and wire values of docs/item-fields.md.
 * - reconcile: before the final submit, look the application up in the portal's 办件查询 and adopt an
 *   earlier receipt instead of filing again (set on every retried, resumed or resubmitted run).
 * - follow-up: items whose result arrives later (registration is 受理 first, approved with a credit code after
 *   a review) are finished by `followUp`, which only reads the portal's 办件查询.
 */

export type ItemValues = Readonly<Record<string, unknown>>;

export interface AttachedDocument {
  path: string;
  fileName: string;
  mimeType: string;
}

export interface ItemRunRequest {
  applicationId: string;
  /** Our human-readable reference (e.g. YJ20261122-0007); also typed where a portal has a remark field. */
  applicationRef: string;
  itemId: string;
  portalId: string;
  /** Where the portal lives (the sandbox on this machine, or the real system). */
  baseUrl: string;
  values: ItemValues;
  /** Uploaded materials by document id, as named by upload values `{ document: id }`. */
  documents: Readonly<Record<string, AttachedDocument>>;
  credentials?: { username: string; password: string };
  reconcile: boolean;
  /**
   * Whether an earlier attempt reached the final click (the queue records it before the click). False lets a
   * retry on a portal without any look-up go ahead; absent is taken as "it may have".
   */
  submitStarted?: boolean;
}

export interface StepRecord {
  name: string;
  status: 'ok' | 'failed';
  startedAt: Date;
  durationMs: number;
  /** JPEG (or PNG) with personal data masked. */
  screenshot?: Buffer;
  /** Where the screenshot showed a sensitive value of the run (each covered by a box), and what finding them cost. */
  masking?: ScreenshotMasking;
  note?: string;
}

/** A rectangle of a screenshot, in its pixels. */
export interface ImageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The places a step's screenshot showed a sensitive value, found by the value's text at the moment it was taken
 * (bots/runtime/text-mask.ts). Holds no value: only where they were, so the picture can be checked.
 */
export interface ScreenshotMasking {
  found: ImageBox[];
  /** Time spent looking for the values, laying the boxes and taking them away (ms). */
  searchMs: number;
}

/** One row of the read-back before submit: what the bot meant to type against what the page holds. */
export interface FieldComparison {
  fieldId: string;
  intended: string;
  onPage: string;
  matches: boolean;
}

export interface PersonQuestion {
  kind: HumanTaskKind;
  /** What to ask, in Chinese, e.g. 请输入发送到 138****5678 的短信验证码. */
  prompt: string;
  image?: Buffer;
  timeoutMs: number;
}

export interface ItemRunIo {
  signal: AbortSignal;
  step(record: StepRecord): Promise<void>;
  /** Called right before the final submit click; resolves once the store knows a submission may exist. */
  beforeFinalSubmit(): Promise<void>;
  /** Waits for a person's answer; rejects with PersonNeededError when the deadline passes. */
  askPerson(question: PersonQuestion): Promise<string>;
  /**
   * Wraps a wait for something outside the run (a free browser context), so the queue's watchdog does not
   * take it for a hung run. Optional: an io without a watchdog need not have it.
   */
  waitOutside?<T>(waiting: Promise<T>): Promise<T>;
  /** Where to write this run's Playwright trace (zip); the queue links it to the run. */
  tracePath: string;
}

export interface ItemRunResult {
  /** submitted: filed now · adopted: an earlier submission was found in 办件查询 and taken over. */
  outcome: 'submitted' | 'adopted';
  receipt: Record<string, string>;
  /** The item's outputs that are known now (docs/item-fields.md "produces"). */
  outputs: Record<string, unknown>;
  /** True when the item is accepted but its outputs come later (see follow-up). */
  awaitingResult: boolean;
  comparison: FieldComparison[];
}

export interface FollowUpResult {
  done: boolean;
  outputs: Record<string, unknown>;
  receipt: Record<string, string>;
}

/** Who logs in where, for a warm log-in before the filing: no values yet (the needs are still running). */
export type WarmRequest = Pick<
  ItemRunRequest,
  'applicationId' | 'itemId' | 'portalId' | 'baseUrl' | 'credentials'
>;

/**
 * logged-in: a session is now kept for the filing · kept: one was kept already · skipped: this portal or runner
 * keeps no sessions, or logs in with the item's own data (tax), so there is nothing to warm.
 */
export type WarmOutcome = 'logged-in' | 'kept' | 'skipped';

export interface ItemRunner {
  run(request: ItemRunRequest, io: ItemRunIo): Promise<ItemRunResult>;
  /**
   * A warm log-in: logs in to the item's portal before its filing and keeps the session for it (best effort: a failure
   * only means the filing logs in itself). Optional: a runner without kept sessions has nothing to warm.
   */
  warm?(request: WarmRequest, signal: AbortSignal): Promise<WarmOutcome>;
  followUp(request: ItemRunRequest, receipt: Record<string, string>, io: ItemRunIo): Promise<FollowUpResult>;
  close(): Promise<void>;
}
