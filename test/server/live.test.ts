import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './client.ts';
import { openEvents, type Stream } from './event-stream.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { fillReference } from './reference.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('live updates and metrics', () => {
  let web: TestServer;
  const people = {} as Record<'owner' | 'stranger' | 'clerk' | 'otherClerk' | 'admin', Client>;

  beforeAll(async () => {
    web = await startTestServer();
    const accounts: [keyof typeof people, 'applicant' | 'clerk' | 'admin', string, string?][] = [
      ['owner', 'applicant', '13800000001'],
      ['stranger', 'applicant', '13800000002'],
      ['clerk', 'clerk', 'clerk.one', 'longwen'],
      ['otherClerk', 'clerk', 'clerk.two', 'xiangcheng'],
      ['admin', 'admin', 'admin.one'],
    ];
    for (const [name, role, login, centreId] of accounts) {
      await web.addUser(role, login, 'Pass-word-1', centreId ? { centreId } : {});
      people[name] = new Client(web.base);
      await people[name].login(login, 'Pass-word-1');
    }
  });
  afterAll(() => web.close());

  it('tells the applicant, their centre’s clerks and admins — and nobody else — what happened to an application', async () => {
    const streams = Object.fromEntries(
      await Promise.all(
        Object.entries(people).map(async ([name, client]) => [name, await openEvents(client)] as const),
      ),
    ) as Record<keyof typeof people, Stream>;
    await settle();
    const created = await people.owner.sendJson('POST', '/api/applications', {
      bundleId: 'open-company',
      centreId: 'longwen',
    });
    const { id } = created.json<{ id: string }>();
    await fillReference(people.owner, id);
    const submitted = await people.owner.sendJson('POST', `/api/applications/${id}/submit`);
    expect(submitted.status).toBe(200);
    await settle();
    const seen = (name: keyof typeof people) =>
      streams[name].events.filter((event) => event.data.applicationId === id).map((event) => event.type);
    // Created, saved, seven materials uploaded, submitted.
    expect(seen('owner')).toEqual([
      'application',
      'application',
      ...Array(7).fill('document'),
      'application',
    ]);
    expect(seen('clerk')).toEqual(seen('owner'));
    expect(seen('admin')).toEqual(seen('owner'));
    expect(streams.owner.events.at(-1)?.data).toMatchObject({ applicationId: id, status: 'submitted' });
    expect(streams.stranger.events).toEqual([]);
    expect(streams.otherClerk.events).toEqual([]);
    for (const stream of Object.values(streams)) stream.close();
    await settle();
    expect(web.services.events.size).toBe(0);
  });

  it('replays what changed between rendering a page and opening its stream, to its audience only', async () => {
    const page = await people.owner.get('/my');
    const since = page.text.match(/<meta name="live-since" content="(\d+)">/)?.[1];
    expect(since).toMatch(/^\d+$/);
    // The application changes while the browser is still loading the page: no stream is open yet.
    const { id } = (
      await people.owner.sendJson('POST', '/api/applications', {
        bundleId: 'open-company',
        centreId: 'longwen',
      })
    ).json<{ id: string }>();
    const owner = await openEvents(people.owner, since);
    const stranger = await openEvents(people.stranger, since);
    const upToDate = await openEvents(people.owner, String(web.services.events.lastSeq));
    await settle();
    expect(owner.events.map((event) => event.data.applicationId)).toEqual([id]);
    expect(stranger.events).toEqual([]);
    expect(upToDate.events).toEqual([]);
    for (const stream of [owner, stranger, upToDate]) stream.close();
    await settle();
  });

  it('refuses the event stream to visitors', async () => {
    const response = await fetch(`${web.base}/events`);
    expect(response.status).toBe(401);
  });

  it('exposes Prometheus metrics labelled by route pattern, never by raw URL', async () => {
    const reply = await new Client(web.base).get('/metrics');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/text\/plain/);
    expect(reply.text).toMatch(
      /yijian_http_request_duration_seconds_count\{method="POST",route="\/api\/applications\/:id\/submit",status="200"\} 1/,
    );
    expect(reply.text).toContain('yijian_process_cpu_seconds_total');
    expect(reply.text).toMatch(/yijian_application_events_total\{event="submitted"\} 1/);
    expect(reply.text).toMatch(/yijian_logins_total\{result="ok"\} 5/);
    expect(reply.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  // Last: it signs in again, which the metrics above count.
  it('ends the streams of a session at its logout; the person’s other sessions keep theirs', async () => {
    const here = people.owner;
    const elsewhere = new Client(web.base);
    await elsewhere.login('13800000001', 'Pass-word-1');
    const before = web.services.events.size;
    const [leaving, staying] = [await openEvents(here), await openEvents(elsewhere)];
    await settle();
    expect(web.services.events.size).toBe(before + 2);
    expect((await here.postForm('/logout', {})).status).toBe(303);
    await settle();
    expect(leaving.ended).toBe(true);
    expect(staying.ended).toBe(false);
    expect(web.services.events.size).toBe(before + 1);
    // What happens afterwards reaches only the session still signed in.
    const { id } = (
      await elsewhere.sendJson('POST', '/api/applications', { bundleId: 'open-company', centreId: 'longwen' })
    ).json<{ id: string }>();
    await settle();
    expect(staying.events.map((event) => event.data.applicationId)).toContain(id);
    expect(leaving.events.map((event) => event.data.applicationId)).not.toContain(id);
    staying.close();
  });
});
