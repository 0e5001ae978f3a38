import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './client.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { fillWithUnsureReadings, NAME_BOX } from './unsure-readings.ts';

/**
 * The clerk's review of values OCR was unsure of: listed on top with the crop they were read from (served
 * as the upload is: only to whoever may see the application, never cached), never hidden behind 「没有发现
 * 问题」, and the one key refused until each is confirmed or corrected.
 */
describe('unsure OCR readings at the counter', () => {
  let web: TestServer;
  let id = '';
  let cardId = '';
  let truth = { name: '', address: '' };
  const clerk = () => new Client(web.base);
  let desk: Client;

  beforeAll(async () => {
    web = await startTestServer();
    await web.addUser('applicant', '13805961234', 'Owner-pass-1', { name: '林志远' });
    await web.addUser('clerk', 'clerk.longwen', 'Clerk-pass-1', { name: '王窗口', centreId: 'longwen' });
    await web.addUser('clerk', 'clerk.xc', 'Clerk-pass-1', { name: '张芗城', centreId: 'xiangcheng' });
    const applicant = new Client(web.base);
    await applicant.login('13805961234', 'Owner-pass-1');
    id = await applicant.newApplication();
    truth = await fillWithUnsureReadings(web, applicant, id);
    expect((await applicant.sendJson('POST', `/api/applications/${id}/submit`)).status).toBe(200);
    const documents = await web.services.documents.list({ kind: 'all' }, id);
    cardId = documents.find((doc) => (doc.ocrResult as { fields?: object } | null)?.fields)?.id ?? '';
    desk = clerk();
    await desk.login('clerk.longwen', 'Clerk-pass-1');
  });
  afterAll(async () => {
    await web?.close();
  });

  it('lists each unsure value on top of the review with its crop, and no 「没有发现问题」', async () => {
    const page = await desk.get(`/desk/applications/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('核对识别结果');
    expect(page.text).toContain('2 项请核对');
    expect(page.text).toContain(`/applications/${id}/documents/${cardId}/crops/name`);
    expect(page.text).toContain(`/applications/${id}/documents/${cardId}/crops/address`);
    expect(page.text).not.toContain('自动审核没有发现问题');
    expect(page.text).toContain('还有 2 项证照识别结果请核对');
    // On top: before the merged form's first section.
    expect(page.text.indexOf('核对识别结果')).toBeLessThan(page.text.indexOf('form-section'));
  });

  it('serves the crop of the box, or the whole photo, as uncacheable PNG to those who may see it', async () => {
    const crop = await desk.get(`/applications/${id}/documents/${cardId}/crops/name`);
    expect(crop.status).toBe(200);
    expect(crop.headers.get('content-type')).toBe('image/png');
    expect(crop.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(
      await await fetchBytes(desk, `/applications/${id}/documents/${cardId}/crops/name`),
    );
    const meta = await sharp(bytes).metadata();
    // The box with half its height around it.
    expect([meta.width, meta.height]).toEqual([NAME_BOX.width + NAME_BOX.height, NAME_BOX.height * 2]);
    const whole = await sharp(
      Buffer.from(await fetchBytes(desk, `/applications/${id}/documents/${cardId}/crops/address`)),
    ).metadata();
    expect([whole.width, whole.height]).toEqual([160, 100]);

    const stranger = clerk();
    await stranger.login('clerk.xc', 'Clerk-pass-1');
    expect((await stranger.get(`/applications/${id}/documents/${cardId}/crops/name`)).status).toBe(404);
    expect((await desk.get(`/applications/${id}/documents/${cardId}/crops/idNumber`)).status).toBe(404);
    const visitor = await new Client(web.base).get(`/applications/${id}/documents/${cardId}/crops/name`);
    expect(visitor.status).not.toBe(200);
  });

  it('refuses the one key until the clerk confirms or corrects them, then records it', async () => {
    await desk.get(`/desk/applications/${id}`);
    const refused = await desk.postForm(`/desk/applications/${id}/dispatch`, {});
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('还有 2 项识别结果未核对');
    expect((await web.services.applications.find({ kind: 'all' }, id))?.status).toBe('submitted');

    const review = await desk.get(`/desk/applications/${id}`);
    const version = review.text.match(/name="version" value="(\d+)"/)?.[1] ?? '';
    const corrected = `${truth.address}（更正）`;
    const confirmed = await desk.postForm(`/desk/applications/${id}/confirm-ocr`, {
      version,
      confirm: ['persons[1].name', 'persons[1].address'],
      'v.persons[1].name': truth.name,
      'v.persons[1].address': corrected,
      // Anything else posted is ignored here.
      'v.company.name': '不该被修改的名称',
    });
    expect(confirmed.status).toBe(303);
    const after = await web.services.applications.find({ kind: 'all' }, id);
    const typedPerson = ((after?.typed.persons ?? []) as Record<string, unknown>[])[1];
    // Kept as read: confirmed on the reading, the flag the applicant's 确认无误 sets; corrected: typed.
    expect(typedPerson?.name).toBeUndefined();
    expect(typedPerson?.address).toBe(corrected);
    const card = (await web.services.documents.list({ kind: 'all' }, id)).find((doc) => doc.id === cardId);
    const fields = (card?.ocrResult as { fields?: Record<string, { confirmed?: boolean }> } | undefined)
      ?.fields;
    expect(fields?.name?.confirmed).toBe(true);
    expect(fields?.address?.confirmed).toBeUndefined();
    expect(after?.typed['company.name']).not.toBe('不该被修改的名称');
    const audit = await web.store.db.query<{ action: string; detail: Record<string, unknown> }>(
      `SELECT action, detail FROM audit_log WHERE action = 'application.confirm-ocr'`,
    );
    expect(audit.map((row) => row.detail.fields)).toEqual([2]);

    expect(confirmed.location).toBe(`/desk/applications/${id}?confirmed=2`);
    const clean = await desk.get(confirmed.location ?? '');
    expect(clean.text).toContain('已确认 2 项识别结果');
    expect(clean.text).not.toContain('核对识别结果');
    // No bots in this test: past the check, the one key stops at the queue, not at the readings.
    expect((await desk.postForm(`/desk/applications/${id}/dispatch`, {})).status).toBe(503);
  });

  it('takes a value the applicant confirmed (确认无误) as confirmed at the counter too: one flag', async () => {
    const applicant = new Client(web.base);
    await applicant.login('13805961234', 'Owner-pass-1');
    const other = await applicant.newApplication();
    await fillWithUnsureReadings(web, applicant, other);
    const card = (await web.services.documents.list({ kind: 'all' }, other)).find(
      (doc) => (doc.ocrResult as { fields?: object } | null)?.fields,
    );
    await applicant.get(`/my/applications/${other}/materials`);
    const confirmed = await applicant.postForm(`/my/applications/${other}/documents/${card?.id}/confirm`, {
      field: 'name',
    });
    expect(confirmed.status).toBe(303);
    expect((await applicant.sendJson('POST', `/api/applications/${other}/submit`)).status).toBe(200);

    // Only the address is left to the clerk, and confirming it lets the one key through.
    const review = await desk.get(`/desk/applications/${other}`);
    expect(review.text).toContain('1 项请核对');
    expect(review.text).not.toContain(`/documents/${card?.id}/crops/name`);
    expect(review.text).toContain(`/documents/${card?.id}/crops/address`);
    const version = review.text.match(/name="version" value="(\d+)"/)?.[1] ?? '';
    expect((await desk.postForm(`/desk/applications/${other}/dispatch`, {})).status).toBe(422);
    await desk.postForm(`/desk/applications/${other}/confirm-ocr`, {
      version,
      confirm: 'persons[1].address',
    });
    expect((await desk.postForm(`/desk/applications/${other}/dispatch`, {})).status).toBe(503);
    const audit = await web.store.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action IN ('document.confirm', 'application.confirm-ocr')`,
    );
    expect(audit.map((row) => row.action).sort()).toEqual([
      'application.confirm-ocr',
      'application.confirm-ocr',
      'document.confirm',
    ]);
  });
});

async function fetchBytes(client: Client, path: string): Promise<ArrayBuffer> {
  const response = await fetch(client.base + path, { headers: { cookie: client.cookieHeader() } });
  return response.arrayBuffer();
}
