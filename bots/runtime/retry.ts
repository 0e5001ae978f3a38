import { PortalUnavailableError } from '../errors/index.ts';
import { backoff } from './navigate.ts';
import type { Run, StepPicture } from './run.ts';
import { runStep, type Shot } from './step-runner.ts';

/**
 * A step that a busy portal (5xx, "系统繁忙", a timeout) may interrupt is done again after a pause, as a
 * person reloads and types again; each try is its own step in the evidence. `body` learns which try it
 * is, so a later try can first put the page back (and, after a final click, look in 办件查询 first).
 * Other failures, and "not now" that only time fixes, go straight to the queue.
 */
export async function stepWithRetries<T>(
  run: Run,
  name: string,
  body: (shot: Shot, attempt: number) => Promise<T>,
  picture?: StepPicture,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const label = attempt === 1 ? name : `${name}（第 ${attempt} 次）`;
      return await runStep(run, label, (shot) => body(shot, attempt), picture);
    } catch (error) {
      const local = error instanceof PortalUnavailableError && !run.notLocal(error.message);
      if (!local || attempt >= run.settings.stepAttempts || run.io.signal.aborted) throw error;
      await backoff(run, attempt);
    }
  }
}
