import { expect } from 'vitest';
import type { PortalId } from '../../../sandbox/kit/portal.ts';
import type { Submission } from '../../../sandbox/kit/submissions.ts';
import type { RunningPortals } from '../../../sandbox/start.ts';

/** A JPEG's first bytes: enough for the kit's upload check, which reads the magic number. */
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);

/** Today in China Standard Time, as the sandbox systems date their filings. */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A sandbox system as its page's scripts talk to it: XHR requests carrying the session cookie, and the kit's
 * login with the sandbox account. Each system's test adds the calls of its own form.
 */
export class XhrClient {
  cookie = '';
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { cookie: this.cookie, 'x-requested-with': 'XMLHttpRequest', ...init.headers },
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    return response;
  }

  async login(): Promise<void> {
    const response = await this.fetch('/login', {
      method: 'POST',
      body: new URLSearchParams({ username: 'yijian', password: 'Yijian#2025', next: '/apply' }),
    });
    expect(response.status).toBe(303);
  }
}

/**
 * The control API (/__sandbox/…) of one sandbox system, with the run's token. `portals` is asked at each
 * call, so the control function can be made before the portals start and still follows a restart.
 */
export function controlOf(portals: () => RunningPortals | undefined, portalId: PortalId) {
  return async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const running = portals();
    const response = await fetch(`${running?.urls[portalId]}/__sandbox${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${running?.controlToken}`, 'content-type': 'application/json' },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return (await response.json()) as T;
  };
}

/**
 * The portal answers one injected 503 to `apply` with the kit's busy JSON and files nothing, and the one
 * filing made before is still there after `restart` (same data folder): in the control API and in 办件查询.
 */
export async function expectBusyThenKeptAcrossRestart<C extends XhrClient>(options: {
  client: C;
  apply: (client: C) => Promise<Response>;
  control: ReturnType<typeof controlOf>;
  /** Restarts the sandbox and returns a client of the portal, not logged in. */
  restart: () => Promise<XhrClient>;
}): Promise<void> {
  const { control } = options;
  await control('/faults', { method: 'PUT', body: { failNext: 1, errorStatus: 503 } });
  const busy = await options.apply(options.client);
  expect(busy.status).toBe(503);
  expect(await busy.json()).toMatchObject({ ok: false, message: '系统繁忙，请稍后再试' });
  const before = (await control<{ submissions: Submission[] }>('/submissions')).submissions;
  expect(before).toHaveLength(1);

  const again = await options.restart();
  await again.login();
  const after = (await control<{ submissions: Submission[] }>('/submissions')).submissions;
  expect(after.map((s) => s.reference)).toEqual(before.map((s) => s.reference));
  expect(await (await again.fetch('/query')).text()).toContain(before[0]?.reference ?? '-');
}
