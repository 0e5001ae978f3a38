import { join } from 'node:path';
import type { APIResponse, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, newChineseContext } from '../../../bots/browser/launch.ts';
import type { PortalId } from '../../../sandbox/kit/portal.ts';
import type { Submission } from '../../../sandbox/kit/submissions.ts';
import { type RunningPortals, type StartPortalsOptions, startPortals } from '../../../sandbox/start.ts';
import { publishUnit, type TestUnit } from './registry.ts';
import { controlOf } from './xhr-client.ts';

/** One sandbox system in real Chromium, as a person uses it, for the whole `describe` that opens it. */
export interface PortalInBrowser {
  readonly portals: RunningPortals;
  /** The system's address (http://127.0.0.1:<port>). */
  readonly base: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** The system's control API (/__sandbox/…) with the run's token; a JSON `body` is sent as JSON. */
  control<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  /** What the system has received so far. */
  submissions(): Promise<Submission[]>;
  setFaults(faults: object): Promise<unknown>;
  /** Posts `body` form-encoded to `path` in the page's session; see {@link postForm}. */
  postForm(path: string, body: FormBody, headers?: Record<string, string>): Promise<APIResponse>;
  /** The application `first` filed again; see {@link expectFiledTwice} (`query` is a path of the system). */
  expectFiledTwice(
    first: Submission | undefined,
    check: { number: (submission: Submission | undefined) => unknown; query: string },
  ): Promise<void>;
  /**
   * The session's idle timeout set to 300 ms and 450 ms waited, `act` makes the next request (and waits for
   * the page it ends on): that is the login page saying 登录已超时. The timeout is then `restoreMs` again;
   * the login page's address is returned for the test's own checks.
   */
  expectIdleSessionBounced(act: () => Promise<unknown>, restoreMs: number): Promise<URL>;
  /** With PORTAL_SHOTS=<dir>, saves the whole page as a person sees it there as `name`, to be looked at. */
  shot(name: string): Promise<void>;
}

/** A form's fields, several values under one name where the form repeats it. */
type FormBody = Record<string, string | readonly string[]>;

/**
 * Starts the sandbox (`start`, on free ports) and a Chinese-locale Chromium page before the tests of the
 * calling `describe`, publishes `company`, runs `prepare` (shortening a countdown), and closes both after.
 * `defaultTimeoutMs` sets the page's default timeout when the test wants one shorter than Playwright's.
 */
export function portalInBrowser(
  id: PortalId,
  options: {
    start?: Omit<StartPortalsOptions, 'basePort'>;
    /**
     * The company as market regulation approved it an hour ago (through the sandbox's inter-agency exchange),
     * published before `prepare`; `approvedAt: 'now'` leaves the time to the sandbox's clock.
     */
    company?: { unit: TestUnit; establishedDate: string; approvedAt?: 'an hour ago' | 'now' };
    defaultTimeoutMs?: number;
    prepare?: (portal: PortalInBrowser) => Promise<void>;
  } = {},
): PortalInBrowser {
  let portals: RunningPortals | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`the ${id} sandbox is not open yet`);
    return value;
  };
  const control = controlOf(() => portals, id);
  const portal: PortalInBrowser = {
    get portals() {
      return opened(portals);
    },
    get base() {
      return opened(portals).urls[id] ?? '';
    },
    get context() {
      return opened(context);
    },
    get page() {
      return opened(page);
    },
    control,
    submissions: async () => (await control<{ submissions: Submission[] }>('/submissions')).submissions,
    setFaults: (faults) => control('/faults', { method: 'PUT', body: faults }),
    postForm: (path, body, headers) => postForm(portal.page, `${portal.base}${path}`, body, headers),
    expectFiledTwice: async (first, check) =>
      expectFiledTwice(portal.page, await portal.submissions(), first, {
        number: check.number,
        queryUrl: `${portal.base}${check.query}`,
      }),
    async expectIdleSessionBounced(act, restoreMs) {
      await portal.setFaults({ sessionTimeoutMs: 300 });
      await portal.page.waitForTimeout(450);
      await act();
      const landed = new URL(portal.page.url());
      expect(landed.pathname).toBe('/login');
      expect(await portal.page.locator('.k-alert--warning').textContent()).toBe('登录已超时，请重新登录');
      await portal.setFaults({ sessionTimeoutMs: restoreMs });
      return landed;
    },
    async shot(name) {
      const dir = process.env.PORTAL_SHOTS;
      if (dir) await portal.page.screenshot({ path: join(dir, name), fullPage: true });
    },
  };
  beforeAll(async () => {
    portals = await startPortals({ ...options.start, basePort: 0 });
    const { company } = options;
    if (company) {
      const published = await publishUnit(portals, company.unit, {
        establishedDate: company.establishedDate,
        ...(company.approvedAt === 'now'
          ? {}
          : { registeredAt: new Date(Date.now() - 3_600_000).toISOString() }),
      });
      expect(published.ok).toBe(true);
    }
    await options.prepare?.(portal);
    browser = await launchChromium();
    context = await newChineseContext(browser);
    page = await context.newPage();
    if (options.defaultTimeoutMs !== undefined) page.setDefaultTimeout(options.defaultTimeoutMs);
  });
  afterAll(async () => {
    await browser?.close();
    await portals?.stop();
  });
  return portal;
}

/** A form body as a browser encodes it (repeated names for several values). */
function encodeForm(raw: FormBody): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(raw)) for (const one of [value].flat()) params.append(name, one);
  return params.toString();
}

/**
 * Posts `body` form-encoded in the page's session (as a bot retrying after a crash posts a saved step again),
 * not following the redirect; `headers` are added.
 */
export function postForm(
  page: Page,
  url: string,
  body: FormBody,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return page.request.post(url, {
    data: encodeForm(body),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    maxRedirects: 0,
  });
}

/**
 * The same application filed again: the system now holds two, the second with `first`'s fields and a new
 * `number` (its receipt's number or its reference), and its query page `queryUrl` lists both.
 */
export async function expectFiledTwice(
  page: Page,
  all: Submission[],
  first: Submission | undefined,
  check: { number: (submission: Submission | undefined) => unknown; queryUrl: string },
): Promise<void> {
  expect(all).toHaveLength(2);
  expect(all[1]?.fields).toEqual(first?.fields);
  expect(check.number(all[1])).not.toBe(check.number(first));
  await page.goto(check.queryUrl);
  expect(await page.locator('tr[data-reference]').count()).toBe(2);
}
