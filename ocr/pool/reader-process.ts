import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { OcrStartupError } from '../errors.ts';
import type { OcrResult, RecogniseOptions } from '../service.ts';
import {
  fromWireError,
  type PoolToReader,
  parseReaderMessage,
  type ReaderToPool,
} from './reader-messages.ts';

/**
 * The pool's handle on one reader process. A process, not a worker thread: onnxruntime-node is not safe in
 * several worker threads of one process (its native addon enters V8 without the isolate's lock and aborts
 * the whole process — microsoft/onnxruntime#24486), and a thread stuck inside native inference cannot be
 * stopped by `Worker.terminate()`, while a process can always be killed and its memory is given back.
 */

const ENTRY = fileURLToPath(new URL('./reader-child.ts', import.meta.url));
/** The project runs its TypeScript through tsx; the child needs the same loader. */
const TSX = import.meta.resolve('tsx/esm');

/** The process ended (killed, crashed, or out of memory) while a job was in it. */
export class ReaderExitedError extends Error {
  override readonly name = 'ReaderExitedError';
}

export interface ReaderProcessOptions {
  /** ONNX Runtime threads per model in this process (0: the runtime's choice). */
  threads: number;
  startupTimeoutMs: number;
  /** Called once when the process ends for any reason after it was ready. */
  onExit: (reader: ReaderProcess) => void;
}

interface Pending {
  resolve: (result: OcrResult) => void;
  reject: (error: Error) => void;
}

export class ReaderProcess {
  /** Milliseconds the process took to load the models and read its warm-up page. */
  loadMs = 0;
  /** CPU time the process spent on that (model loading shows here whatever the machine's load). */
  loadCpuMs = 0;
  /** CPU time of the last job it finished. */
  lastJobCpuMs = 0;
  /** Resident memory of the process as it last reported it. */
  rssBytes = 0;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited = false;
  /** Set by kill(): the process takes no more work even before its exit is seen. */
  private killed = false;

  private readonly child: ChildProcess;
  /** Resolves once the models are loaded and warm; rejects with OcrStartupError. */
  readonly ready: Promise<void>;

  /** Forks the process at once; await `ready` before giving it work. */
  constructor(options: ReaderProcessOptions) {
    this.child = fork(ENTRY, [String(options.threads)], {
      execArgv: ['--import', TSX],
      serialization: 'advanced',
      // stdout carries the service's JSON log lines: a native library's chatter must not get into it.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.ready = this.watch(options);
    // A start that fails is reported through `ready`; nobody has to be listening yet.
    this.ready.catch(() => undefined);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get alive(): boolean {
    return !this.exited && !this.killed;
  }

  private watch(options: ReaderProcessOptions): Promise<void> {
    const child = this.child;
    return new Promise((resolve, reject) => {
      let ready = false;
      const fail = (message: string) => {
        clearTimeout(timer);
        this.kill();
        reject(new OcrStartupError(message));
      };
      const timer = setTimeout(
        () => fail(`OCR 识别进程在 ${Math.round(options.startupTimeoutMs / 1000)} 秒内未能启动`),
        options.startupTimeoutMs,
      );
      child.on('message', (raw: unknown) => {
        const message = parseReaderMessage(raw);
        if (!message) {
          this.kill();
          return;
        }
        if (message.type === 'ready') {
          ready = true;
          clearTimeout(timer);
          this.loadMs = message.loadMs;
          this.loadCpuMs = message.loadCpuMs;
          this.rssBytes = message.rssBytes;
          resolve();
        } else if (message.type === 'startup-failed') fail(message.error.message);
        else this.settle(message);
      });
      child.on('error', (error) => {
        if (!ready) fail(`OCR 识别进程无法启动：${error.message}`);
      });
      child.on('exit', (code, signal) => {
        this.exited = true;
        const error = new ReaderExitedError(`OCR reader process exited (code ${code}, signal ${signal})`);
        for (const pending of this.pending.values()) pending.reject(error);
        this.pending.clear();
        if (!ready) fail(`OCR 识别进程启动时退出（${signal ?? code}）`);
        else options.onExit(this);
      });
    });
  }

  read(image: Buffer, options: RecogniseOptions): Promise<OcrResult> {
    if (!this.alive) return Promise.reject(new ReaderExitedError('OCR reader process is gone'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type: 'recognise', id, image, options });
    });
  }

  /** Ends the process at once (a hung or broken reader). */
  kill(): void {
    this.killed = true;
    if (!this.exited) this.child.kill('SIGKILL');
  }

  /** Asks the process to release its models and exit; kills it if it has not within `graceMs`. */
  async close(graceMs = 5_000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.send({ type: 'close' });
    const timer = setTimeout(() => this.kill(), graceMs);
    await gone;
    clearTimeout(timer);
  }

  private send(message: PoolToReader): void {
    try {
      this.child.send(message);
    } catch {
      // The channel closed under us: the 'exit' handler rejects what is pending.
      this.kill();
    }
  }

  private settle(message: Exclude<ReaderToPool, { type: 'ready' | 'startup-failed' }>): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    this.rssBytes = message.rssBytes;
    this.lastJobCpuMs = message.cpuMs;
    if (message.type === 'result') pending.resolve(message.result);
    else pending.reject(fromWireError(message.error));
  }
}
