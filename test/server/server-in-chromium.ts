import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../bots/browser/launch.ts';
import { startTestServerWithBots, type TestBots } from './bots-harness.ts';
import { lateProxy } from './describe-server.ts';
import { startTestServer, type TestServer } from './harness.ts';

/** How the server of a browser suite starts and is closed. */
interface SuiteOptions {
  start?: () => Promise<TestServer>;
  setUp?: (web: TestServer) => Promise<void>;
  /** How long closing may take (longer when it waits for a bot run a test left going). */
  closeTimeoutMs?: number;
}

/**
 * A test server and Chromium for one describe block: the server started before its tests (by `start`, then
 * `setUp` with it), then the browser; after them, every context a test put in `contexts`, the browser and
 * the server are closed. What is returned stands for the server and the browser until they are started.
 * A describe's own afterAll runs before this one's (vitest runs them in reverse), the server still open.
 */
export function serverInChromium(options: SuiteOptions = {}): {
  web: TestServer;
  browser: Browser;
  contexts: BrowserContext[];
} {
  let web: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    web = await (options.start ?? startTestServer)();
    await options.setUp?.(web);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await web?.close();
  }, options.closeTimeoutMs);
  return {
    web: lateProxy('the test server', () => web),
    browser: lateProxy('Chromium', () => browser),
    contexts,
  };
}

/** serverInChromium on a server whose one key goes through the real queue with the scripted bots (`bots`). */
export function botsServerInChromium(
  setUp?: (web: TestServer) => Promise<void>,
  options: Pick<SuiteOptions, 'closeTimeoutMs'> = {},
): {
  web: TestServer;
  bots: TestBots;
  browser: Browser;
  contexts: BrowserContext[];
} {
  let bots: TestBots | undefined;
  const start = async () => {
    const started = await startTestServerWithBots();
    bots = started.bots;
    return started.web;
  };
  return {
    ...serverInChromium({ start, ...(setUp ? { setUp } : {}), ...options }),
    bots: lateProxy('the bots', () => bots),
  };
}
