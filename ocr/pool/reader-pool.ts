import { availableParallelism } from 'node:os';
import { type Logger, silentLogger } from '../../lib/logger.ts';
import { OcrBusyError, OcrClosedError, OcrEngineError } from '../errors.ts';
import type { OcrResult, OcrService, RecogniseOptions } from '../service.ts';
import { ReaderExitedError, ReaderProcess } from './reader-process.ts';
import { endEngines } from './slots.ts';

/**
 * The OCR service as the web server runs it: a fixed number of reader processes, each holding its own
 * PP-OCR sessions and tesseract worker (ONNX sessions cannot be shared between threads or processes), all
 * started and warmed before `start` resolves, so the first upload pays no model load. Jobs wait in a
 * bounded queue; a job running longer than `jobTimeoutMs` gets a clear error and its process is killed and
 * replaced; a process that dies under a job is replaced and the job is tried once more on the new one.
 */

export interface ReaderPoolOptions {
  /** Reader processes (OCR_WORKERS). Each holds ≈ 320 MB warm and ≈ 500 MB once it has read. */
  workers: number;
  /** ONNX Runtime threads per model in each process; default: the cores shared out among the readers. */
  threadsPerWorker?: number;
  /** Jobs that may wait for a reader; one more is refused with OcrBusyError. Default 8 per reader. */
  queueLimit?: number;
  /** A job running longer than this is abandoned and its reader replaced. Default 60 s. */
  jobTimeoutMs?: number;
  /** Longest wait for a reader to load its models. Default 120 s (a loaded machine is slow to start one). */
  startupTimeoutMs?: number;
  logger?: Logger;
}

export interface ReaderStats {
  pid: number;
  state: 'starting' | 'idle' | 'busy';
  /** Jobs this process has finished (read or failed). */
  jobs: number;
  loadMs: number;
  /** CPU time spent loading and warming (ms), and on the last job. */
  loadCpuMs: number;
  lastJobCpuMs: number;
  rssMb: number;
}

export interface ReaderPoolStats {
  readers: ReaderStats[];
  waiting: number;
  /** Readers killed or lost and started again since the pool started. */
  replacements: number;
  /** Resident memory of all reader processes, as each last reported it. */
  rssMb: number;
}

interface Job {
  image: Buffer;
  options: RecogniseOptions;
  /** Set once the job has been given to a reader that died under it. */
  retried: boolean;
  resolve: (result: OcrResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  reader: ReaderProcess | null;
  /** The process loading its models for this slot, killed at once if the pool closes meanwhile. */
  starting: ReaderProcess | null;
  busy: boolean;
  jobs: number;
}

const TIMED_OUT = '识别超时，请重新上传一张更清晰的照片';
const CRASHED = '识别引擎出错，请重新上传';
const RESTART_DELAY_MS = 5_000;

export class ReaderPool implements OcrService {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly settings: Required<Omit<ReaderPoolOptions, 'logger'>>;
  private readonly logger: Logger;
  private readonly restarts = new Set<Promise<void>>();
  private replaced = 0;
  private closed = false;

  private constructor(options: ReaderPoolOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1)
      throw new RangeError(`ReaderPool: workers must be a positive integer (got ${options.workers})`);
    this.settings = {
      workers: options.workers,
      threadsPerWorker:
        options.threadsPerWorker ?? Math.max(1, Math.floor(availableParallelism() / options.workers)),
      queueLimit: options.queueLimit ?? 8 * options.workers,
      jobTimeoutMs: options.jobTimeoutMs ?? 60_000,
      startupTimeoutMs: options.startupTimeoutMs ?? 120_000,
    };
    this.logger = options.logger ?? silentLogger;
    this.slots = Array.from({ length: options.workers }, () => ({
      reader: null,
      starting: null,
      busy: false,
      jobs: 0,
    }));
  }

  /**
   * Starts every reader at once and returns without waiting; `ready` resolves when all are warm, or rejects
   * with OcrStartupError (the pool is then closed). Jobs given before that wait for the first warm reader.
   */
  static start(options: ReaderPoolOptions): ReaderPool {
    const pool = new ReaderPool(options);
    pool.ready = Promise.allSettled(pool.slots.map((slot) => pool.fill(slot))).then(async (started) => {
      const failure = started.find((result) => result.status === 'rejected');
      // Closed while starting (the server stopped at once): not a failure to report.
      if (pool.closed) throw new OcrClosedError();
      if (failure) {
        await pool.close();
        throw failure.reason;
      }
      const stats = pool.stats();
      pool.logger.info(
        { readers: stats.readers.length, rssMb: stats.rssMb, loadMs: stats.readers.map((r) => r.loadMs) },
        'OCR 识别进程已就绪',
      );
    });
    pool.ready.catch(() => undefined);
    return pool;
  }

  /** Starts the pool and waits until every reader is warm. */
  static async started(options: ReaderPoolOptions): Promise<ReaderPool> {
    const pool = ReaderPool.start(options);
    await pool.ready;
    return pool;
  }

  /** Set by start(). */
  ready: Promise<void> = Promise.resolve();

  recognise(image: Buffer, options: RecogniseOptions = {}): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new OcrClosedError());
    if (this.queue.length >= this.settings.queueLimit) return Promise.reject(new OcrBusyError());
    return new Promise((resolve, reject) => {
      this.queue.push({ image, options, retried: false, resolve, reject });
      this.dispatch();
    });
  }

  stats(): ReaderPoolStats {
    const readers = this.slots.map((slot) => ({
      pid: slot.reader?.pid ?? 0,
      state: !slot.reader ? ('starting' as const) : slot.busy ? ('busy' as const) : ('idle' as const),
      jobs: slot.jobs,
      loadMs: slot.reader?.loadMs ?? 0,
      loadCpuMs: slot.reader?.loadCpuMs ?? 0,
      lastJobCpuMs: slot.reader?.lastJobCpuMs ?? 0,
      rssMb: Math.round((slot.reader?.rssBytes ?? 0) / 2 ** 20),
    }));
    return {
      readers,
      waiting: this.queue.length,
      replacements: this.replaced,
      rssMb: readers.reduce((sum, reader) => sum + reader.rssMb, 0),
    };
  }

  /** Refuses what waits, lets each reader release its models, and ends the processes. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new OcrClosedError());
    for (const slot of this.slots) slot.starting?.kill();
    await endEngines(this.restarts, this.slots, 'reader', (reader) => reader.close());
  }

  private async fill(slot: Slot): Promise<void> {
    const reader = new ReaderProcess({
      threads: this.settings.threadsPerWorker,
      startupTimeoutMs: this.settings.startupTimeoutMs,
      onExit: (gone) => this.lost(slot, gone),
    });
    slot.starting = reader;
    try {
      await reader.ready;
    } finally {
      slot.starting = null;
    }
    if (this.closed) {
      await reader.close();
      return;
    }
    slot.reader = reader;
    slot.busy = false;
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy || !slot.reader?.alive) continue;
      const job = this.queue.shift() as Job;
      void this.run(slot, slot.reader, job);
    }
  }

  private async run(slot: Slot, reader: ReaderProcess, job: Job): Promise<void> {
    slot.busy = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.settings.jobTimeoutMs);
    });
    const reading = reader.read(job.image, job.options);
    // After a timeout the killed process rejects this too; that rejection is expected and handled here.
    reading.catch(() => undefined);
    try {
      const outcome = await Promise.race([reading, timedOut]);
      if (outcome === 'timeout') {
        this.logger.warn({ pid: reader.pid }, 'OCR 识别进程超时未答，已结束并重启');
        job.reject(new OcrEngineError(TIMED_OUT));
        reader.kill();
      } else job.resolve(outcome);
    } catch (error) {
      if (!(error instanceof ReaderExitedError)) job.reject(error as Error);
      else if (!job.retried && !this.closed) {
        // A crash may belong to the process, not the photo: try once more on the replacement.
        this.logger.warn({ pid: reader.pid }, 'OCR 识别进程在识别中退出，任务将在新进程上重试一次');
        job.retried = true;
        this.queue.unshift(job);
      } else job.reject(new OcrEngineError(CRASHED, { cause: error }));
    } finally {
      clearTimeout(timer);
      slot.jobs += 1;
      if (slot.reader === reader) slot.busy = false;
      this.dispatch();
    }
  }

  /** A reader process ended on its own or was killed: start its replacement. */
  private lost(slot: Slot, reader: ReaderProcess): void {
    if (slot.reader !== reader || this.closed) return;
    this.replaced += 1;
    slot.reader = null;
    slot.busy = false;
    this.logger.error({ pid: reader.pid }, 'OCR 识别进程已退出，正在启动替代进程');
    this.restart(slot);
  }

  private restart(slot: Slot): void {
    if (this.closed) return;
    const restart = this.fill(slot)
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'OCR 识别进程无法重启，稍后再试');
        if (!this.closed) setTimeout(() => this.restart(slot), RESTART_DELAY_MS).unref();
      })
      .finally(() => {
        this.restarts.delete(restart);
        this.dispatch();
      });
    this.restarts.add(restart);
  }
}
