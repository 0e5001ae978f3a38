import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './client.ts';
import { SECRET_ID_NUMBER } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { fillReference, referenceTyped } from './reference.ts';
import { register, registrationForm } from './register.ts';

const SCRIPT = '<script>alert("x")</script>';
const IMAGE = '<img src=x onerror=alert(1)>';

/** Script typed into any field is shown as text; secrets stay out of logs, URLs and error bodies. */
describe('escaping and personal data', () => {
  let web: TestServer;
  let applicant: Client;
  let clerk: Client;
  let admin: Client;
  let applicationId = '';
  const urls: string[] = [];

  beforeAll(async () => {
    web = await startTestServer();
    await web.addUser('clerk', 'clerk.one', 'Clerk-pass-1', { name: `王${IMAGE}` });
    await web.addUser('admin', 'admin.one', 'Admin-pass-1');
    applicant = new Client(web.base);
    clerk = new Client(web.base);
    admin = new Client(web.base);
    for (const client of [applicant, clerk, admin]) {
      const original = client.request.bind(client);
      client.request = async (method, path, init) => {
        urls.push(path);
        const reply = await original(method, path, init);
        if (reply.location) urls.push(reply.location);
        return reply;
      };
    }
    await applicant.get('/register');
    const registered = await register(
      web,
      applicant,
      registrationForm(SCRIPT, '13812345678', 'Secret-pass-1'),
    );
    await applicant.get(registered.location ?? '/my');
    const created = await applicant.sendJson('POST', '/api/applications', {
      bundleId: 'open-company',
      centreId: 'longwen',
    });
    applicationId = created.json<{ id: string }>().id;
    await fillReference(applicant, applicationId);
    // Script in fields forms/ accepts as text (a person's name, an address) and an ID number to keep secret.
    const typed = await referenceTyped();
    const persons = (typed.persons as Record<string, unknown>[]).map((person, index) =>
      index === 2
        ? { ...person, name: SCRIPT }
        : index === 1
          ? { ...person, address: `福建省漳州市${IMAGE}` }
          : person,
    );
    const saved = await applicant.sendJson('PUT', `/api/applications/${applicationId}/values`, {
      typed: { ...typed, persons },
    });
    expect(saved.status).toBe(200);
    const submitted = await applicant.sendJson('POST', `/api/applications/${applicationId}/submit`);
    expect(submitted.status, submitted.text).toBe(200);
    await clerk.login('clerk.one', 'Clerk-pass-1');
    await clerk.postForm(`/desk/applications/${applicationId}/return`, { reason: `请补充材料${IMAGE}` });
    await admin.login('admin.one', `wrong-${SECRET_ID_NUMBER}`);
    await admin.login('admin.one', 'Admin-pass-1');
  });
  afterAll(() => web.close());

  it('shows injected markup as text on applicant, clerk and admin pages', async () => {
    const pages = [
      [applicant, '/my'],
      [applicant, `/my/applications/${applicationId}`],
      [clerk, '/desk?status=all'],
      [clerk, `/desk/applications/${applicationId}`],
      [admin, '/admin'],
      [admin, '/admin/audit'],
      [admin, '/admin/users'],
    ] as const;
    for (const [client, path] of pages) {
      const page = await client.get(path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).not.toContain(SCRIPT);
      expect(page.text, path).not.toContain(IMAGE);
      expect(page.text, path).not.toMatch(/<script(?! src="\/static\/)/);
    }
    expect((await applicant.get(`/my/applications/${applicationId}`)).text).toContain(
      '请补充材料&lt;img src=x onerror=alert(1)&gt;',
    );
    expect((await admin.get('/admin/users')).text).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
  });

  it('sends a strict Content-Security-Policy with every page', async () => {
    const page = await fetch(`${web.base}/login`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps passwords, ID numbers and phone numbers out of logs, URLs and the audit log', async () => {
    const logs = web.logs();
    const people = (await referenceTyped()).persons as Record<string, string>[];
    const secrets = ['Secret-pass-1', 'Clerk-pass-1', 'Admin-pass-1', SECRET_ID_NUMBER, '13812345678'];
    for (const person of people) secrets.push(person.idNumber ?? '', person.mobile ?? '');
    expect(secrets.filter((secret) => secret.length >= 11)).toHaveLength(11);
    for (const secret of secrets) {
      expect(logs, secret).not.toContain(secret);
      expect(urls.join('\n'), secret).not.toContain(secret);
    }
    const audit = JSON.stringify(await web.services.auditLog.list({ limit: 500 }));
    expect(audit).not.toContain(SECRET_ID_NUMBER);
    expect(audit).not.toContain('13812345678');
    expect(audit).toContain('138****5678');
  });

  it('keeps the audit log append-only, even for SQL run through the application’s connection', async () => {
    await expect(web.store.db.query("UPDATE audit_log SET action = 'nothing'")).rejects.toThrow(
      /append-only/,
    );
    await expect(web.store.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const actions = (await web.services.auditLog.list({ limit: 500 })).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.register',
        'application.create',
        'application.save',
        'application.submit',
        'application.return',
        'auth.login-failed',
        'auth.login',
      ]),
    );
  });

  it('filters the audit log by action, actor and subject on the admin page', async () => {
    const byAction = await admin.get('/admin/audit?action=application.return');
    expect(byAction.text).toContain('data-label="操作">退回修改</td>');
    expect(byAction.text).not.toContain('data-label="操作">提交申请</td>');
    const bySubject = await admin.get(`/admin/audit?subject=${applicationId}`);
    expect(bySubject.text).toContain('data-label="操作">新建办件</td>');
    expect(bySubject.text).not.toContain('data-label="操作">登录</td>');
    const badDate = await admin.get('/admin/audit?from=yesterday');
    expect(badDate.text).toMatch(/id="f-from-error"[^>]*>日期格式应为 年-月-日/);
  });
});

describe('unexpected failures', () => {
  let web: TestServer;
  beforeAll(async () => {
    // A catalogue that breaks with personal data in its message, as a library error might.
    const broken = () => {
      throw new Error(`catalogue unavailable for ${SECRET_ID_NUMBER} / 13812345678`);
    };
    web = await startTestServer({
      catalog: { bundles: broken, bundle: broken, selectedItems: broken, materials: broken },
    });
  });
  afterAll(() => web.close());

  it('answers 500 with a Chinese page or JSON body that says nothing of the cause, and logs it redacted', async () => {
    const page = await new Client(web.base).get('/');
    expect(page.status).toBe(500);
    expect(page.text).toContain('系统繁忙');
    expect(page.text).not.toContain('catalogue unavailable');
    await web.addUser('applicant', '13800000009', 'Owner-pass-1');
    const client = new Client(web.base);
    await client.login('13800000009', 'Owner-pass-1');
    const api = await client.get('/api/bundles');
    expect(api.status).toBe(500);
    expect(api.json()).toEqual({ error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试', issues: [] } });
    const logs = web.logs();
    expect(logs).toContain('catalogue unavailable');
    expect(logs).not.toContain(SECRET_ID_NUMBER);
    expect(logs).not.toContain('13812345678');
  });
});
