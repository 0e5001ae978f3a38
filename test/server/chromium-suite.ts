import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../bots/browser/launch.ts';
import { startTestServerWithBots, type TestBots } from './bots-harness.ts';
import { startTestServer, type TestServer } from './harness.ts';

export interface ChromiumSuite {
  web: TestServer;
  browser: Browser;
  /** Contexts the tests open; each is closed after the suite, before the browser. */
  contexts: BrowserContext[];
  /** The real queue with scripted bots, when the suite asked for them. */
  bots: TestBots | undefined;
}

/**
 * A test server (with scripted bots if asked) and a Chromium for one `describe` block: started before its
 * tests (`seed` adds the accounts once the server is up), closed after them. The fields are set when the
 * tests run, not when this returns.
 */
export function chromiumSuite(
  setup: {
    server?: Parameters<typeof startTestServer>[0];
    /** Scripted bots on a real queue (the server then starts with its defaults, `server` aside). */
    bots?: boolean;
    seed?: (web: TestServer) => Promise<void>;
  } = {},
): ChromiumSuite {
  const suite = { contexts: [] } as unknown as ChromiumSuite;
  beforeAll(async () => {
    if (setup.bots) ({ web: suite.web, bots: suite.bots } = await startTestServerWithBots());
    else suite.web = await startTestServer(setup.server);
    await setup.seed?.(suite.web);
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of suite.contexts) await context.close();
    await suite.browser?.close();
    await suite.web?.close();
  });
  return suite;
}
