import { afterAll, beforeAll } from 'vitest';
import { type BrowserRunner, createBrowserRunner } from '../../../bots/browser-runner.ts';
import type { BrowserRunnerOptions } from '../../../bots/runtime/options.ts';
import type { PortalDeclaration } from '../../../bots/runtime/types.ts';
import { Sandbox } from './sandbox.ts';

/**
 * The sandbox portals and a browser runner for one describe block: started before its tests, closed after.
 * The runner is built in beforeAll, so what is returned stands for it until then: a test that calls it
 * earlier fails saying so.
 */
export function sandboxAndRunner(
  options: BrowserRunnerOptions = {},
  declarations?: (itemId: string) => PortalDeclaration | undefined,
): { sandbox: Sandbox; runner: BrowserRunner } {
  const sandbox = new Sandbox();
  let live: BrowserRunner | undefined;
  beforeAll(async () => {
    await sandbox.start();
    live = createBrowserRunner({ poolSize: 1, findTimeoutMs: 2000, ...options }, declarations);
  });
  afterAll(async () => {
    await live?.close();
    await sandbox.stop();
  });
  const runner = new Proxy({} as BrowserRunner, {
    get(_, key) {
      if (!live) throw new Error('the runner is started in beforeAll');
      const value: unknown = Reflect.get(live, key);
      return typeof value === 'function' ? value.bind(live) : value;
    },
  });
  return { sandbox, runner };
}
