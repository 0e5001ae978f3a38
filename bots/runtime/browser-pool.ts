import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchChromium, newChineseContext } from '../browser/launch.ts';

export interface PoolOptions {
  chromiumPath?: string | undefined;
  allowHosts?: readonly string[];
  /** Contexts open at the same time; further `acquire` calls wait their turn. */
  size: number;
  /** Runs after which the browser is replaced (once its running contexts have finished). */
  recycleAfterRuns: number;
}

interface Generation {
  browser: Browser;
  runs: number;
  active: number;
  retired: boolean;
}

export interface Lease {
  context: BrowserContext;
  /** Gives the slot back; `crashed` retires the browser at once. */
  release(crashed?: boolean): Promise<void>;
}

export interface PoolStats {
  launches: number;
  runs: number;
  active: number;
  waiting: number;
}

/**
 * One Chromium per process, a fresh context per run. Launching a browser costs 250–550 ms more than a
 * context, so the browser is shared; it is replaced after `recycleAfterRuns` runs or when it disconnects
 * (crash), without disturbing the runs still using the old one.
 */
export class BrowserPool {
  #current: Generation | undefined;
  #launching: Promise<Generation> | undefined;
  #active = 0;
  #waiters: (() => void)[] = [];
  #closed = false;
  #stats = { launches: 0, runs: 0 };

  constructor(private readonly options: PoolOptions) {}

  stats(): PoolStats {
    return { ...this.#stats, active: this.#active, waiting: this.#waiters.length };
  }

  /** `contextOptions`: e.g. the `storageState` of a kept portal session. */
  async acquire(contextOptions?: BrowserContextOptions): Promise<Lease> {
    if (this.#closed) throw new Error('BrowserPool is closed');
    while (this.#active >= this.options.size)
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#active += 1;
    let generation: Generation | undefined;
    try {
      generation = await this.#generation();
      // Acquirers that waited on one launch all get it: those beyond its run limit launch the next browser
      // (with recycleAfterRuns 1, jobs started together each get their own Chromium, as the limit says).
      while (generation.runs >= this.options.recycleAfterRuns) {
        this.#retire(generation);
        generation = await this.#generation();
      }
      generation.active += 1;
      generation.runs += 1;
      this.#stats.runs += 1;
      if (generation.runs >= this.options.recycleAfterRuns) this.#retire(generation);
      const context = await newChineseContext(generation.browser, contextOptions);
      const owner = generation;
      let released = false;
      return {
        context,
        release: async (crashed = false) => {
          if (released) return;
          released = true;
          await context.close().catch(() => {});
          owner.active -= 1;
          if (crashed) this.#retire(owner);
          await this.#closeIfIdle(owner);
          this.#leave();
        },
      };
    } catch (error) {
      if (generation) {
        generation.active -= 1;
        this.#retire(generation);
        await this.#closeIfIdle(generation);
      }
      this.#leave();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const generation = this.#current ?? (await this.#launching?.catch(() => undefined));
    this.#current = undefined;
    await generation?.browser.close().catch(() => {});
  }

  #leave(): void {
    this.#active -= 1;
    this.#waiters.shift()?.();
  }

  async #generation(): Promise<Generation> {
    if (this.#current?.browser.isConnected()) return this.#current;
    if (this.#current) this.#retire(this.#current);
    this.#launching ??= (async () => {
      try {
        const browser = await launchChromium({
          chromiumPath: this.options.chromiumPath,
          allowHosts: this.options.allowHosts ?? [],
        });
        this.#stats.launches += 1;
        const generation: Generation = { browser, runs: 0, active: 0, retired: false };
        browser.on('disconnected', () => this.#retire(generation));
        this.#current = generation;
        return generation;
      } finally {
        this.#launching = undefined;
      }
    })();
    return this.#launching;
  }

  #retire(generation: Generation): void {
    generation.retired = true;
    if (this.#current === generation) this.#current = undefined;
  }

  async #closeIfIdle(generation: Generation): Promise<void> {
    if (generation.retired && generation.active === 0) await generation.browser.close().catch(() => {});
  }
}
