import type { Logger } from './logger.ts';

type Closer = () => Promise<void> | void;

/**
 * Ordered, signal-driven shutdown. Parts register a closer as they start; on the first SIGINT/SIGTERM
 * the closers run in reverse order of registration (the web server stops taking requests before the
 * workers finish their jobs, and Redis stops last). A second signal exits at once.
 */
export class Shutdown {
  readonly #closers: { name: string; close: Closer }[] = [];
  #running: Promise<void> | undefined;
  readonly #logger: Logger;
  readonly #graceMs: number;

  constructor(logger: Logger, graceMs = 30_000) {
    this.#logger = logger;
    this.#graceMs = graceMs;
  }

  add(name: string, close: Closer): void {
    this.#closers.push({ name, close });
  }

  get started(): boolean {
    return this.#running !== undefined;
  }

  /** Runs every closer once; later calls wait for the same run. */
  run(reason: string): Promise<void> {
    this.#running ??= this.#closeAll(reason);
    return this.#running;
  }

  installSignalHandlers(exit: (code: number) => void = (code) => process.exit(code)): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.started) {
        this.#logger.warn({ signal }, '第二次收到停止信号，立即退出');
        exit(130);
        return;
      }
      this.#logger.info({ signal }, '收到停止信号，正在有序关闭（再按一次 Ctrl+C 立即退出）');
      void this.run(signal).then(() => exit(0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  async #closeAll(reason: string): Promise<void> {
    const deadline = setTimeout(() => {
      this.#logger.error({ graceMs: this.#graceMs }, '关闭超时，强制退出');
      process.exit(1);
    }, this.#graceMs);
    deadline.unref();
    for (const { name, close } of [...this.#closers].reverse()) {
      try {
        await close();
        this.#logger.debug({ part: name, reason }, 'closed');
      } catch (error) {
        this.#logger.error({ part: name, err: error }, '关闭时出错');
      }
    }
    clearTimeout(deadline);
  }
}
