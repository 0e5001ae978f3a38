import { z } from 'zod';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A time in milliseconds: a whole number from `min`, `fallback` when unset. */
const ms = (min: number, fallback: number) => z.number().int().min(min).default(fallback);

/**
 * Everything a browser runner can be tuned with, each with its default, in one place. `createBrowserRunner`
 * merges and validates these once; a bad value is reported with the option's name.
 */
export const runnerOptionsSchema = z.object({
  /** The Chromium binary; unset: found by `findChromium` (CHROMIUM_PATH, Playwright's, Debian's). */
  chromiumPath: z.string().min(1).optional(),
  /** Host names the portals live on besides localhost (the closed-network resolver lets only these through). */
  allowHosts: z.array(z.string()).default([]),
  /** Runs at the same time in this process (one browser context each, one shared Chromium). */
  poolSize: z.number().int().min(1).max(32).default(2),
  /** A Chromium is replaced after this many runs (memory of long-lived browsers grows). */
  recycleAfterRuns: z.number().int().min(1).default(50),
  /** One click, fill or read. */
  actionTimeoutMs: ms(100, 10 * SECOND),
  /** One page load or form post. */
  navigationTimeoutMs: ms(100, 30 * SECOND),
  /** How long a binding waits for its widget before the declaration is judged stale (PortalChangedError). */
  findTimeoutMs: ms(100, 5 * SECOND),
  /** How long a person has to answer (CAPTCHA, SMS code). */
  personTimeoutMs: ms(1000, 5 * MINUTE),
  /**
   * DOM snapshots in the Playwright trace (before/after every action). Useful when debugging a declaration
   * against a changed portal; they cost ≈ 25 % of a run's CPU and contain the typed values unmasked.
   */
  traceSnapshots: z.boolean().default(false),
  /** Screenshots of the whole page (evidence) or of the viewport only (cheaper). */
  fullPageScreenshots: z.boolean().default(true),
  /**
   * Tries of one step (a page, the login, the receipt) when the portal answers busy or 5xx, as a person
   * would reload and type again; after the last the run fails with PortalUnavailableError (the queue retries
   * later). Before trying the final submit again the run looks in 办件查询 first. Eight tries ride out a
   * portal that fails one request in five (a step makes four or five), which five did not.
   */
  stepAttempts: z.number().int().min(1).max(20).default(8),
  /** First pause before trying a busy portal again; doubled each time up to `retryDelayMaxMs`, with jitter. */
  retryDelayMs: ms(0, 300),
  retryDelayMaxMs: ms(0, 5_000),
  /**
   * Keep a portal account's logged-in session in memory for its next run (no new login, no new CAPTCHA)
   * for up to this long; 0 logs in afresh for every run.
   */
  sessionReuseMs: ms(0, 10 * MINUTE),
  /**
   * After filing an item the department decides later (registration's credit code), the run keeps the
   * item's page in 办件查询 open and reloads it for up to this long before handing the item to the queue's
   * follow-ups: many decisions come within seconds (秒批), and a follow-up needs a new browser context and a
   * login check each time. 0 hands over at once.
   */
  awaitDecisionMs: ms(0, 15 * SECOND),
  /** Attempts at an image CAPTCHA (each with a new picture) before giving up. */
  captchaAttempts: z.number().int().min(1).max(10).default(3),
});

export type RunnerSettings = z.infer<typeof runnerOptionsSchema>;

/**
 * Reads a CAPTCHA picture of the style its declaration names (e.g. a template reader injected by the process
 * that composes the parts). Undefined means "not read": a style the reader was not built for, or a picture
 * it could not cut into glyphs; the login then asks a person.
 */
export type CaptchaReader = (png: Buffer, style: string) => Promise<string | undefined>;

export interface BrowserRunnerOptions extends z.input<typeof runnerOptionsSchema> {
  /**
   * Optional image-CAPTCHA reader. bots/ may not import ocr/, so whoever composes a worker can hand one in;
   * without it (or when its answer is refused) a person is asked through `io.askPerson({ kind: 'captcha' })`.
   */
  readCaptcha?: CaptchaReader;
}

export function resolveRunnerOptions(options: BrowserRunnerOptions = {}): RunnerSettings {
  const { readCaptcha: _ignored, ...rest } = options;
  const parsed = runnerOptionsSchema.safeParse(rest);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid browser runner options: ${issues}`);
  }
  return parsed.data;
}
