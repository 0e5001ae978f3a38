import { PortalUnavailableError } from '../errors/index.ts';
import { answeredWithin } from './bounded.ts';
import type { Run } from './run.ts';

/**
 * Why the portal is not serving us right now, if it is not: a 5xx answered during this step, a busy page
 * (some portals answer "系统繁忙" with 200), or the other department not knowing the company yet.
 */
export async function portalTrouble(run: Run): Promise<string | undefined> {
  // A page that does not answer is trouble of its own.
  const line = await busyText(run).catch((error: unknown) =>
    error instanceof PortalUnavailableError ? error.message : undefined,
  );
  if (line) return line;
  const trouble = run.trouble();
  if (trouble.length > 0) return `门户返回服务器错误（${trouble.slice(-3).join('，')}）`;
  return undefined;
}

/** The page's own words for "not now", if the document now shown says so. */
export async function busyText(run: Run): Promise<string | undefined> {
  const page = run.page;
  if (page.isClosed()) return '页面已关闭';
  const reading = page.evaluate(() => {
    const parts = [
      document.title,
      ...[...document.querySelectorAll('h1, [role=alert]')].map((e) => e.textContent ?? ''),
    ];
    return parts.join('\n');
  });
  // A page that navigates away meanwhile has no words of its own; one that does not answer is not serving.
  const text = await answeredWithin(
    run,
    reading.catch(() => ''),
    '读取页面',
    run.settings.navigationTimeoutMs,
  );
  return text
    .split('\n')
    .map((part) => part.trim())
    .find((part) => run.saysNotNow(part));
}

/** Throws PortalUnavailableError when the page just loaded is not the portal serving us (busy page). */
export async function assertServing(run: Run): Promise<void> {
  const busy = await busyText(run);
  if (busy) throw new PortalUnavailableError(`门户暂不可用：${busy}`);
}
