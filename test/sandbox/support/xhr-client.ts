import { expect } from 'vitest';

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
