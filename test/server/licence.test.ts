import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemDef } from '../../forms/index.ts';
import { applicationItems } from '../../store/application-items.repo.ts';
import { LicencesRepo } from '../../store/licences.repo.ts';
import { Client } from './client.ts';
import { COMPANY_NOTICE_SHOWS, COMPANY_ROWS, PERMIT_ROWS, type StoredItems } from './finished-items.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { expectPdfShows, squash } from './pdf-shows.ts';
import { pdfText } from './pdf-text.ts';
import { signedInClients, type TestAccount } from './signed-in.ts';

/**
 * The 行业综合许可证 and the 办结通知书 through the web server, from item rows as the queue stores them
 * (receipt and outputs as the bots read them): issued only once every permit is granted, downloaded by
 * the applicant, printed by the centre's clerk, refused to everyone else; the public verification page
 * its QR code opens; and the notice's next steps for bundle 1.
 */
const ID_NUMBER = '350603198506120316';
const MOBILE = '13805961234';
const RESTAURANT = '漳州市龙文区味道餐饮有限公司';
const CREDIT_CODE = '91350603MA0044EF1P';

describe('行业综合许可证, 办结通知书 and /verify', () => {
  let web: TestServer;
  const clients = {} as Record<'owner' | 'stranger' | 'clerk' | 'otherClerk' | 'admin' | 'visitor', Client>;
  let restaurant = '';
  let company = '';

  async function create(bundleId: string, typed: Record<string, unknown>): Promise<string> {
    const created = await clients.owner.sendJson('POST', '/api/applications', {
      bundleId,
      centreId: 'longwen',
    });
    expect(created.status).toBe(201);
    const { id } = created.json<{ id: string }>();
    // What the applicant typed and the clerk accepted; the bots then ran (below, rows as the queue stores them).
    await web.store.db.query(
      `UPDATE applications SET typed_values = $2::jsonb, status = 'processing' WHERE id = $1`,
      [id, JSON.stringify(typed)],
    );
    return id;
  }

  async function finish(id: string, rows: StoredItems, status: 'processing' | 'completed') {
    await applicationItems.ensure(web.store.db, id, Object.keys(rows));
    for (const [itemId, row] of Object.entries(rows)) {
      await applicationItems.recordResult(web.store.db, {
        applicationId: id,
        itemId,
        status: 'done',
        ...row,
      });
    }
    await web.store.db.query('UPDATE applications SET status = $2 WHERE id = $1', [id, status]);
  }

  beforeAll(async () => {
    web = await startTestServer();
    const accounts: Record<Exclude<keyof typeof clients, 'visitor'>, TestAccount> = {
      owner: ['applicant', MOBILE, 'Owner-pass-1', { name: '林志远' }],
      stranger: ['applicant', '13800000002', 'Other-pass-1'],
      clerk: ['clerk', 'clerk.longwen', 'Clerk-pass-1', { centreId: 'longwen' }],
      otherClerk: ['clerk', 'clerk.xiangcheng', 'Clerk-pass-2', { centreId: 'xiangcheng' }],
      admin: ['admin', 'the.admin', 'Admin-pass-1'],
    };
    Object.assign(clients, await signedInClients(web, accounts));
    const person = { id: 'p1', name: '林志远', idNumber: ID_NUMBER, mobile: MOBILE };
    restaurant = await create('open-restaurant', {
      'company.name': RESTAURANT,
      'company.creditCode': CREDIT_CODE,
      'company.domicile.region': '350603',
      'company.domicile.detail': '建元路2号101室',
      'company.businessAddress.sameAsDomicile': '1',
      persons: [{ ...person, roles: ['法定代表人', '联络员', '食品安全管理员'] }],
    });
    company = await create('open-company', {
      'company.name': '漳州云启软件科技有限公司',
      'company.domicile.region': '350603',
      'company.domicile.detail': '建元东路2号',
      persons: [{ ...person, roles: ['股东', '法定代表人', '联络员'] }],
    });
  });
  afterAll(() => web?.close());

  const licencePath = (prefix: '/my' | '/desk', id = restaurant) =>
    `${prefix}/applications/${id}/licence.pdf`;

  it('issues nothing while a permit is still pending, and says which', async () => {
    await finish(
      restaurant,
      { 'food-business-licence': PERMIT_ROWS['food-business-licence'] ?? { receipt: {}, outputs: {} } },
      'processing',
    );
    const early = await clients.owner.get(licencePath('/my'));
    expect(early.status).toBe(409);
    expect(early.text).toContain(
      `以下许可尚未办结：${itemDef('signboard').name}、${itemDef('fire-safety').name}`,
    );
    expect((await clients.owner.get(`/my/applications/${restaurant}`)).text).not.toContain('licence.pdf');
    expect(await new LicencesRepo(web.store.db).find({ kind: 'all' }, restaurant)).toBeUndefined();
  });

  it('lets the applicant download the licence once every permit is granted, issued once', async () => {
    await finish(restaurant, PERMIT_ROWS, 'completed');
    const page = await clients.owner.get(`/my/applications/${restaurant}`);
    expect(page.text).toContain('下载行业综合许可证（PDF）');
    expect(page.text).toContain('下载办结通知书（PDF）');
    const reply = await clients.owner.get(licencePath('/my'));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(reply.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    const licence = await new LicencesRepo(web.store.db).find({ kind: 'all' }, restaurant);
    expect(licence?.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const text = expectPdfShows(reply.bytes, [
      '行业综合许可证',
      RESTAURANT,
      CREDIT_CODE,
      '林志远',
      '福建省漳州市龙文区建元路2号101室',
      '食品经营许可证',
      'JY23506030001237',
      '至2031-12-06',
      'ZPSL202612070001',
      '城市管理局',
      '漳消承受字〔2026〕第0007号',
      '长期',
      '龙文区政务服务中心',
      `编号：${licence?.number}`,
      `${web.base}/verify/${licence?.token}`,
    ]);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(MOBILE);
    // Dated the day the last permit was granted (the centre's day), as stored with the licence.
    const granted = Math.max(
      ...(await applicationItems.list(web.store.db, restaurant)).map((row) => row.updatedAt.getTime()),
    );
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(granted);
    expect(licence?.facts).toMatchObject({ issuedOn: day });
    expect(text).toContain(`发证日期：${day}`);
    // A second download prints the same licence (number and token), not a new one.
    const again = squash(pdfText((await clients.owner.get(licencePath('/my'))).bytes));
    expect(again).toContain(`编号：${licence?.number}`);
    expect(again).toContain(String(licence?.token));
  });

  it('lets the centre’s clerk and an admin print it; everyone else is refused', async () => {
    const desk = await clients.clerk.get(`/desk/applications/${restaurant}`);
    expect(desk.text).toContain('打印行业综合许可证');
    for (const client of [clients.clerk, clients.admin]) {
      const reply = await client.get(licencePath('/desk'));
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-disposition')).toMatch(/^inline; /);
      expect(squash(pdfText(reply.bytes))).toContain(RESTAURANT);
    }
    for (const path of [licencePath('/my'), `/my/applications/${restaurant}/notice.pdf`]) {
      expect((await clients.stranger.get(path)).status).toBe(404);
      expect((await clients.visitor.get(path)).location).toMatch(/^\/login\?next=/);
      expect((await clients.clerk.get(path)).status).toBe(403);
    }
    for (const path of [licencePath('/desk'), `/desk/applications/${restaurant}/notice.pdf`]) {
      const refused = await clients.otherClerk.get(path);
      expect(refused.status).toBe(404);
      expect(refused.text).not.toContain(RESTAURANT);
      expect((await clients.owner.get(path)).status).toBe(403);
      expect((await clients.visitor.get(path)).status).toBe(303);
    }
  });

  it('opens the public verification page from the QR code’s address, with only what the licence shows', async () => {
    const licence = await new LicencesRepo(web.store.db).find({ kind: 'all' }, restaurant);
    const page = await new Client(web.base).get(`/verify/${licence?.token}`);
    expect(page.status).toBe(200);
    for (const shown of [
      '核验通过',
      RESTAURANT,
      CREDIT_CODE,
      '林志远',
      'JY23506030001237',
      '至 2031-12-06',
      String(licence?.number),
    ]) {
      expect(page.text, shown).toContain(shown);
    }
    const application = await web.services.applications.find({ kind: 'all' }, restaurant);
    for (const hidden of [ID_NUMBER, MOBILE, '138****1234', String(application?.reference), restaurant]) {
      expect(page.text, hidden).not.toContain(hidden);
    }
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an unknown or malformed token with a Chinese 404 page, never a 500', async () => {
    for (const token of ['A'.repeat(32), 'x', '..%2F..%2Fetc', `${'b'.repeat(31)}!`]) {
      const reply = await clients.visitor.get(`/verify/${token}`);
      expect(reply.status, token).toBe(404);
      expect(reply.text).toContain('没有找到这张许可证');
    }
  });

  it('prints the 办结通知书 of bundle 1 with the bank appointment, the seals’ codes and engraver, and the tax office', async () => {
    expect((await clients.owner.get(`/my/applications/${company}/notice.pdf`)).status).toBe(409);
    await finish(company, COMPANY_ROWS, 'completed');
    // Bundle 1 issues no 一证.
    expect((await clients.owner.get(licencePath('/my', company))).status).toBe(409);
    const reply = await clients.owner.get(`/my/applications/${company}/notice.pdf`);
    expect(reply.status).toBe(200);
    const text = expectPdfShows(reply.bytes, [
      '办结通知书',
      '漳州云启软件科技有限公司',
      '统一社会信用代码',
      '91350603MA2Y8ABC1X',
      ...COMPANY_NOTICE_SHOWS,
      '社会保险',
    ]);
    expect(text).not.toMatch(/filingNo|appointmentTime|taxOffice/);
    const printed = await clients.clerk.get(`/desk/applications/${company}/notice.pdf`);
    expect(printed.status).toBe(200);
    // The restaurant's notice names its licence.
    const licence = await new LicencesRepo(web.store.db).find({ kind: 'all' }, restaurant);
    const restaurantNotice = squash(
      pdfText((await clients.owner.get(`/my/applications/${restaurant}/notice.pdf`)).bytes),
    );
    expect(restaurantNotice).toContain(squash(`编号 ${licence?.number}`));
  });
});
