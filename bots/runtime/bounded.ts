import { PortalUnavailableError } from '../errors/index.ts';
import type { RunContext } from './types.ts';

/**
 * `work`, or PortalUnavailableError once `ms` (the action timeout) has passed. For the Playwright calls that have
 * no timeout of their own (`mouse.wheel`, `page.evaluate`): they return only once the renderer's main thread
 * has handled them, so a page that stops answering would hold them, and the run with them, for ever, while
 * every locator call beside them gives up after its timeout.
 */
export async function answeredWithin<T>(
  run: RunContext,
  work: Promise<T>,
  what: string,
  ms = run.settings.actionTimeoutMs,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // Left behind after a timeout, it settles when the page closes; nobody waits for it then.
  work.catch(() => {});
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PortalUnavailableError(`页面 ${Math.round(ms / 1000)} 秒未响应${what}`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Turns the mouse wheel over whatever is under the pointer, as a person scrolls, within the action timeout.
 * A notice with a countdown (the housing fund's 承诺书) turns it ten times a second until its box enables; a
 * wheel not handled in time is a page that does not answer, and the step is tried again on a fresh page.
 */
export const turnWheel = (run: RunContext, deltaY: number): Promise<void> =>
  answeredWithin(run, run.page.mouse.wheel(0, deltaY), '鼠标滚动');
