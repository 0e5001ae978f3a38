import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../bots/browser/launch.ts';
import { startTestServer, type TestServer } from './harness.ts';

export interface ChromiumSuite {
  web: TestServer;
  browser: Browser;
  /** Contexts the tests open; each is closed after the suite, before the browser. */
  contexts: BrowserContext[];
}

/**
 * A test server and a Chromium for one `describe` block: started before its tests (`seed` adds the accounts
 * once the server is up), closed after them. The fields are set when the tests run, not when this returns.
 */
export function chromiumSuite(
  setup: { server?: Parameters<typeof startTestServer>[0]; seed?: (web: TestServer) => Promise<void> } = {},
): ChromiumSuite {
  const suite = { contexts: [] } as unknown as ChromiumSuite;
  beforeAll(async () => {
    suite.web = await startTestServer(setup.server);
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
