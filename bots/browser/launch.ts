import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core';
import { findChromium } from './find-chromium.ts';

export interface LaunchOptions {
  chromiumPath?: string | undefined;
  /** Extra host names the portals use, so the resolver block below lets them through. */
  allowHosts?: readonly string[];
}

/**
 * Chromium as every part of yijian launches it. Chromium keeps trying to reach Google hosts; on a closed
 * network those lookups fail slowly and many at a time, so all name resolution is blocked except the hosts
 * the portals live on.
 */
export function chromiumArgs(allowHosts: readonly string[] = []): string[] {
  const excluded = ['localhost', '127.0.0.1', ...allowHosts].map((host) => `EXCLUDE ${host}`).join(' , ');
  return [`--host-resolver-rules=MAP * ~NOTFOUND , ${excluded}`, '--disable-gpu', '--disable-quic'];
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { path } = findChromium(options.chromiumPath);
  return chromium.launch({ executablePath: path, headless: true, args: chromiumArgs(options.allowHosts) });
}

/** Pages look the way a person in a Chinese service centre sees them. */
export const CHINESE_CONTEXT: BrowserContextOptions = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1280, height: 900 },
};

export function newChineseContext(
  browser: Browser,
  extra: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ ...CHINESE_CONTEXT, ...extra });
}
