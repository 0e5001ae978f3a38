import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../lib/logger.ts';
import { createPortalApp, type PortalApp } from '../../sandbox/kit/app.ts';
import { html } from '../../sandbox/kit/html/escape.ts';
import type { PortalDefinition } from '../../sandbox/kit/portal.ts';
import { CompanyRegistry } from '../../sandbox/kit/registry.ts';
import { TicketAuthority } from '../../sandbox/kit/sso.ts';
import { PortalStore } from '../../sandbox/kit/store.ts';
import type { Submission } from '../../sandbox/kit/submissions.ts';
import { checkUpload, MB } from '../../sandbox/kit/uploads.ts';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n');

/** A small portal built only from kit parts: kit login, one protected page that files a submission. */
const testPortal: PortalDefinition = {
  id: 'bank',
  item: 'bank-account',
  itemName: '测试事项',
  cookieName: 'TEST_SID',
  login: 'kit',
  accounts: [{ username: 'clerk', password: 'S3cret!pass', displayName: '测试经办人' }],
  receiptLabels: { appointmentNo: '预约号' },
  chrome: { department: '测试部门', systemName: '测试系统', primary: '#333', nav: [], footer: '测试' },
  mount(router, ctx) {
    router.get('/', ctx.requireLogin, (req, res) =>
      res.send(ctx.render(req, { title: '首页', body: html`<p>欢迎</p>` })),
    );
    router.post('/apply', ctx.requireLogin, (req, res) => {
      const body = req.body as Record<string, string>;
      const reference = `T${ctx.store.nextSequence('t')}`;
      ctx.recordSubmission({
        reference,
        account: ctx.accountOf(req),
        company: body.dwmc ?? '',
        status: 'done',
        statusText: '已办结',
        requests: [{ path: req.path, receivedAt: ctx.now().toISOString(), body }],
        files: {},
        fields: { companyName: body.dwmc },
        receipt: { appointmentNo: reference },
      });
      res.redirect(303, `/receipt/${reference}`);
    });
  },
};

describe('portal kit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yijian-kit-'));
  let portal: PortalApp;
  let server: Server;
  let base: string;
  const token = 'kit-test-token-0123456789abcdef';
  const control = (path: string, init: RequestInit = {}) =>
    fetch(`${base}/__sandbox${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
  async function login(): Promise<string> {
    const response = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ username: 'clerk', password: 'S3cret!pass', next: '/' }),
    });
    expect(response.status).toBe(303);
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  beforeAll(async () => {
    const shared = {
      registry: new CompanyRegistry(),
      tickets: new TicketAuthority(),
      urls: {},
      logger: silentLogger,
    };
    portal = createPortalApp(testPortal, { shared, dataDir: dir, controlToken: token, logger: silentLogger });
    await new Promise<void>((resolve) => {
      server = portal.app.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('recognises uploads by content and applies per-type limits, in Chinese', () => {
    const rule = { label: '住所使用证明', accept: { jpg: 2 * MB, pdf: 5 * MB } };
    expect(checkUpload(rule, 'a.jpg', JPEG)).toMatchObject({
      ok: true,
      meta: { mimeType: 'image/jpeg', size: 10 },
    });
    expect(checkUpload(rule, 'b.pdf', PDF)).toMatchObject({
      ok: true,
      meta: { mimeType: 'application/pdf' },
    });
    const fake = checkUpload(rule, 'c.jpg', Buffer.from('this is text, not a picture'));
    expect(fake).toMatchObject({ ok: false });
    expect(!fake.ok && fake.message).toContain('住所使用证明：文件格式不正确');
    const big = checkUpload(rule, 'd.jpg', Buffer.concat([JPEG, Buffer.alloc(2 * MB)]));
    expect(!big.ok && big.message).toBe('住所使用证明：JPG 文件不能超过 2MB');
    expect(checkUpload(rule, 'e.pdf', Buffer.concat([PDF, Buffer.alloc(3 * MB)])).ok).toBe(true);
  });

  it('refuses the control API without the token and wrong fault settings with the setting named', async () => {
    expect((await fetch(`${base}/__sandbox/submissions`)).status).toBe(401);
    const bad = await control('/faults', { method: 'PUT', body: JSON.stringify({ errorRate: 2 }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues[0].setting).toBe('errorRate');
  });

  it('bounces to login, files what it received, lists duplicates, and keeps them across a restart', async () => {
    const anonymous = await fetch(`${base}/`, { redirect: 'manual' });
    expect(anonymous.headers.get('location')).toBe('/login?next=%2F');
    const wrong = await fetch(`${base}/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'clerk', password: 'x' }),
    });
    expect(await wrong.text()).toContain('用户名或密码错误');
    const cookie = await login();
    for (let i = 0; i < 2; i += 1) {
      const filed = await fetch(`${base}/apply`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie },
        body: new URLSearchParams({ dwmc: '漳州测试科技有限公司', extra: `第${i}次` }),
      });
      expect(filed.status).toBe(303);
    }
    const page = await (
      await fetch(`${base}/query?qymc=${encodeURIComponent('测试科技')}`, { headers: { cookie } })
    ).text();
    expect(page.match(/data-reference="T\d"/g)).toEqual(['data-reference="T2"', 'data-reference="T1"']);
    const { submissions } = (await (await control('/submissions')).json()) as { submissions: Submission[] };
    expect(submissions.map((s) => [s.reference, s.raw.extra, s.fields.companyName])).toEqual([
      ['T1', '第0次', '漳州测试科技有限公司'],
      ['T2', '第1次', '漳州测试科技有限公司'],
    ]);
    const reopened = new PortalStore({ dir: join(dir, 'bank') });
    expect(reopened.list().map((s) => s.reference)).toEqual(['T1', 'T2']);
    expect(reopened.nextSequence('t')).toBe(3);
  });

  it('drops an idle session and says so on the login page; injects the busy page', async () => {
    const cookie = await login();
    await control('/faults', { method: 'PUT', body: JSON.stringify({ sessionTimeoutMs: 150 }) });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const bounced = await fetch(`${base}/`, { redirect: 'manual', headers: { cookie } });
    expect(bounced.headers.get('location')).toBe('/login?next=%2F&expired=1');
    expect(await (await fetch(`${base}${bounced.headers.get('location')}`)).text()).toContain(
      '登录已超时，请重新登录',
    );
    await control('/faults', {
      method: 'PUT',
      body: JSON.stringify({ failNext: 1, sessionTimeoutMs: 60_000 }),
    });
    const busy = await fetch(`${base}/login`);
    expect(busy.status).toBe(503);
    expect(await busy.text()).toContain('系统繁忙，请稍后再试');
    expect((await fetch(`${base}/login`)).status).toBe(200);
  });

  it('sends SMS codes to the inbox and checks them once', async () => {
    const sent = portal.ctx.sms.send('13800000001', '公章刻制备案');
    expect(sent.expiresAt > sent.sentAt).toBe(true);
    const { messages } = await (await control('/sms?phone=13800000001')).json();
    const code = messages.at(-1).code as string;
    expect(code).toMatch(/^\d{6}$/);
    expect(
      portal.ctx.sms.verify('13800000001', '公章刻制备案', code === '000000' ? '111111' : '000000'),
    ).toBe('wrong');
    expect(portal.ctx.sms.verify('13800000001', '公章刻制备案', code)).toBe('ok');
    expect(portal.ctx.sms.verify('13800000001', '公章刻制备案', code)).toBe('missing');
  });

  it('hides a registered company from other departments until the sync lag has passed', () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    const registry = new CompanyRegistry({ now: () => now });
    registry.register({
      creditCode: '91350603MA2Y0000X1',
      name: '漳州测试科技有限公司',
      legalRepName: '张三',
      legalRepIdNumber: '350603199001011234',
      regionCode: '350603',
      address: '福建省漳州市龙文区',
      establishedDate: '2025-01-01',
      registrationAuthority: '漳州市龙文区市场监督管理局',
      registeredAt: new Date(now).toISOString(),
    });
    expect(registry.lookup('91350603MA2Y0000X1', 10_000).status).toBe('not-yet-shared');
    now += 10_000;
    expect(registry.lookup('91350603ma2y0000x1', 10_000).status).toBe('known');
    expect(registry.lookup('91350603MA2Y0000Y1', 0).status).toBe('unknown');
  });
});
