import { describe, expect, it } from 'vitest';
import { Client } from './client.ts';
import { describeServer } from './describe-server.ts';
import { SECRET_ID_NUMBER } from './fixtures.ts';
import { fillReference } from './reference.ts';

describe('/api', () => {
  let owner: Client;
  const web = describeServer({
    setUp: async (web) => {
      await web.addUser('applicant', '13800000001', 'Owner-pass-1', { name: '甲' });
      owner = new Client(web.base);
      await owner.login('13800000001', 'Owner-pass-1');
    },
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const reply = await new Client(web.base).get('/api/openapi.json');
    expect(reply.status).toBe(200);
    const doc = reply.json<{
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> }
        >
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/me',
        '/api/applications',
        '/api/applications/{id}',
        '/api/applications/{id}/documents',
        '/api/applications/{id}/values',
      ]),
    );
    expect(doc.paths['/api/applications/{id}/documents']?.post?.requestBody?.content).toHaveProperty(
      'multipart/form-data',
    );
    expect(doc.paths['/api/applications']?.post?.responses).toHaveProperty('422');
    expect(doc.components.schemas.Application?.properties).toHaveProperty('sources');
    expect(doc.components.schemas.ErrorBody).toBeDefined();
  });

  it('answers invalid input with Chinese messages and field paths, never echoing the values sent', async () => {
    const reply = await owner.sendJson('POST', '/api/applications', {
      bundleId: SECRET_ID_NUMBER,
      centreId: 42,
    });
    expect(reply.status).toBe(422);
    const body = reply.json<{
      error: { code: string; message: string; issues: { field: string; message: string }[] };
    }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(body.error.issues.map((issue) => issue.field)).toContain('centreId');
    for (const issue of body.error.issues) expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(reply.text).not.toContain(SECRET_ID_NUMBER);

    const unknownBundle = await owner.sendJson('POST', '/api/applications', {
      bundleId: SECRET_ID_NUMBER,
      centreId: 'longwen',
    });
    expect(unknownBundle.status).toBe(422);
    expect(unknownBundle.json()).toMatchObject({
      error: { issues: [{ field: 'bundleId', message: '请选择要办理的一件事' }] },
    });
    expect(unknownBundle.text).not.toContain(SECRET_ID_NUMBER);
  });

  it('answers malformed JSON, unknown paths and bad ids in JSON, in Chinese', async () => {
    const broken = await owner.request('POST', '/api/applications', {
      body: `{"bundleId": "${SECRET_ID_NUMBER}"`,
      headers: { 'content-type': 'application/json', 'x-csrf-token': owner.csrf },
    });
    expect(broken.status).toBe(400);
    expect(broken.json()).toMatchObject({ error: { message: '请求内容不是有效的 JSON' } });
    expect(broken.text).not.toContain(SECRET_ID_NUMBER);
    const missing = await owner.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const badId = await owner.get('/api/applications/not-a-uuid');
    expect(badId.status).toBe(422);
    expect(badId.json()).toMatchObject({
      error: { issues: [{ field: 'id', message: '办件编号格式不正确' }] },
    });
  });

  it('saves a draft with its field sources, refuses a stale version with 409, and keeps values out of the logs', async () => {
    const created = await owner.sendJson('POST', '/api/applications', {
      bundleId: 'open-company',
      centreId: 'longwen',
    });
    const { id, version } = created.json<{ id: string; version: number }>();
    const typed = {
      'company.name': '漳州云启软件科技有限公司',
      persons: [{ id: 'p1', name: '张三', idNumber: SECRET_ID_NUMBER, roles: ['股东', '法定代表人'] }],
    };
    const saved = await owner.sendJson('PUT', `/api/applications/${id}/values`, {
      typed,
      // Sources are the server's to compute: a client claiming "read by OCR" is ignored.
      sources: { 'company.name': { source: 'ocr' } },
      version,
    });
    expect(saved.status).toBe(200);
    const body = saved.json<{
      values: Record<string, unknown>;
      sources: Record<string, { source: string }>;
      version: number;
    }>();
    expect(body.version).toBe(version + 1);
    expect(body.values).toMatchObject({
      'company.name': '漳州云启软件科技有限公司',
      persons: [{ id: 'p1', name: '张三' }],
    });
    expect(body.sources['company.name']).toEqual({ source: 'typed' });
    // Derived from the ID number (11010519491231002X: born 1949-12-31, female) and defaulted.
    expect(body.values.persons).toMatchObject([{ gender: '2', birthDate: '1949-12-31', nationality: '156' }]);
    expect(body.sources['persons[0].gender']).toEqual({ source: 'derived' });
    expect(body.sources['persons[0].nationality']).toEqual({ source: 'default' });
    const stale = await owner.sendJson('PUT', `/api/applications/${id}/values`, { typed: {}, version });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ error: { message: '申请已在别处修改，请刷新后再保存' } });
    expect(web.logs()).not.toContain(SECRET_ID_NUMBER);
    const audit = await web.services.auditLog.list({ subjectId: id });
    expect(JSON.stringify(audit)).not.toContain(SECRET_ID_NUMBER);
  });

  it('submits once; a submitted application can no longer be edited', async () => {
    const created = await owner.sendJson('POST', '/api/applications', {
      bundleId: 'open-company',
      centreId: 'longwen',
    });
    const { id } = created.json<{ id: string }>();
    const refused = await owner.sendJson('POST', `/api/applications/${id}/submit`);
    expect(refused.status).toBe(422);
    const issues = refused.json<{
      error: { message: string; issues: { field: string; message: string }[] };
    }>().error;
    expect(issues.message).toMatch(/^还有 \d+ 处需要填写或修改/);
    expect(issues.issues).toContainEqual({
      path: ['company.name'],
      field: 'company.name',
      message: expect.stringContaining('企业名称'),
    });
    await fillReference(owner, id);
    const submitted = await owner.sendJson('POST', `/api/applications/${id}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'submitted' });
    expect((await owner.sendJson('POST', `/api/applications/${id}/submit`)).status).toBe(409);
    const edit = await owner.sendJson('PUT', `/api/applications/${id}/values`, {
      typed: { 'company.name': '漳州某某有限公司' },
    });
    expect(edit.status).toBe(409);
    expect(edit.json()).toMatchObject({ error: { message: '该办件已提交，不能再修改' } });
    const history = await web.services.applications.history({ kind: 'all' }, id);
    expect(history.map((change) => change.toStatus)).toEqual(['draft', 'submitted']);
  });

  it('offers 开餐饮店 with its licence option and optional items, with the materials and sections that follow', async () => {
    await owner.get('/my/new');
    const created = await owner.postForm('/my/applications', {
      bundleId: 'open-restaurant',
      centreId: 'longwen',
      'option.open-restaurant.licence': 'existing',
      'items.open-restaurant': ['social-insurance'],
    });
    expect(created.status).toBe(303);
    const id = created.location?.match(/applications\/([0-9a-f-]+)\/materials/)?.[1] ?? '';
    const application = await web.services.applications.find({ kind: 'all' }, id);
    expect(application?.options).toEqual({
      options: { licence: 'existing' },
      omit: [],
      include: ['social-insurance'],
    });
    const materials = await owner.get(`/my/applications/${id}/materials`);
    expect(materials.text).toContain('营业执照');
    expect(materials.text).toContain('经营场所平面布局图');
    const form = await owner.get(`/my/applications/${id}/form`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('食品经营');
    expect(form.text).not.toContain('印章刻制');
    const detail = await owner.get(`/my/applications/${id}`);
    expect(detail.text).toContain('单位社会保险登记');
    expect(detail.text).not.toContain('住房公积金单位缴存登记');
    expect(detail.text).not.toContain('企业设立登记');
  });
});
