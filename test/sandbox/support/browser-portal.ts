import type { Browser, BrowserContext, Page } from 'playwright-core';
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
}

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
