/**
 * A browser-like HTTP client for the server tests: keeps cookies, does not follow redirects (tests look at
 * them), and finds the CSRF token where a browser would (the page's meta tag).
 */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The body as received (a PDF, a picture). */
  bytes: Buffer;
  location: string | null;
  json<T = unknown>(): T;
}

export class Client {
  readonly cookies = new Map<string, string>();
  csrf = '';

  /** `headers` go with every request (an `X-Forwarded-For` a client claims, say). */
  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(
    method: string,
    path: string,
    init: { body?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...this.headers, ...init.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    const response = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      headers,
      body: init.body ?? null,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    const meta = text.match(/<meta name="csrf-token" content="([^"]+)">/);
    if (meta?.[1]) this.csrf = meta[1];
    return {
      status: response.status,
      headers: response.headers,
      text,
      bytes,
      location: response.headers.get('location'),
      json: <T>() => JSON.parse(text) as T,
    };
  }

  get(path: string, headers?: Record<string, string>): Promise<Reply> {
    return this.request('GET', path, headers ? { headers } : {});
  }

  /** A form post as a browser sends it, with the page's CSRF token unless `csrf: false`. */
  postForm(
    path: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: boolean | string } = {},
  ): Promise<Reply> {
    const body = new URLSearchParams();
    const token =
      options.csrf === false ? undefined : typeof options.csrf === 'string' ? options.csrf : this.csrf;
    if (token !== undefined) body.append('_csrf', token);
    for (const [name, value] of Object.entries(fields)) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    }
    return this.request('POST', path, {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** A JSON call as the page's fetch helper makes it (CSRF token in the header). */
  sendJson(method: string, path: string, body?: unknown, options: { csrf?: boolean } = {}): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.csrf !== false) headers['x-csrf-token'] = this.csrf;
    return this.request(method, path, {
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  upload(
    path: string,
    fields: Record<string, string>,
    file: { name: string; content: Buffer; type?: string },
    options: { csrf?: 'form' | 'header' | false } = {},
  ): Promise<Reply> {
    const form = new FormData();
    const mode = options.csrf ?? 'form';
    if (mode === 'form') form.append('_csrf', this.csrf);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append(
      'file',
      new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
    return this.request('POST', path, {
      body: form,
      headers: mode === 'header' ? { 'x-csrf-token': this.csrf } : {},
    });
  }

  /** Starts an application (the applicant's first step) of `bundleId` at `centreId`; its id. */
  async newApplication(bundleId = 'open-company', centreId = 'longwen'): Promise<string> {
    return (await this.sendJson('POST', '/api/applications', { bundleId, centreId })).json<{ id: string }>()
      .id;
  }

  async login(login: string, password: string): Promise<Reply> {
    await this.get('/login');
    const reply = await this.postForm('/login', { login, password });
    if (reply.status === 303) await this.get(reply.location ?? '/');
    return reply;
  }
}
