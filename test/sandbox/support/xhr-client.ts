import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { PortalId } from '../../../sandbox/kit/portal.ts';
import type { Submission } from '../../../sandbox/kit/submissions.ts';
import { type RunningPortals, startPortals } from '../../../sandbox/start.ts';

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

  /** The files the page loads, each answered 200 (a failure names its path): their texts. */
  async served(...paths: string[]): Promise<string[]> {
    const texts: string[] = [];
    for (const path of paths) {
      const response = await this.fetch(path);
      expect(response.status, path).toBe(200);
      texts.push(await response.text());
    }
    return texts;
  }

  /** `/apply` sends a visitor to the login page (and back after it); logged in, the page's HTML. */
  async applyPageBehindLogin(): Promise<string> {
    const bounced = await fetch(`${this.base}/apply`, { redirect: 'manual' });
    expect(bounced.status).toBe(303);
    expect(bounced.headers.get('location')).toMatch(/^\/login\?next=%2Fapply/);
    await this.login();
    return (await this.fetch('/apply')).text();
  }

  /** Posts one JPEG to the kit's upload as the page's upload widget does; the id the form then carries. */
  async upload(slot: string, name: string): Promise<string> {
    const form = new FormData();
    form.set('slot', slot);
    form.set('file', new Blob([JPEG], { type: 'image/jpeg' }), name);
    const answer = (await (await this.fetch('/api/upload', { method: 'POST', body: form })).json()) as {
      ok: boolean;
      id: string;
    };
    expect(answer.ok).toBe(true);
    return answer.id;
  }

  /** Posts the application as the page's script does: a form body as a form, an object as JSON. */
  apply(body: ApplicationBody): Promise<Response> {
    if (body instanceof URLSearchParams) return this.fetch('/api/apply', { method: 'POST', body });
    return this.fetch('/api/apply', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
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

/** One sandbox system over HTTP for a whole `describe`; see {@link xhrPortal}. */
export interface XhrPortal {
  /** The control API of the running system (it follows a restart). */
  control: ReturnType<typeof controlOf>;
  /** Starts the sandbox on the describe's data folder (stopping it first if it runs): a client, not logged in. */
  start(): Promise<XhrClient>;
  /** A logged-in client of the running system. */
  loggedIn(): Promise<XhrClient>;
  /** What the system has received so far. */
  submissions(): Promise<Submission[]>;
  /**
   * `wrong` is refused with (at least) these messages by field name, then `body` is filed: its reference
   * and what the control API shows of it.
   */
  expectRefusedThenFiled(
    client: XhrClient,
    wrong: { body: ApplicationBody; errors: Record<string, string> },
    body: ApplicationBody,
  ): Promise<{ reference: string; submission: Submission }>;
  /**
   * The system answers one injected 503 to `body` with the kit's busy JSON and files nothing, and the one
   * filing made before is still there after a restart (same data folder): in the control API and 办件查询.
   */
  expectBusyThenKeptAcrossRestart(body: ApplicationBody): Promise<void>;
}

/** What a page's script posts as the application: a form, or an object sent as JSON. */
type ApplicationBody = URLSearchParams | Record<string, string>;

/**
 * One sandbox system over HTTP for the calling `describe`: a data folder that a restart keeps, removed with
 * the stopped sandbox after the tests. The first test starts the sandbox (`start`).
 */
export function xhrPortal(portalId: PortalId): XhrPortal {
  const dataDir = mkdtempSync(join(tmpdir(), `yijian-${portalId}-`));
  let portals: RunningPortals | undefined;
  afterAll(async () => {
    await portals?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const control = controlOf(() => portals, portalId);
  const portal: XhrPortal = {
    control,
    async start() {
      await portals?.stop();
      portals = await startPortals({ basePort: 0, dataDir });
      return new XhrClient(portals.urls[portalId] ?? '');
    },
    async loggedIn() {
      const client = new XhrClient(portals?.urls[portalId] ?? '');
      await client.login();
      return client;
    },
    submissions: async () => (await control<{ submissions: Submission[] }>('/submissions')).submissions,
    async expectRefusedThenFiled(client, wrong, body) {
      const refused = await (await client.apply(wrong.body)).json();
      expect(refused).toMatchObject({ ok: false, errors: wrong.errors });
      const accepted = (await (await client.apply(body)).json()) as { ok: boolean; reference: string };
      expect(accepted.ok).toBe(true);
      const submission = await control<Submission>(`/submissions/${accepted.reference}`);
      return { reference: accepted.reference, submission };
    },
    async expectBusyThenKeptAcrossRestart(body) {
      const client = await portal.loggedIn();
      await control('/faults', { method: 'PUT', body: { failNext: 1, errorStatus: 503 } });
      const busy = await client.apply(body);
      expect(busy.status).toBe(503);
      expect(await busy.json()).toMatchObject({ ok: false, message: '系统繁忙，请稍后再试' });
      const before = await portal.submissions();
      expect(before).toHaveLength(1);

      const again = await portal.start();
      await again.login();
      const after = await portal.submissions();
      expect(after.map((s) => s.reference)).toEqual(before.map((s) => s.reference));
      expect(await (await again.fetch('/query')).text()).toContain(before[0]?.reference ?? '-');
    },
  };
  return portal;
}
