import type { Logger } from '../lib/logger.ts';
import type { BotsPort } from './bots.ts';

/**
 * Queue depth per portal over the last two hours, sampled by this server process (every 30 s by default)
 * for the admin's small charts. Memory only: the charts show the recent past; Prometheus keeps history.
 */
export interface DepthSample {
  at: Date;
  /** Jobs waiting, delayed or running, by portal. */
  depth: Record<string, number>;
}

export class DepthHistory {
  readonly #samples: DepthSample[] = [];
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly bots: BotsPort,
    private readonly logger: Logger,
    intervalMs = 30_000,
    private readonly keep = 240,
  ) {
    this.#timer = setInterval(() => void this.sample(), intervalMs);
    this.#timer.unref();
  }

  async sample(): Promise<void> {
    try {
      const depth: Record<string, number> = {};
      for (const portalId of this.bots.portalIds) {
        const counts = await this.bots.depth(portalId);
        depth[portalId] = counts.waiting + counts.active + counts.delayed;
      }
      this.#samples.push({ at: new Date(), depth });
      if (this.#samples.length > this.keep) this.#samples.shift();
    } catch (error) {
      this.logger.warn({ err: error }, '读取队列长度失败');
    }
  }

  series(portalId: string): number[] {
    return this.#samples.map((sample) => sample.depth[portalId] ?? 0);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
