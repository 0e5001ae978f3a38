import type { Submission } from '../../sandbox/kit/submissions.ts';

/**
 * The sandbox portals' control API, as benchmarks and end-to-end tests use it: what each portal received,
 * the SMS inbox that stands in for the applicant's phone, and faults. Never used by the bots themselves.
 */
export class SandboxClient {
  constructor(
    readonly urls: Readonly<Record<string, string>>,
    private readonly token: string,
  ) {}

  async control<T>(portal: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const base = this.urls[portal];
    if (!base) throw new Error(`no sandbox portal ${portal}`);
    const response = await fetch(`${base}/__sandbox${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    if (!response.ok)
      throw new Error(`sandbox ${portal}${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async submissions(portal: string, company?: string): Promise<Submission[]> {
    const query = company ? `?company=${encodeURIComponent(company)}` : '';
    return (await this.control<{ submissions: Submission[] }>(portal, `/submissions${query}`)).submissions;
  }

  /** The newest 6-digit code the portal texted (to `phone` when given). */
  async lastSmsCode(portal: string, phone?: string): Promise<string | undefined> {
    const query = phone ? `?phone=${encodeURIComponent(phone)}` : '';
    const { messages } = await this.control<{ messages: { text: string }[] }>(portal, `/sms${query}`);
    return /(\d{6})/.exec(messages.at(-1)?.text ?? '')?.[1];
  }

  /** The unified login's newest CAPTCHA answer: a stand-in for the clerk who reads the picture. */
  async captchaAnswer(): Promise<string> {
    return (await this.control<{ answer: string }>('unified-login', '/captcha')).answer;
  }

  setFaults(portal: string, faults: Record<string, unknown>): Promise<unknown> {
    return this.control(portal, '/faults', { method: 'PUT', body: faults });
  }

  async setFaultsEverywhere(faults: Record<string, unknown>): Promise<void> {
    for (const portal of Object.keys(this.urls)) {
      if (portal !== 'index') await this.setFaults(portal, faults);
    }
  }
}
