import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalChangedError } from '../../bots/errors/index.ts';
import { botRuns } from '../../store/bot-runs.repo.ts';
import { SMS_CODE, startTestServerWithBots, type TestBots, until } from './bots-harness.ts';
import { Client } from './client.ts';
import type { TestServer } from './harness.ts';
import { fillReference } from './reference.ts';

/**
 * After review, through the real queue (BullMQ, coordinator, workers, human tasks) with scripted bots: the
 * clerk's one key, the SMS code the applicant answers on their progress page, a rejected value shown to the
 * clerk with its field and resubmitted alone, every item's receipt, and the 好差评 at the end.
 */
describe('one key, progress, questions and resubmission', () => {
  let web: TestServer;
  let bots: TestBots | undefined;
  let applicant: Client;
  let clerk: Client;
  let id = '';

  beforeAll(async () => {
    ({ web, bots } = await startTestServerWithBots());
    await web.addUser('applicant', '13805961234', 'Owner-pass-1', { name: '林志远' });
    await web.addUser('clerk', 'clerk.longwen', 'Clerk-pass-1', { centreId: 'longwen' });
    applicant = new Client(web.base);
    clerk = new Client(web.base);
    await applicant.login('13805961234', 'Owner-pass-1');
    await clerk.login('clerk.longwen', 'Clerk-pass-1');
    const created = await applicant.sendJson('POST', '/api/applications', {
      bundleId: 'open-company',
      centreId: 'longwen',
    });
    id = created.json<{ id: string }>().id;
    await fillReference(applicant, id);
    expect((await applicant.sendJson('POST', `/api/applications/${id}/submit`)).status).toBe(200);
  });
  afterAll(() => web.close());

  const items = () => bots?.queue.items(id) ?? Promise.resolve([]);

  it('starts the first wave with one key and asks the applicant for the seal portal’s SMS code', async () => {
    bots?.runner.rejectOnce.add('housing-fund');
    bots?.runner.captchaFor.add('business-registration');
    const desk = await clerk.get(`/desk/applications/${id}`);
    expect(desk.text).toContain('一键提交各部门');
    const pressed = await clerk.postForm(`/desk/applications/${id}/dispatch`, {});
    expect(pressed.status).toBe(303);
    expect((await web.services.applications.find({ kind: 'all' }, id))?.status).toBe('processing');
    expect((await clerk.postForm(`/desk/applications/${id}/dispatch`, {})).status).toBe(409);

    // Registration's CAPTCHA goes to the clerk, with its picture; the applicant is not asked.
    const captcha = await until(
      () => bots?.queue.openTasks([id]) ?? Promise.resolve([]),
      (open) => open.length === 1,
    );
    expect(captcha[0]?.kind).toBe('captcha');
    expect((await applicant.get(`/my/applications/${id}`)).text).not.toContain('请输入图中的字符');
    const deskPage = await clerk.get(`/desk/applications/${id}`);
    expect(deskPage.text).toContain('请输入图中的字符');
    const image = await clerk.get(`/desk/applications/${id}/tasks/${String(captcha[0]?.id)}/image`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(
      (await applicant.get(`/desk/applications/${id}/tasks/${String(captcha[0]?.id)}/image`)).status,
    ).toBe(403);
    const read = await clerk.postForm(`/desk/applications/${id}/tasks/${String(captcha[0]?.id)}`, {
      answer: 'K7PX',
    });
    expect(read.location).toBe(`/desk/applications/${id}`);

    const tasks = await until(
      () => bots?.queue.openTasks([id]) ?? Promise.resolve([]),
      (open) => open.length === 1 && open[0]?.kind === 'sms-code',
    );
    const page = await applicant.get(`/my/applications/${id}`);
    expect(page.text).toContain('需要您提供短信验证码');
    expect(page.text).toContain('请输入发送到 138****1234 的短信验证码');
    const taskId = String(tasks[0]?.id);
    // The same through the JSON API (what a mobile app would use).
    const progress = await applicant.get(`/api/applications/${id}/progress`);
    const body = progress.json<{
      items: { itemId: string; status: string }[];
      tasks: { id: number; kind: string }[];
    }>();
    expect(body.tasks).toEqual([expect.objectContaining({ id: Number(taskId), kind: 'sms-code' })]);
    expect(body.items.find((item) => item.itemId === 'seal-engraving')?.status).toBe('awaiting-person');
    const wrong = await applicant.postForm(`/my/applications/${id}/tasks/${taskId}`, { answer: 'abc' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('请输入短信中的数字验证码');
    const answered = await applicant.postForm(`/my/applications/${id}/tasks/${taskId}`, { answer: SMS_CODE });
    expect(answered.location).toBe(`/my/applications/${id}?answered=1`);
    // The item leaves 等待验证码 as soon as the answer is taken, not when the worker next looks.
    const afterAnswer = (await applicant.get(`/api/applications/${id}/progress`)).json<{
      items: { itemId: string; status: string }[];
    }>();
    expect(afterAnswer.items.find((item) => item.itemId === 'seal-engraving')?.status).not.toBe(
      'awaiting-person',
    );
    await until(items, (rows) => rows.find((row) => row.itemId === 'seal-engraving')?.status === 'done');
    expect(bots?.runner.answers).toEqual(['K7PX', SMS_CODE]);
    // The code is a credential: the audit log says it was given, never what it was.
    const audit = JSON.stringify(await web.services.auditLog.list({ action: 'task.answer' }));
    expect(audit).toContain('sms-code');
    expect(audit).not.toContain(SMS_CODE);
    expect(web.logs()).not.toContain(SMS_CODE);
  });

  it('shows the clerk a rejected value with its field, and resubmits only the failed item', async () => {
    const rows = await until(
      items,
      (all) => all.filter((row) => ['done', 'failed'].includes(row.status)).length === 7,
    );
    expect(rows.filter((row) => row.status === 'failed').map((row) => row.itemId)).toEqual(['housing-fund']);
    const desk = await clerk.get(`/desk/applications/${id}`);
    expect(desk.text).toContain('「月缴存工资基数总额（元）」：月缴存工资基数总额不能低于当地最低工资标准');
    expect(desk.text).toContain('重新提交失败的事项');
    // The clerk corrects the refused value on the merged form, then resubmits only that item.
    const form = await clerk.get(`/desk/applications/${id}/form`);
    expect(form.text).toContain('部门系统退回的内容');
    expect(form.text).toContain('住房公积金单位缴存登记「月缴存工资基数总额（元）」');
    const version = form.text.match(/name="version" value="(\d+)"/)?.[1] ?? '';
    const corrected = await clerk.postForm(`/desk/applications/${id}/form`, {
      version,
      'v.fund.monthlyWageBase': '52000',
    });
    expect(corrected.location).toBe(`/desk/applications/${id}?saved=1`);
    const stored = await web.services.applications.find({ kind: 'all' }, id);
    expect(stored?.values['fund.monthlyWageBase']).toBe('52000');
    expect(stored?.sources['fund.monthlyWageBase']).toEqual({ source: 'typed' });
    const resubmitted = await clerk.postForm(`/desk/applications/${id}/resubmit`, { items: 'housing-fund' });
    expect(resubmitted.status).toBe(303);
    await until(items, (all) => all.every((row) => row.status === 'done'));
    await until(
      () => web.services.applications.find({ kind: 'all' }, id),
      (application) => application?.status === 'completed',
    );
    const audit = (await web.services.auditLog.list({ subjectId: id })).map((entry) => entry.action);
    expect(audit).toEqual(expect.arrayContaining(['application.dispatch', 'application.resubmit']));
  });

  it('shows the applicant every receipt and takes one 好差评', async () => {
    const page = await applicant.get(`/my/applications/${id}`);
    for (const shown of [
      '全部事项已办结',
      '统一社会信用代码',
      '91350603MA2Y8ABC1X',
      'SL350603-0001',
      '35050166010700001234',
      '350603000123',
      '已办结 7/7',
      // Each receipt in words, with what is left to do and where.
      '下一步：</strong>请法定代表人于 2026-11-23 09:00-10:00',
      '中国工商银行漳州龙文支行（龙文区建元东路8号）',
      '<td>单位公章</td><td>3506031000001</td>',
      '凭备案编码到漳州市龙文区鑫源印章有限公司（龙文区建元东路2号）领取印章',
      '主管税务机关为国家税务总局漳州市龙文区税务局',
      '下载办结通知书（PDF）',
    ]) {
      expect(page.text).toContain(shown);
    }
    expect(page.text).not.toMatch(/filingNo|appointmentTime|taxOffice|engraverAddress/);
    // Nothing is chosen for the applicant, and the form says a reason is needed below 满意.
    expect(page.text).not.toMatch(/name="score" value="\d" checked/);
    const noReason = await applicant.postForm(`/my/applications/${id}/rating`, { score: '2' });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain('选择「不满意」时请填写原因');
    // A second look before it is stored: the first post only shows what will be sent.
    const review = await applicant.postForm(`/my/applications/${id}/rating`, {
      score: '5',
      comment: '很方便',
    });
    expect(review.status).toBe(200);
    expect(review.text).toContain('确认评价');
    expect((await applicant.get(`/my/applications/${id}`)).text).toContain('好差评');
    const rated = await applicant.postForm(`/my/applications/${id}/rating`, {
      score: '5',
      comment: '很方便',
      confirmed: '1',
    });
    expect(rated.location).toBe(`/my/applications/${id}?rated=1`);
    expect((await applicant.get(`/my/applications/${id}?rated=1`)).text).toContain('非常满意');
    expect(
      (
        await applicant.postForm(`/my/applications/${id}/rating`, {
          score: '1',
          comment: '慢',
          confirmed: '1',
        })
      ).status,
    ).toBe(409);
  });

  it('shows the admin every run with its evidence, and pauses a portal’s queue', async () => {
    await web.addUser('admin', 'the.admin', 'Admin-pass-1');
    const admin = new Client(web.base);
    await admin.login('the.admin', 'Admin-pass-1');
    const list = await admin.get('/admin/runs?portal=housing-fund');
    expect(list.text).toContain('失败');
    expect(list.text).toContain('成功');
    const runs = (await bots?.queue.runs({ portalId: 'housing-fund' })) ?? [];
    expect(runs.map((run) => run.status).sort()).toEqual(['failed', 'succeeded']);
    const failed = runs.find((run) => run.status === 'failed');
    const detail = await admin.get(`/admin/runs/${String(failed?.id)}`);
    expect(detail.text).toContain('VALUE_REJECTED');
    expect(detail.text).toContain('填写表单');
    const shot = await admin.get(`/admin/runs/${String(failed?.id)}/steps/1/screenshot`);
    expect(shot.headers.get('content-type')).toBe('image/png');
    const trace = await admin.request('GET', `/admin/runs/${String(failed?.id)}/trace`);
    expect(trace.status).toBe(200);
    expect(trace.headers.get('content-disposition')).toContain('trace.zip');

    const portals = await admin.get('/admin/portals');
    expect(portals.text).toContain('住房公积金');
    expect(portals.text).toContain('50%');
    const paused = await admin.postForm('/admin/portals/housing-fund/settings', { op: 'pause' });
    expect(paused.location).toBe('/admin/portals?saved=1');
    expect((await bots?.queue.depth('housing-fund'))?.paused).toBe(true);
    await admin.postForm('/admin/portals/housing-fund/settings', { op: 'resume' });
    expect((await bots?.queue.depth('housing-fund'))?.paused).toBe(false);
    const invalid = await admin.postForm('/admin/portals/tax/settings', { concurrency: '99' });
    expect(invalid.status).toBe(422);
    expect(invalid.text).toMatch(/id="tax-concurrency-error"[^>]*>不能超过 8/);
    const limited = await admin.postForm('/admin/portals/tax/settings', {
      concurrency: '1',
      ratePerMinute: '6',
      baseUrl: '',
    });
    expect(limited.status).toBe(303);
    expect((await bots?.queue.settings())?.find((row) => row.portalId === 'tax')).toMatchObject({
      concurrency: 1,
      rateMax: 6,
      rateDurationMs: 60_000,
    });

    const saved = await admin.postForm('/admin/portals/tax/credentials', {
      username: 'yijian-bot',
      password: 'Tax#Secret-2026',
    });
    expect(saved.status).toBe(303);
    const after = await admin.get('/admin/portals');
    expect(after.text).toContain('yijian-bot');
    expect(after.text).not.toContain('Tax#Secret-2026');
    expect(JSON.stringify(await web.services.auditLog.list({ limit: 500 }))).not.toContain('Tax#Secret-2026');
    expect(web.logs()).not.toContain('Tax#Secret-2026');
    const actions = (await web.services.auditLog.list({ subjectType: 'portal' })).map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['portal.pause', 'portal.resume', 'portal.settings', 'portal.credentials']),
    );
    expect((await clerk.get('/admin/portals')).status).toBe(403);
  });

  it('warns the admin at the top of a portal’s card when its pages changed', async () => {
    const admin = new Client(web.base);
    await admin.login('the.admin', 'Admin-pass-1');
    const runId = await botRuns.start(web.store.db, {
      applicationId: id,
      itemId: 'tax-registration',
      portalId: 'tax',
      jobId: 'item.changed',
      generation: 9,
      attempt: 1,
      worker: 'test:1',
    });
    await botRuns.finish(web.store.db, runId, {
      status: 'failed',
      failure: new PortalChangedError('页面上找不到“纳税人名称”，门户页面可能已改版').toFailure(),
    });
    const portals = await admin.get('/admin/portals');
    const taxCard = portals.text.slice(portals.text.indexOf('id="portal-tax"'));
    expect(taxCard.slice(0, 2000)).toContain('页面可能已改版，机器人无法办理');
    expect(taxCard).toContain(`/admin/runs/${String(runId)}`);
  });

  it('mounts the BullMQ board, read-only, for admins only', async () => {
    const admin = new Client(web.base);
    await admin.login('the.admin', 'Admin-pass-1');
    const board = await admin.get('/admin/queues');
    expect(board.status).toBe(200);
    expect(board.text).toContain('一件事 · 队列');
    const api = await admin.get('/admin/queues/api/queues');
    expect(api.status).toBe(200);
    const names = api.json<{ queues: { name: string; readOnlyMode: boolean }[] }>().queues;
    expect(names.map((queue) => queue.name)).toEqual(
      expect.arrayContaining(['coordinator', 'portal-housing-fund']),
    );
    expect(names.every((queue) => queue.readOnlyMode)).toBe(true);
    expect((await clerk.get('/admin/queues')).status).toBe(403);
    expect((await new Client(web.base).get('/admin/queues/api/queues')).status).toBe(303);
  });
});
