import { PortalUnavailableError } from '../errors/index.ts';
import type { RunContext } from './types.ts';

/**
 * Turns the mouse wheel over whatever is under the pointer, as a person scrolls, within the action timeout.
 * Playwright's `mouse.wheel` has no timeout: it returns once the renderer's main thread has handled the
 * event, so a page that stops answering holds the call, and the run with it, for ever, while every locator
 * call beside it gives up after its timeout. A notice with a countdown (the housing fund's 承诺书) turns the
 * wheel ten times a second until the box enables. A wheel that is not handled in time is a portal page that
 * does not answer: the step is tried again on a fresh page.
 */
export async function turnWheel(run: RunContext, deltaY: number): Promise<void> {
  const ms = run.settings.actionTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const turned = run.page.mouse.wheel(0, deltaY);
  // Left behind after a timeout, it settles when the page closes; nobody waits for it then.
  turned.catch(() => {});
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PortalUnavailableError(`页面 ${Math.round(ms / 1000)} 秒未响应鼠标滚动`)),
      ms,
    );
  });
  try {
    await Promise.race([turned, late]);
  } finally {
    clearTimeout(timer);
  }
}
