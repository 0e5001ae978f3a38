import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSpec } from '../../server/http/routes.ts';
import { buildRoutes } from '../../server/routes.ts';
import { startTestBots } from './bots-harness.ts';
import type { Client } from './client.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { signedInClients, type TestAccount } from './signed-in.ts';

/**
 * Issue 18: crafted input never gets a 5xx. Every route of the route list (the same list the app mounts) is
 * called as every role with arbitrary path parameters, query strings and bodies: NUL bytes, lone
 * surrogates, numbers beyond the database's integers, impossible dates, deep nesting. A fixed seed keeps
 * CI reproducible; a failure prints the request that broke.
 */

const SEED = 20_261_207;
/** Cases per route and role: with ≈ 60 routes and 4 roles, ≈ 2 500 requests. */
const RUNS_PER_ROUTE = 12;

type Role = 'visitor' | 'applicant' | 'clerk' | 'admin';

/** Percent-encodes any UTF-16 string, a lone surrogate as its WTF-8 bytes (encodeURIComponent throws on it). */
function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i += 1;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)];
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(text[i] ?? '');
    }
  }
  return out;
}

const nasty = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '2147483648',
  '-2147483649',
  '99999999999999999999999',
  '1e308',
  'NaN',
  '-0',
  '0x10',
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  '9999-99-99T99:99',
  '‮evil.jpg',
  '../../etc/passwd',
  '%',
  '%E0%A4%A',
  '__proto__',
  'constructor',
  ' ',
  '',
);
const text = fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 24 }), fc.string({ maxLength: 8 }));
const numberish = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  fc.double().map(String),
);
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.constantFrom(2147483648, -2147483649, 2 ** 53, 1e308, true, false, null),
);
/** JSON of any shape, with the field names this application uses among random ones. */
const key = fc.oneof(
  fc.constantFrom(
    'version',
    'typed',
    'values',
    'answer',
    'reason',
    'bundleId',
    'centreId',
    'login',
    'password',
    'from',
    'to',
    'status',
    'roles',
    'name',
    'material',
    'items',
    'rating',
    'comment',
  ),
  text,
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
})).value;

interface Crafted {
  params: Record<string, string>;
  query: [string, string][];
  body: unknown;
}

describe('crafted input on every route, as every role', () => {
  let web: TestServer;
  let routes: RouteSpec[];
  const clients = {} as Record<Role, Client>;
  let applicationId = '';

  beforeAll(async () => {
    // The real queue (with scripted bots), so the admin's run and portal pages and the bots' questions
    // answer rather than report the queue offline.
    web = await startTestServer({ bots: (db, dataDir) => startTestBots(db, dataDir) });
    routes = buildRoutes(web.services).routes;
    const accounts = {
      applicant: ['applicant', '13800000031', 'Owner-pass-1', { name: '模糊测试' }],
      clerk: ['clerk', 'clerk.fuzz', 'Clerk-pass-1', { centreId: 'longwen' }],
      admin: ['admin', 'admin.fuzz', 'Admin-pass-1'],
    } satisfies Record<Exclude<Role, 'visitor'>, TestAccount>;
    Object.assign(clients, await signedInClients(web, accounts));
    await clients.visitor.get('/login');
    const created = await clients.applicant.sendJson('POST', '/api/applications', {
      bundleId: 'open-company',
      centreId: 'longwen',
    });
    expect(created.status).toBe(201);
    applicationId = created.json<{ id: string }>().id;
  });
  afterAll(() => web?.close());

  /** Sends one crafted request; only the status matters, so a stream (/events) is cut after its headers. */
  async function send(
    client: Client,
    route: RouteSpec,
    crafted: Crafted,
  ): Promise<{ status: number; url: string }> {
    const path = route.path.replace(/:(\w+)/g, (_m, name: string) =>
      percentEncode(crafted.params[name] ?? ''),
    );
    const query = crafted.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
    const url = `${path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = { 'x-csrf-token': client.csrf };
    if (client.cookies.size) headers.cookie = client.cookieHeader();
    let body: string | undefined;
    if (route.method !== 'get') {
      if (
        route.kind === 'page' &&
        crafted.body &&
        typeof crafted.body === 'object' &&
        !Array.isArray(crafted.body)
      ) {
        const form = Object.entries(crafted.body as Record<string, unknown>)
          .map(
            ([k, v]) =>
              `${percentEncode(k)}=${percentEncode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`,
          )
          .concat(`_csrf=${encodeURIComponent(client.csrf)}`);
        body = form.join('&');
        headers['content-type'] = 'application/x-www-form-urlencoded';
      } else {
        body = JSON.stringify(crafted.body) ?? 'null';
        headers['content-type'] = 'application/json';
      }
    }
    const controller = new AbortController();
    const response = await fetch(web.base + url, {
      method: route.method.toUpperCase(),
      headers,
      redirect: 'manual',
      signal: controller.signal,
      ...(body === undefined ? {} : { body }),
    });
    if (response.headers.get('content-type')?.includes('text/event-stream')) controller.abort();
    else await response.arrayBuffer();
    return { status: response.status, url };
  }

  const crafted = (route: RouteSpec): fc.Arbitrary<Crafted> => {
    const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
    const param = fc.oneof(
      { weight: 2, arbitrary: fc.constant(applicationId) },
      { weight: 3, arbitrary: text },
      { weight: 3, arbitrary: numberish },
    );
    return fc.record({
      params: fc.record(Object.fromEntries(names.map((name) => [name, param]))) as fc.Arbitrary<
        Record<string, string>
      >,
      query: fc.array(fc.tuple(key.map(String), fc.oneof(text, numberish)), { maxLength: 4 }),
      body: json,
    });
  };

  it('answers the probe’s crafted requests with 400, 404 or 422 and a Chinese message', async () => {
    const { applicant, admin } = clients;
    const values = `/api/applications/${applicationId}/values`;
    const cases: [Client, string, string, unknown?][] = [
      [applicant, 'PUT', values, { typed: { 'company.name': 'a\u0000b' } }],
      [applicant, 'PUT', values, { typed: { 'company.name': 'x\ud800' } }],
      [applicant, 'PUT', values, { typed: { 'a\u0000': '1' } }],
      [applicant, 'PUT', values, { typed: { '\udc00': '1' } }],
      [applicant, 'PUT', values, { typed: {}, version: 2147483648 }],
      [applicant, 'GET', `/my/applications/${applicationId}/form?check=%00`],
      [applicant, 'POST', `/my/applications/${applicationId}/tasks/abc`, { answer: '1' }],
      [admin, 'GET', '/admin/runs/abc'],
      [admin, 'GET', '/admin/runs/99999999999999999999999'],
      [admin, 'GET', '/admin/runs/abc/trace'],
      [admin, 'GET', '/admin/runs/abc/steps/xyz/screenshot'],
      [admin, 'GET', '/admin/runs/1/steps/99999999999/screenshot'],
      [admin, 'GET', '/admin/runs/%00'],
    ];
    for (const [client, method, path, body] of cases) {
      const reply =
        method === 'GET'
          ? await client.get(path)
          : path.startsWith('/api/')
            ? await client.sendJson(method, path, body)
            : await client.postForm(path, body as Record<string, string>);
      const label = `${method} ${path} ${JSON.stringify(body) ?? ''}`;
      expect([400, 404, 422], label).toContain(reply.status);
      expect(reply.text, label).toMatch(/[\u4e00-\u9fff]/);
    }
    // Days that do not exist are refused beside the filter, not sent to the database.
    for (const path of ['/admin/audit?from=2025-02-30', '/admin/runs?from=2025-13-01&to=0000-00-00']) {
      const reply = await admin.get(path);
      expect(reply.status, path).toBe(200);
      expect(reply.text, path).toContain('日期');
    }
  });

  it('answers no 5xx to any of them', async () => {
    // Logging out ends the fuzzing client's own session; it is fuzzed as a visitor only.
    const fuzzed = routes;
    expect(fuzzed.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let requests = 0;
    for (const [index, route] of fuzzed.entries()) {
      for (const role of ['visitor', 'applicant', 'clerk', 'admin'] as const) {
        if (route.path === '/logout' && role !== 'visitor') continue;
        const client = clients[role];
        await fc.assert(
          fc.asyncProperty(crafted(route), async (input) => {
            const { status, url } = await send(client, route, input);
            requests += 1;
            if (status >= 500)
              failures.push(
                `${role} ${route.method.toUpperCase()} ${url} → ${status} ${JSON.stringify(input.body)}`,
              );
            return true;
          }),
          { seed: SEED + index, numRuns: RUNS_PER_ROUTE },
        );
      }
    }
    expect(requests).toBeGreaterThan(fuzzed.length * 3 * RUNS_PER_ROUTE);
    expect(failures).toEqual([]);
  }, 300_000);
});
