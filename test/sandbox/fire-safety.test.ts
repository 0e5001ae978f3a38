import { describe, expect, it } from 'vitest';
import { fireSafetyApplication } from './support/fire-safety.ts';
import { type XhrClient, xhrPortal } from './support/xhr-client.ts';

/**
 * 营业前消防安全检查 (TDesign) over HTTP, as its page's scripts talk to it: the kit's login, t-upload's posts,
 * the JSON application with messages by field, the control API, 我的申请 with 备注 and no 办件查询, a lost
 * answer, and a restart.
 */

/** `unit`'s application with its floor plan uploaded first, and `remark` in 备注. */
const application = async (client: XhrClient, unit: string, remark = '') =>
  fireSafetyApplication(unit, await client.upload('pmt', 'plan.jpg'), { bz: remark });

describe('fire-safety sandbox portal', () => {
  const portal = xhrPortal('fire-safety');
  const { control } = portal;

  it('serves Vue and TDesign as shipped, its page behind its login, and no 办件查询', async () => {
    const client = await portal.start();
    const [tdesign] = await client.served(
      '/vendor/tdesign/tdesign.min.js',
      '/vendor/tdesign/tdesign.min.css',
      '/vendor/vue/vue.global.prod.js',
    );
    expect(tdesign?.slice(0, 40)).toContain('tdesign v1.');
    expect(await client.applyPageBehindLogin()).toContain('/static/fire-safety.js');
    expect((await client.fetch('/query')).status).toBe(404);
  });

  it('answers messages by field name, files once when all is right, and lists it in 我的申请 with 备注', async () => {
    const client = await portal.loggedIn();
    const body = await application(client, '漳州味来餐饮有限公司', '一键办 YJ-1/fire-safety');
    const wrong = {
      body: {
        ...body,
        csdz_qu: '350102',
        zrr_zjhm: '350603198506120317',
        cn: '',
        sbrq: '2020-01-01',
        tysy: '2020-01',
      },
      errors: {
        csdz_qu: '场所所在区域选择有误',
        zrr_zjhm: '身份证号码校验不通过',
        cn: '请阅读并签署告知承诺书',
        sbrq: '申报日期应为当天',
        tysy: '拟投入使用年月应为本月起12个月内',
      },
    };
    const { reference, submission } = await portal.expectRefusedThenFiled(client, wrong, body);
    expect(submission.fields).toMatchObject({
      unitName: '漳州味来餐饮有限公司',
      venueAddress: '福建省漳州市龙文区建元路2号101室',
      'responsible.idNumber': '350603198506120316',
      commitmentAccepted: '1',
      floorPlan: { fileName: 'plan.jpg', mimeType: 'image/jpeg' },
    });
    const mine = await (await client.fetch('/mine?dwmc=%E6%BC%B3%E5%B7%9E%E5%91%B3%E6%9D%A5')).text();
    expect(mine).toContain(reference);
    expect(mine).toContain('一键办 YJ-1/fire-safety');
  });

  it('loses an answer when told to, yet files; keeps its filings across a restart', async () => {
    const client = await portal.loggedIn();
    const body = await application(client, '漳州食味轩餐饮有限公司');
    await control('/faults', { method: 'PUT', body: { loseAnswerTo: '/api/apply' } });
    const lost = await client
      .apply(body)
      .then((r) => r.json())
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(Error);
    const before = await portal.submissions();
    expect(before.map((s) => s.company)).toEqual(['漳州味来餐饮有限公司', '漳州食味轩餐饮有限公司']);
    // Used once: the next answer arrives.
    expect(await control('/faults')).toMatchObject({ loseAnswerTo: '' });

    const again = await portal.start();
    await again.login();
    const after = await portal.submissions();
    expect(after.map((s) => s.reference)).toEqual(before.map((s) => s.reference));
    expect(await (await again.fetch('/mine')).text()).toContain(before[1]?.reference ?? '-');
  });
});
