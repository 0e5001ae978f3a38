import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountDelayMs } from '../../server/auth/login-limiter.ts';
import { Client } from './client.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { registerAnew, registrationForm } from './register.ts';

describe('accounts and sessions', () => {
  let web: TestServer;
  beforeAll(async () => {
    web = await startTestServer({ options: { loginMaxFailuresPerIp: 8 } });
    await web.addUser('clerk', 'wang.clerk', 'Clerk-pass-1', { name: '王窗口' });
    await web.addUser('admin', 'li.admin', 'Admin-pass-1', { name: '李管理' });
  });
  afterAll(() => web.close());

  it('registers an applicant with a phone number, signs them in and shows the phone masked', async () => {
    const { client, reply } = await registerAnew(
      web,
      registrationForm('张三', '13812345678', 'Secret-pass-1'),
    );
    expect(reply.status).toBe(303);
    expect(reply.location).toBe('/my?welcome=1');
    const home = await client.get('/my');
    expect(home.status).toBe(200);
    expect(home.text).toContain('张三');
    expect(home.text).toContain('138****5678');
    expect(home.text).not.toContain('13812345678');
    const stored = await web.services.users.findByLogin('13812345678');
    expect(stored?.role).toBe('applicant');
    expect(stored?.passwordHash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(stored?.passwordHash).not.toContain('Secret-pass-1');
  });

  it('keeps a display name without the characters that reorder or hide text', async () => {
    // U+202E would show the name reversed after it; U+200B and U+2066 are invisible.
    const form = registrationForm(' 赵\u202E六\u200b\u2066 ', '13812340000', 'Secret-pass-2');
    const { reply } = await registerAnew(web, form);
    expect(reply.status).toBe(303);
    expect((await web.services.users.findByLogin('13812340000'))?.displayName).toBe('赵六');
    // A name of nothing but such characters is no name.
    const { reply: empty } = await registerAnew(
      web,
      registrationForm('\u202E\u200b', '13812340001', 'Secret-pass-3'),
    );
    expect(empty.status).toBe(422);
    expect(empty.text).toMatch(/id="f-name-error"[^>]*>请输入姓名/);
  });

  it('shows each registration problem beside its field, in Chinese', async () => {
    const { reply } = await registerAnew(web, {
      name: '',
      phone: '123',
      password: 'short',
      confirm: 'other',
    });
    expect(reply.status).toBe(422);
    expect(reply.text).toMatch(/id="f-name-error"[^>]*>请输入姓名/);
    expect(reply.text).toMatch(/id="f-phone-error"[^>]*>请输入 11 位手机号/);
    expect(reply.text).toMatch(/id="f-password-error"[^>]*>密码至少 8 位/);
    expect(reply.text).toMatch(/id="f-confirm-error"[^>]*>两次输入的密码不一致/);
    expect(reply.text).toContain('请阅读并同意个人信息使用说明');
  });

  it('sends each role to its own start page and refuses the others', async () => {
    const clerk = new Client(web.base);
    const signIn = await clerk.login('wang.clerk', 'Clerk-pass-1');
    expect(signIn.location).toBe('/desk');
    expect((await clerk.get('/desk')).status).toBe(200);
    expect((await clerk.get('/admin/audit')).status).toBe(403);
    expect((await clerk.get('/my')).status).toBe(403);
    const admin = new Client(web.base);
    expect((await admin.login('li.admin', 'Admin-pass-1')).location).toBe('/admin');
    expect((await admin.get('/admin/audit')).status).toBe(200);
  });

  it('sets the session cookie HttpOnly, SameSite and Secure on loopback, and rotates it at sign-in', async () => {
    const client = new Client(web.base);
    const page = await fetch(`${web.base}/login`);
    const cookie = page.headers.getSetCookie().find((line) => line.startsWith('yj_sid='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);

    await client.get('/login');
    const before = client.cookies.get('yj_sid');
    const csrfBefore = client.csrf;
    await client.postForm('/login', { login: 'wang.clerk', password: 'Clerk-pass-1' });
    const after = client.cookies.get('yj_sid');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    await client.get('/desk');
    expect(client.csrf).not.toBe(csrfBefore);

    // Session fixation: whoever held the pre-login cookie is not signed in by the victim's sign-in.
    const attacker = new Client(web.base);
    attacker.cookies.set('yj_sid', before ?? '');
    const reply = await attacker.get('/desk');
    expect(reply.status).toBe(303);
    expect(reply.location).toMatch(/^\/login/);
  });

  it('never adopts a session id it did not issue', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const victim = new Client(web.base);
    victim.cookies.set('yj_sid', planted);
    await victim.login('wang.clerk', 'Clerk-pass-1');
    expect(victim.cookies.get('yj_sid')).not.toBe(planted);
    const attacker = new Client(web.base);
    attacker.cookies.set('yj_sid', planted);
    expect((await attacker.get('/desk')).status).toBe(303);
  });

  it('refuses a state-changing request without the session CSRF token, in forms and in fetch', async () => {
    const client = new Client(web.base);
    await client.get('/login');
    const missing = await client.postForm(
      '/login',
      { login: 'wang.clerk', password: 'Clerk-pass-1' },
      { csrf: false },
    );
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('页面已过期或来源不明');
    const wrong = await client.postForm(
      '/login',
      { login: 'wang.clerk', password: 'Clerk-pass-1' },
      { csrf: 'x'.repeat(43) },
    );
    expect(wrong.status).toBe(403);

    // Another session's token is not this session's token.
    const other = new Client(web.base);
    await other.login('wang.clerk', 'Clerk-pass-1');
    const mine = new Client(web.base);
    await mine.login('wang.clerk', 'Clerk-pass-1');
    const crossed = await mine.postForm('/logout', {}, { csrf: other.csrf });
    expect(crossed.status).toBe(403);
    expect((await mine.get('/desk')).status).toBe(200);

    const api = await mine.sendJson(
      'POST',
      '/api/applications/00000000-0000-4000-8000-000000000000/return',
      { reason: '缺材料' },
      { csrf: false },
    );
    expect(api.status).toBe(403);
    expect(api.json()).toMatchObject({ error: { code: 'CSRF_REFUSED' } });
  });

  it('audits failed sign-ins with the phone masked', async () => {
    await web.addUser('applicant', '13900001111', 'Right-pass-1', { name: '赵六' });
    const client = new Client(web.base);
    for (let i = 0; i < 3; i++) {
      const reply = await client.login('13900001111', 'wrong-password');
      expect(reply.status).toBe(401);
      expect(reply.text).toContain('账号或密码错误');
    }
    const entries = await web.services.auditLog.list({ action: 'auth.login' });
    const failures = entries.filter((entry) => entry.action === 'auth.login-failed');
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(failures)).toContain('139****1111');
    expect(JSON.stringify(entries)).not.toContain('13900001111');
  });

  it('ends the session on logout: the old cookie no longer signs anyone in', async () => {
    const client = new Client(web.base);
    await client.login('li.admin', 'Admin-pass-1');
    const cookie = client.cookies.get('yj_sid');
    const reply = await client.postForm('/logout', {});
    expect(reply.status).toBe(303);
    expect(client.cookies.has('yj_sid')).toBe(false);
    const replay = new Client(web.base);
    replay.cookies.set('yj_sid', cookie ?? '');
    expect((await replay.get('/admin')).status).toBe(303);
    expect((await web.services.auditLog.list({ action: 'auth.logout' })).length).toBeGreaterThan(0);
  });

  it('refuses a loopback client after its failures whatever X-Forwarded-For it claims', async () => {
    // TRUST_PROXY is unset here: the socket's address is the client, and the header is only words.
    let last = 0;
    for (let i = 0; i < 9; i++) {
      const client = new Client(web.base, { 'x-forwarded-for': `203.0.113.${i + 1}, 10.0.0.${i}` });
      last = (await client.login(`nobody${i}`, 'wrong-password')).status;
    }
    expect(last).toBe(429);
    const reply = await new Client(web.base, { 'x-forwarded-for': '198.51.100.7' }).login(
      'li.admin',
      'Admin-pass-1',
    );
    expect(reply.status).toBe(429);
    expect(reply.text).toMatch(/此网络地址登录失败次数过多，请 \d+ (秒|分钟)后再试/);
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('login limits behind a trusted proxy', () => {
  // TRUST_PROXY=loopback: each X-Forwarded-For below is a different client, as behind a real proxy.
  let web: TestServer;
  beforeAll(async () => {
    web = await startTestServer({
      options: {
        trustProxy: ['loopback'],
        loginFreeFailures: 3,
        loginDelayBaseMs: 1500,
        loginDelayMaxMs: 3000,
        loginMaxFailuresPerIp: 20,
      },
    });
    await web.addUser('applicant', '13900002222', 'Owner-pass-1', { name: '钱七' });
    await web.addUser('admin', 'only.admin', 'Admin-pass-1', { name: '唯一管理员' });
  });
  afterAll(() => web.close());
  const attacker = () => new Client(web.base, { 'x-forwarded-for': '203.0.113.66' });
  const owner = () => new Client(web.base, { 'x-forwarded-for': '198.51.100.4' });

  it('makes an account wait after failures, longer each time, then lets its owner in', async () => {
    for (let i = 0; i < 3; i++)
      expect((await attacker().login('13900002222', 'guess-1234')).status).toBe(401);
    // Three failures cost nothing; now every try waits 1.5 s after the last failure, the owner's too.
    const early = await owner().login('13900002222', 'Owner-pass-1');
    expect(early.status).toBe(429);
    expect(early.text).toMatch(/该账号登录失败次数较多，请 [12] 秒后再试/);
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
    await sleep(1600);
    expect((await attacker().login('13900002222', 'guess-5678')).status).toBe(401);
    // The fourth failure doubles the wait: 1.6 s is not enough any more, 3.1 s is.
    await sleep(1600);
    expect((await owner().login('13900002222', 'Owner-pass-1')).status).toBe(429);
    await sleep(1500);
    const signedIn = await owner().login('13900002222', 'Owner-pass-1');
    expect(signedIn.status).toBe(303);
    // Success forgives the account: a stranger's next failures are free again.
    expect((await attacker().login('13900002222', 'guess-0000')).status).toBe(401);
    const audit = await web.services.auditLog.list({ action: 'auth.login' });
    expect(audit.filter((entry) => entry.action === 'auth.login-delayed').length).toBe(2);
  });

  it('never makes the last admin wait for the failures of another client', async () => {
    const stranger = attacker();
    for (let i = 0; i < 3; i++) expect((await stranger.login('only.admin', 'guess-1234')).status).toBe(401);
    // The guesser's own client waits…
    expect((await stranger.login('only.admin', 'guess-5678')).status).toBe(429);
    // …the admin, elsewhere, signs in at once.
    const admin = await owner().login('only.admin', 'Admin-pass-1');
    expect(admin.status).toBe(303);
    expect(admin.location).toBe('/admin');
  });

  it('makes an admin who is not the last one wait like anyone else', async () => {
    await web.addUser('admin', 'second.admin', 'Second-pass-1');
    for (let i = 0; i < 3; i++)
      expect((await attacker().login('second.admin', 'guess-1234')).status).toBe(401);
    expect((await owner().login('second.admin', 'Second-pass-1')).status).toBe(429);
  });
});

describe('the account delay', () => {
  it('is free three times, then 1, 2, 4, 8 … seconds, capped', () => {
    const options = { loginFreeFailures: 3, loginDelayBaseMs: 1000, loginDelayMaxMs: 60_000 };
    const delays = Array.from({ length: 12 }, (_, failures) => accountDelayMs(failures, options) / 1000);
    expect(delays).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(accountDelayMs(10_000, options)).toBe(60_000);
  });
});

describe('session expiry', () => {
  let web: TestServer;
  beforeAll(async () => {
    web = await startTestServer({ options: { sessionIdleMs: 700, sessionAbsoluteMs: 1600 } });
    await web.addUser('admin', 'li.admin', 'Admin-pass-1');
  });
  afterAll(() => web.close());

  it('ends a session left idle, and says so on the login page', async () => {
    const client = new Client(web.base);
    await client.login('li.admin', 'Admin-pass-1');
    expect((await client.get('/admin')).status).toBe(200);
    await sleep(900);
    const reply = await client.get('/admin');
    expect(reply.status).toBe(303);
    expect(reply.location).toBe('/login?next=%2Fadmin&expired=1');
    const login = await client.get(reply.location ?? '');
    expect(login.text).toContain('登录已超时，请重新登录');
  });

  it('ends a busy session at its absolute expiry', async () => {
    const client = new Client(web.base);
    await client.login('li.admin', 'Admin-pass-1');
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 4000) {
      await sleep(250);
      status = (await client.get('/admin')).status;
    }
    expect(status).toBe(303);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
