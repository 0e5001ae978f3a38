import { describe, expect, it } from 'vitest';
import { Client } from './client.ts';
import { describeServer } from './describe-server.ts';
import { openEvents } from './event-stream.ts';
import { startTestServer } from './harness.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/** Changes the signed-in account's password on its page, as a person does (the new one typed twice). */
async function changePassword(client: Client, current: string, password: string) {
  await client.get('/account/password');
  return client.postForm('/account/password', { current, password, confirm: password });
}

/** Issue 18: a password change and a disabled account end every session of the account, streams included. */
describe('sessions end with the password or the account', () => {
  let clerkId: string;
  const web = describeServer({
    setUp: async (web) => {
      await web.addUser('applicant', '13800000011', 'Old-pass-11', { name: '孙八' });
      clerkId = await web.addUser('clerk', 'zhou.clerk', 'Clerk-pass-1', { name: '周窗口' });
      await web.addUser('admin', 'wu.admin', 'Admin-pass-1', { name: '吴管理' });
    },
  });

  it('refuses a wrong current password and leaves every session as it was', async () => {
    const here = new Client(web.base);
    await here.login('13800000011', 'Old-pass-11');
    const reply = await changePassword(here, 'Not-the-pass-1', 'New-pass-22');
    expect(reply.status).toBe(422);
    expect(reply.text).toContain('当前密码不正确');
    expect((await here.get('/my')).status).toBe(200);
  });

  it('signs the account out everywhere else at a password change, streams included', async () => {
    const here = new Client(web.base);
    const elsewhere = new Client(web.base);
    await here.login('13800000011', 'Old-pass-11');
    await elsewhere.login('13800000011', 'Old-pass-11');
    const [mine, theirs] = [await openEvents(here), await openEvents(elsewhere)];
    await settle();
    const changed = await changePassword(here, 'Old-pass-11', 'New-pass-22');
    expect(changed.status).toBe(303);
    expect(changed.location).toBe('/account/password?changed=1');
    await settle();
    expect(mine.ended).toBe(true);
    expect(theirs.ended).toBe(true);
    // The other browser is signed out; this one goes on, in a new session.
    expect((await elsewhere.get('/my')).status).toBe(303);
    expect((await here.get('/my')).status).toBe(200);
    expect((await here.get('/account/password?changed=1')).text).toContain('密码已修改');
    expect((await new Client(web.base).login('13800000011', 'Old-pass-11')).status).toBe(401);
    expect((await new Client(web.base).login('13800000011', 'New-pass-22')).status).toBe(303);
    const audit = await web.services.auditLog.list({ action: 'user.password' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('New-pass-22');
  });

  it('ends a disabled account’s sessions and streams at once; enabled again, it signs in', async () => {
    const admin = new Client(web.base);
    const clerk = new Client(web.base);
    await admin.login('wu.admin', 'Admin-pass-1');
    await clerk.login('zhou.clerk', 'Clerk-pass-1');
    const stream = await openEvents(clerk);
    await settle();
    const users = await admin.get('/admin/users');
    expect(users.text).toContain(`action="/admin/users/${clerkId}"`);
    expect((await admin.postForm(`/admin/users/${clerkId}/disable`, {})).status).toBe(303);
    await settle();
    expect(stream.ended).toBe(true);
    expect((await clerk.get('/desk')).status).toBe(303);
    expect((await new Client(web.base).login('zhou.clerk', 'Clerk-pass-1')).status).toBe(401);
    expect((await admin.get('/admin/users')).text).toContain('已停用');

    expect((await admin.postForm(`/admin/users/${clerkId}/enable`, {})).status).toBe(303);
    expect((await new Client(web.base).login('zhou.clerk', 'Clerk-pass-1')).status).toBe(303);
    const actions = (await web.services.auditLog.list({ action: 'user.' })).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('does not let an admin disable themselves (the last admin stays)', async () => {
    const admin = new Client(web.base);
    await admin.login('wu.admin', 'Admin-pass-1');
    const me = (await web.services.users.findByLogin('wu.admin'))?.id ?? '';
    const reply = await admin.postForm(`/admin/users/${me}/disable`, {});
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('不能停用自己的账号');
    expect((await admin.get('/admin')).status).toBe(200);
    expect((await admin.postForm('/admin/users/not-a-user/disable', {})).status).toBe(404);
  });
});

/** A stream sends no requests of its own: it ends when its session does, however that happens. */
describe('open streams end with their session', () => {
  const web = describeServer({
    start: () => startTestServer({ options: { sessionIdleMs: 1500, streamRecheckMs: 200 } }),
    setUp: async (web) => {
      await web.addUser('clerk', 'zheng.clerk', 'Clerk-pass-1', { name: '郑窗口' });
    },
  });

  it('ends a stream when its session is left idle past the limit', async () => {
    const clerk = new Client(web.base);
    await clerk.login('zheng.clerk', 'Clerk-pass-1');
    const stream = await openEvents(clerk);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(stream.ended).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1400));
    expect(stream.ended).toBe(true);
  });

  it('ends a stream when the account is disabled in the store by another process', async () => {
    const clerk = new Client(web.base);
    await clerk.login('zheng.clerk', 'Clerk-pass-1');
    const stream = await openEvents(clerk);
    await settle();
    const id = (await web.services.users.findByLogin('zheng.clerk'))?.id ?? '';
    // As `psql` or another web server would: nothing tells this server's event hub.
    await web.services.users.setDisabled(id, true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(stream.ended).toBe(true);
  });
});
