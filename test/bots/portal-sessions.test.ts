import { describe, expect, it } from 'vitest';
import { PortalSessions } from '../../bots/runtime/portal-sessions.ts';

const state = (value: string) => ({
  cookies: [
    {
      name: 'S',
      value,
      domain: '127.0.0.1',
      path: '/',
      expires: -1,
      httpOnly: true,
      secure: false,
      sameSite: 'Lax' as const,
    },
  ],
  origins: [],
});

describe('PortalSessions', () => {
  it('lends a kept session to one run at a time', () => {
    const sessions = new PortalSessions({ maxAgeMs: 60_000, perAccount: 2 });
    sessions.giveBack('bank|yijian', state('a'));
    expect(sessions.take('bank|yijian')?.cookies[0]?.value).toBe('a');
    // Taken: a second run at the same time logs in on its own instead of sharing the draft-holding session.
    expect(sessions.take('bank|yijian')).toBeUndefined();
    expect(sessions.take('tax|other')).toBeUndefined();
  });

  it('forgets sessions older than the portal would keep them, and keeps only a few per account', () => {
    let now = 0;
    const sessions = new PortalSessions({ maxAgeMs: 1_000, perAccount: 2, now: () => now });
    sessions.giveBack('bank|yijian', state('old'));
    now = 5_000;
    expect(sessions.take('bank|yijian')).toBeUndefined();
    for (const value of ['a', 'b', 'c']) sessions.giveBack('bank|yijian', state(value));
    expect(sessions.size).toBe(2);
    expect(sessions.take('bank|yijian')?.cookies[0]?.value).toBe('c');
    expect(sessions.take('bank|yijian')?.cookies[0]?.value).toBe('b');
    expect(sessions.take('bank|yijian')).toBeUndefined();
  });
});
