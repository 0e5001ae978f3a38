import { z } from 'zod';
import { driftSchema } from './drift.ts';

/**
 * Run-time behaviour a test or benchmark can change through the control API (PUT /__sandbox/faults).
 * Times are milliseconds. Every portal has its own settings; `startPortals({ faults })` sets the defaults.
 */
export const faultSettingsSchema = z.object({
  /** Each page and XHR waits a random time in [min, max] before answering. */
  latencyMs: z
    .tuple([z.number().int().min(0).max(60_000), z.number().int().min(0).max(60_000)])
    .refine(([min, max]) => min <= max, '最小延迟不能大于最大延迟'),
  /** Share of requests (0–1) answered with the busy page instead of the real one. */
  errorRate: z.number().min(0).max(1),
  /** The next N requests get the busy page, whatever errorRate says (deterministic faults for tests). */
  failNext: z.number().int().min(0).max(10_000),
  /** HTTP status of the busy page: 500/502/503, or 200 as some portals answer "系统繁忙" with a success code. */
  errorStatus: z.union([z.literal(200), z.literal(500), z.literal(502), z.literal(503)]),
  /** A logged-in session idle this long is dropped and the next page bounces to login. */
  sessionTimeoutMs: z
    .number()
    .int()
    .min(100)
    .max(24 * 3600_000),
  /** How long after a company's registration the tax and social-insurance sides still do not know it. */
  syncLagMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600_000),
  /** How long a registration stays 审核中 before it is approved with a credit code. */
  approvalDelayMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600_000),
  /**
   * The next POST to this path (say `/api/apply`) is carried out, but its answer never arrives: the connection
   * is closed instead. A final click whose response is lost, so a bot cannot know it filed. Cleared once used.
   */
  loseAnswerTo: z.string().max(200),
  /** Changes to the portal's forms as departments make them (sandbox/kit/drift.ts); none by default. */
  drift: z.array(driftSchema).max(20),
});

export type FaultSettings = z.infer<typeof faultSettingsSchema>;
export const faultPatchSchema = faultSettingsSchema.partial().strict();
export type FaultPatch = z.infer<typeof faultPatchSchema>;

export const DEFAULT_FAULTS: FaultSettings = {
  latencyMs: [0, 0],
  errorRate: 0,
  failNext: 0,
  errorStatus: 503,
  sessionTimeoutMs: 20 * 60_000,
  syncLagMs: 10_000,
  approvalDelayMs: 5_000,
  loseAnswerTo: '',
  drift: [],
};

/** The live settings of one portal; read on every request, so a change applies at once. */
export class Faults {
  #settings: FaultSettings;
  readonly #random: () => number;

  constructor(initial: FaultPatch = {}, random: () => number = Math.random) {
    this.#settings = faultSettingsSchema.parse({ ...DEFAULT_FAULTS, ...initial });
    this.#random = random;
  }

  get settings(): Readonly<FaultSettings> {
    return this.#settings;
  }

  /** Applies a partial change; throws a ZodError naming the bad setting. */
  update(patch: unknown): FaultSettings {
    const change = faultPatchSchema.parse(patch);
    this.#settings = faultSettingsSchema.parse({ ...this.#settings, ...change });
    return this.#settings;
  }

  /** Whether this request should get the busy page (consumes one `failNext`). */
  shouldFail(): boolean {
    if (this.#settings.failNext > 0) {
      this.#settings = { ...this.#settings, failNext: this.#settings.failNext - 1 };
      return true;
    }
    return this.#settings.errorRate > 0 && this.#random() < this.#settings.errorRate;
  }

  /** Whether the answer to this POST is to be lost (consumes `loseAnswerTo`). */
  shouldLoseAnswer(method: string, path: string): boolean {
    if (method !== 'POST' || this.#settings.loseAnswerTo === '' || this.#settings.loseAnswerTo !== path)
      return false;
    this.#settings = { ...this.#settings, loseAnswerTo: '' };
    return true;
  }

  latency(): number {
    const [min, max] = this.#settings.latencyMs;
    return min + Math.floor(this.#random() * (max - min + 1));
  }
}
