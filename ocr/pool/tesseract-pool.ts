import { type Logger, silentLogger } from '../../lib/logger.ts';
import { OcrClosedError, OcrEngineError } from '../errors.ts';
import { type EngineWorker, startEngineWorker } from './engine-worker.ts';
import { endEngines } from './slots.ts';
import type { RecognisedText, RecogniseJob } from './types.ts';

export type { RecognisedSymbol, RecognisedText, RecogniseJob, SegmentationMode } from './types.ts';

/**
 * A fixed-size pool of tesseract.js workers. Each worker is a worker thread holding the chi_sim LSTM model,
 * so recognition never blocks the event loop that serves requests. Workers are started once and reused
 * (starting one costs ≈ 0.5 s; reading an ID-card field ≈ 20–60 ms). A worker that fails a job, times out or
 * whose thread dies is thrown away and replaced; the failing job is rejected and every other job goes on.
 */

export interface TesseractPoolOptions {
  /** Number of workers (threads); each holds its own model (≈ 40 MB). */
  workers: number;
  /** Longest wait for one worker to load the model before start-up fails. Default 20 s. */
  startupTimeoutMs?: number;
  /** A job running longer than this is abandoned and its worker replaced. Default 30 s. */
  jobTimeoutMs?: number;
  logger?: Logger;
}

const DEFAULTS = { startupTimeoutMs: 20_000, jobTimeoutMs: 30_000 } satisfies Partial<TesseractPoolOptions>;

interface Slot {
  index: number;
  worker: EngineWorker | null;
  busy: boolean;
}

interface Pending {
  job: RecogniseJob;
  resolve: (result: RecognisedText) => void;
  reject: (error: Error) => void;
}

export class TesseractPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private readonly logger: Logger;
  private readonly settings: Required<Omit<TesseractPoolOptions, 'logger'>>;
  private closed = false;
  private replaced = 0;
  /** Replacements in flight, awaited by close(). */
  private readonly restarts = new Set<Promise<void>>();

  private constructor(options: TesseractPoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) {
      throw new RangeError(`TesseractPool: workers must be a positive integer (got ${options.workers})`);
    }
    this.settings = {
      workers: options.workers,
      startupTimeoutMs: options.startupTimeoutMs ?? DEFAULTS.startupTimeoutMs,
      jobTimeoutMs: options.jobTimeoutMs ?? DEFAULTS.jobTimeoutMs,
    };
    this.logger = options.logger ?? silentLogger;
    this.slots = Array.from({ length: options.workers }, (_, index) => ({
      index,
      worker: null,
      busy: false,
    }));
  }

  /** Starts every worker; rejects with OcrStartupError (and leaves nothing running) if any cannot start. */
  static async start(options: TesseractPoolOptions): Promise<TesseractPool> {
    const pool = new TesseractPool(options);
    const started = await Promise.allSettled(pool.slots.map((slot) => pool.fill(slot)));
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) {
      await pool.close();
      throw failure.reason;
    }
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  /** How many workers have been thrown away and replaced since start (failures, timeouts, dead threads). */
  get replacements(): number {
    return this.replaced;
  }

  /** Jobs waiting for a free worker (not counting running ones). */
  get waiting(): number {
    return this.queue.length;
  }

  recognise(job: RecogniseJob): Promise<RecognisedText> {
    if (this.closed) return Promise.reject(new OcrClosedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Rejects queued jobs, stops every worker. Running jobs are rejected too (their threads are terminated). */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new OcrClosedError());
    await endEngines(this.restarts, this.slots, 'worker', (worker) => worker.terminate());
  }

  private async fill(slot: Slot): Promise<void> {
    const worker = await startEngineWorker({
      timeoutMs: this.settings.startupTimeoutMs,
      onThreadFailure: (error) => this.onThreadFailure(slot, worker, error),
    });
    if (this.closed) {
      await worker.terminate();
      return;
    }
    slot.worker = worker;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy || !slot.worker) continue;
      const pending = this.queue.shift();
      if (pending) void this.run(slot, slot.worker, pending);
    }
  }

  private async run(slot: Slot, worker: EngineWorker, pending: Pending): Promise<void> {
    slot.busy = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new OcrEngineError('识别超时，请重新上传一张更清晰的照片')),
          pending.job.timeoutMs ?? this.settings.jobTimeoutMs,
        );
      });
      const result = await Promise.race([worker.recognise(pending.job), timeout]);
      pending.resolve(result);
      slot.busy = false;
    } catch (error) {
      this.logger.warn({ err: error, worker: slot.index }, 'OCR worker failed a job; replacing it');
      pending.reject(
        error instanceof OcrEngineError
          ? error
          : new OcrEngineError('识别引擎出错，请重试', { cause: error }),
      );
      this.replace(slot, worker);
    } finally {
      clearTimeout(timer);
      this.dispatch();
    }
  }

  private onThreadFailure(slot: Slot, worker: EngineWorker, error: unknown): void {
    this.logger.error({ err: error, worker: slot.index }, 'OCR worker thread died; replacing it');
    worker.failCurrent(new OcrEngineError('识别引擎出错，请重试', { cause: error }));
  }

  /** Takes a worker out of service and starts its replacement in the background. */
  private replace(slot: Slot, worker: EngineWorker): void {
    if (slot.worker !== worker) return;
    this.replaced += 1;
    slot.worker = null;
    slot.busy = false;
    void worker.terminate();
    this.restart(slot);
  }

  private restart(slot: Slot): void {
    if (this.closed) return;
    const restart = this.fill(slot)
      .catch((error: unknown) => {
        this.logger.error({ err: error, worker: slot.index }, 'OCR worker could not be restarted');
        // Retry later so a transient failure does not shrink the pool for good.
        if (!this.closed) setTimeout(() => this.restart(slot), 5_000).unref();
      })
      .finally(() => {
        this.restarts.delete(restart);
        this.dispatch();
      });
    this.restarts.add(restart);
  }
}
