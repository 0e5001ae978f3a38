import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

/** Stands for what `live()` returns once beforeAll has made it; used earlier, it fails saying so. */
export function lateProxy<T extends object>(what: string, live: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const value = live();
      if (!value) throw new Error(`${what} is started in beforeAll`);
      const member: unknown = Reflect.get(value, key);
      return typeof member === 'function' ? member.bind(value) : member;
    },
  });
}

/**
 * A test server for one describe block: started before its tests (by `start`, then `setUp` with it), closed
 * after them. What is returned stands for the server until it is started.
 */
export function describeServer(
  options: { start?: () => Promise<TestServer>; setUp?: (web: TestServer) => Promise<void> } = {},
): TestServer {
  let web: TestServer | undefined;
  beforeAll(async () => {
    web = await (options.start ?? startTestServer)();
    await options.setUp?.(web);
  });
  afterAll(() => web?.close());
  return lateProxy('the test server', () => web);
}
