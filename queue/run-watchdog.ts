import { PortalUnavailableError } from '../bots/errors/index.ts';

/**
 * Ends a bot run that stopped making progress. Every wait inside a run has its own timeout, yet a run can
 * still hang where none applies (a page call that never answers, a wedged browser), and BullMQ keeps
 * renewing the lock of a job whose processor never returns: the item would show 办理中 for ever. The
 * watchdog counts time since the last step ended, not counting time spent waiting for a person (an SMS
 * code may take minutes) or for a free browser context; past `stallMs` it aborts the run (the runner closes its browser context) and the
 * job fails as "portal unavailable", so the queue tries again and the next try reconciles with 办件查询.
 */
export class RunWatchdog {
  readonly #abort: AbortController;
  readonly #stallMs: number;
  readonly #timer: NodeJS.Timeout;
  readonly #stalled: Promise<never>;
  #reject: (error: PortalUnavailableError) => void = () => {};
  #lastProgressAt = Date.now();
  #lastStep = '';
  #outsideWaits = 0;

  constructor(abort: AbortController, stallMs: number) {
    this.#abort = abort;
    this.#stallMs = stallMs;
    this.#stalled = new Promise<never>((_, reject) => {
      this.#reject = reject;
    });
    // Nobody may be racing against it yet; an unobserved rejection must not crash the worker.
    this.#stalled.catch(() => {});
    this.#timer = setInterval(() => this.#check(), Math.max(50, Math.min(stallMs / 4, 5_000)));
    this.#timer.unref();
  }

  /** A step ended (done or failed): the run is alive. */
  progressed(stepName: string): void {
    this.#lastProgressAt = Date.now();
    this.#lastStep = stepName;
  }

  /** Time spent waiting for something outside the run (a person's answer, a browser context) is not a stall. */
  async whileWaiting<T>(waiting: Promise<T>): Promise<T> {
    this.#outsideWaits += 1;
    try {
      return await waiting;
    } finally {
      this.#outsideWaits -= 1;
      this.#lastProgressAt = Date.now();
    }
  }

  /** The run's own outcome, or the watchdog's error once the run has stalled. */
  guard<T>(work: Promise<T>): Promise<T> {
    // After a stall the abandoned run still settles (usually with "context closed"); nobody needs that.
    work.catch(() => {});
    return Promise.race([work, this.#stalled]);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #check(): void {
    if (this.#outsideWaits > 0 || Date.now() - this.#lastProgressAt < this.#stallMs) return;
    this.stop();
    const after = this.#lastStep ? `，最后的步骤：${this.#lastStep}` : '，尚未结束任何步骤';
    const error = new PortalUnavailableError(
      `机器人已 ${Math.round(this.#stallMs / 1000)} 秒没有进展${after}；已中止，稍后重试`,
    );
    this.#reject(error);
    this.#abort.abort(error);
  }
}
