import { type Running, runYijian } from '../../support/cli.ts';

/**
 * `yijian worker` processes sharing one Redis and one database, as on separate machines. Each runs in a
 * process group of its own, so `kill` takes its Chromium down with it, as when a machine dies.
 */
export class WorkerFleet {
  readonly #workers = new Map<number, Running>();
  /** Workers that said they started; only these are killed (a kill during start-up tests nothing). */
  readonly #ready = new Set<number>();
  /** Output of every worker that has run, for the message of a failing test. */
  readonly #logs: string[] = [];
  kills = 0;

  constructor(
    readonly env: Record<string, string>,
    readonly args: string[] = ['worker', '--concurrency', '2'],
  ) {}

  async spawn(): Promise<number> {
    const worker = runYijian(this.args, this.env, { detached: true });
    const pid = worker.child.pid;
    if (pid === undefined) throw new Error('worker did not start');
    this.#workers.set(pid, worker);
    void worker.exited.then(() => {
      this.#logs.push(`--- worker ${pid}\n${worker.output().slice(-4000)}`);
      this.#workers.delete(pid);
      this.#ready.delete(pid);
    });
    await worker.waitFor(/门户机器人已启动/, 60_000);
    this.#ready.add(pid);
    return pid;
  }

  /** Workers running and ready. */
  get pids(): number[] {
    return [...this.#ready];
  }

  /** SIGKILL to the worker's whole process group: no shutdown hook, no lock released, no goodbye. */
  async kill(pid: number): Promise<boolean> {
    const worker = this.#workers.get(pid);
    if (!worker || !this.#ready.has(pid)) return false;
    this.#ready.delete(pid);
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      return false;
    }
    await worker.exited;
    this.kills += 1;
    return true;
  }

  async stopAll(): Promise<void> {
    await Promise.all(
      [...this.#workers.keys()].map(async (pid) => {
        const worker = this.#workers.get(pid);
        try {
          process.kill(-pid, 'SIGTERM');
        } catch {
          return;
        }
        const stopped = await Promise.race([
          worker?.exited.then(() => true),
          new Promise((resolve) => setTimeout(() => resolve(false), 15_000)),
        ]);
        if (!stopped) process.kill(-pid, 'SIGKILL');
      }),
    );
  }

  logs(): string {
    return [
      ...this.#logs,
      ...[...this.#workers].map(([pid, w]) => `--- worker ${pid}\n${w.output().slice(-4000)}`),
    ].join('\n');
  }
}
