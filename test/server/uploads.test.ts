import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadsDir } from '../../server/uploads/file-store.ts';
import { Client } from './client.ts';
import { jpeg, noisyJpeg, pdf, png } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

describe('uploads', () => {
  let web: TestServer;
  let owner: Client;
  let applicationId = '';
  const api = () => `/api/applications/${applicationId}/documents`;

  beforeAll(async () => {
    web = await startTestServer({ options: { uploadMaxBytes: 64 * 1024 } });
    await web.addUser('applicant', '13800000001', 'Owner-pass-1');
    owner = new Client(web.base);
    await owner.login('13800000001', 'Owner-pass-1');
    const created = await owner.sendJson('POST', '/api/applications', {
      bundleId: 'open-company',
      centreId: 'longwen',
    });
    applicationId = created.json<{ id: string }>().id;
  });
  afterAll(() => web.close());

  it('stores JPEG, PNG and PDF under DATA_DIR with their sha256, keeping a Chinese file name', async () => {
    for (const [material, name, content, mime] of [
      ['idCardFront', '张三 身份证 正面.jpg', await jpeg(), 'image/jpeg'],
      ['idCardFront', '李四身份证.png', await png(), 'image/png'],
      ['domicileProof', '房屋租赁合同.pdf', pdf(), 'application/pdf'],
    ] as const) {
      const reply = await owner.upload(api(), { material }, { name, content }, { csrf: 'header' });
      expect(reply.status).toBe(201);
      const doc = reply.json<{
        id: string;
        fileName: string;
        mimeType: string;
        sha256: string;
        sizeBytes: number;
        ocrStatus: string;
      }>();
      expect(doc).toMatchObject({ fileName: name, mimeType: mime, sizeBytes: content.length });
      expect(doc.sha256).toBe(createHash('sha256').update(content).digest('hex'));
      expect(doc.ocrStatus).toBe('none');
      const stored = await web.services.documents.find({ kind: 'all' }, applicationId, doc.id);
      expect(readFileSync(join(uploadsDir(web.dataDir), stored?.storageKey ?? '')).equals(content)).toBe(
        true,
      );
      expect(stored?.storageKey).not.toContain(name);
      const file = await owner.get(`/applications/${applicationId}/documents/${doc.id}/file`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe(mime);
      expect(file.headers.get('content-security-policy')).toContain('sandbox');
    }
  });

  it('refuses a file whose content is not what the material accepts, naming the material', async () => {
    const cases = [
      {
        material: 'idCardFront',
        name: '身份证.jpg',
        content: pdf(),
        message: '「身份证正面照片」文件内容不是 JPG/PNG',
      },
      {
        material: 'domicileProof',
        name: '合同.pdf',
        content: Buffer.from('<html><script>alert(1)</script></html>'),
        message: '「住所使用证明（产权证明或租赁合同）」文件内容不是 JPG/PNG/PDF',
      },
      {
        material: 'domicileProof',
        name: '合同.jpg',
        content: (await jpeg()).subarray(0, 300),
        message: '「住所使用证明（产权证明或租赁合同）」文件内容不是 JPG/PNG/PDF',
      },
      {
        material: 'domicileProof',
        name: 'evil.png',
        content: Buffer.from('MZ\x90\x00 not a picture'),
        message: '「住所使用证明（产权证明或租赁合同）」文件内容不是 JPG/PNG/PDF',
      },
      // Issue 18: polyglots that pass a look at the first and last bytes.
      {
        material: 'domicileProof',
        name: 'polyglot.jpg',
        content: Buffer.concat([
          Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
          Buffer.from('<html><script>alert(1)</script></html>'),
          Buffer.from([0xff, 0xd9]),
        ]),
        message: '「住所使用证明（产权证明或租赁合同）」文件内容不是 JPG/PNG/PDF',
      },
      {
        material: 'domicileProof',
        name: 'polyglot.png',
        content: Buffer.concat([
          (await png()).subarray(0, 8),
          Buffer.from('<html><script>alert(1)</script></html>'),
        ]),
        message: '「住所使用证明（产权证明或租赁合同）」文件内容不是 JPG/PNG/PDF',
      },
      {
        material: 'domicileProof',
        name: 'polyglot.pdf',
        content: Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n'),
        message: '「住所使用证明（产权证明或租赁合同）」文件内容不是 JPG/PNG/PDF',
      },
    ];
    for (const { material, name, content, message } of cases) {
      const reply = await owner.upload(
        api(),
        { material },
        { name, content, type: 'image/jpeg' },
        { csrf: 'header' },
      );
      expect(reply.status, name).toBe(415);
      expect(reply.json(), name).toMatchObject({
        error: { code: 'UNSUPPORTED_FILE', message, issues: [{ field: 'file' }] },
      });
    }
    const documents = await web.services.documents.list({ kind: 'all' }, applicationId);
    expect(documents.map((doc) => doc.fileName)).not.toContain('evil.png');
    expect(documents.map((doc) => doc.fileName).filter((n) => n.startsWith('polyglot'))).toEqual([]);
  });

  it('accepts a PDF whose trailer is a cross-reference stream, and shows file names without hidden characters', async () => {
    const body = [
      '%PDF-1.5',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
      '',
    ].join('\n');
    const xref = `3 0 obj << /Type /XRef /Root 1 0 R /Size 4 /W [1 2 1] /Length 0 >> stream\nendstream\nendobj\n`;
    const content = Buffer.from(`${body}${xref}startxref\n${body.length}\n%%EOF\n`, 'latin1');
    // U+202E would show 「合同\u202Efdp.exe」 as 「合同exe.pdf」; a NUL and a zero-width space hide too.
    const reply = await owner.upload(
      api(),
      { material: 'domicileProof' },
      { name: '合同\u202Efdp\u200b.exe', content },
      { csrf: 'header' },
    );
    expect(reply.status).toBe(201);
    expect(reply.json<{ fileName: string }>().fileName).toBe('合同fdp.exe');
  });

  it('refuses a file over the size limit with 文件过大, beside the field on the page', async () => {
    const big = await noisyJpeg(400, 400);
    expect(big.length).toBeGreaterThan(64 * 1024);
    const reply = await owner.upload(
      api(),
      { material: 'domicileProof' },
      { name: '大文件.jpg', content: big },
      { csrf: 'header' },
    );
    expect(reply.status).toBe(413);
    expect(reply.json()).toMatchObject({
      error: {
        code: 'FILE_TOO_LARGE',
        message: '「住所使用证明（产权证明或租赁合同）」文件过大，最大 0.1 MB',
      },
    });

    await owner.get(`/my/applications/${applicationId}/materials`);
    const page = await owner.upload(
      `/my/applications/${applicationId}/documents`,
      { material: 'domicileProof' },
      { name: '大文件.jpg', content: big },
    );
    expect(page.status).toBe(413);
    expect(page.text).toMatch(
      /id="file-domicileProof-error"[^>]*>「住所使用证明（产权证明或租赁合同）」文件过大/,
    );
  });

  it('refuses a multipart upload without the CSRF token before storing anything', async () => {
    const before = (await web.services.documents.list({ kind: 'all' }, applicationId)).length;
    // Through the API and from the page alike.
    for (const path of [api(), `/my/applications/${applicationId}/documents`]) {
      const reply = await owner.upload(
        path,
        { material: 'domicileProof' },
        { name: 'x.jpg', content: await jpeg() },
        { csrf: false },
      );
      expect(reply.status, path).toBe(403);
    }
    // A route that takes no upload refuses multipart bodies whatever they carry.
    const smuggled = await owner.upload(
      `/my/applications/${applicationId}/submit`,
      {},
      { name: 'x.jpg', content: await jpeg() },
    );
    expect(smuggled.status).toBe(403);
    expect((await web.services.documents.list({ kind: 'all' }, applicationId)).length).toBe(before);
  });

  it('uploads from the page and shows the file in its material card', async () => {
    await owner.get(`/my/applications/${applicationId}/materials`);
    const reply = await owner.upload(
      `/my/applications/${applicationId}/documents`,
      { material: 'domicileProof' },
      { name: '租赁合同（盖章）.jpg', content: await jpeg() },
    );
    expect(reply.status).toBe(303);
    const page = await owner.get(`/my/applications/${applicationId}/materials`);
    expect(page.text).toContain('租赁合同（盖章）.jpg');
  });
});
