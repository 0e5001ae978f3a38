import { describe, expect, it } from 'vitest';
import { chinaToday, type XhrClient, xhrPortal } from './support/xhr-client.ts';

/**
 * 食品经营许可 (layui) over HTTP, as its page's scripts talk to it: the kit's login, layui.upload's posts,
 * the XHR application with messages by field, the control API, 办件查询, faults and a restart.
 */
async function application(client: XhrClient, operator: string): Promise<URLSearchParams> {
  const body = new URLSearchParams({
    jyzmc: operator,
    tyshxydm: '91350603MA0044EF1P',
    fddbr: '林志远',
    zs: '福建省漳州市龙文区建元路2号101室',
    jycs_sheng: '350000',
    jycs_shi: '350600',
    jycs_qu: '350603',
    jycs_xxdz: '建元路2号101室',
    ztyt: '餐饮服务经营者',
    jymj: '80.5',
    jczws: '24',
    cyrs: '6',
    sqrq: chinaToday(),
    aqgly_xm: '林志远',
    aqgly_sfzh: '350603198506120316',
    aqgly_dh: '13805961234',
    aqgly_zm: await client.upload('aqgly_zm', 'cert.jpg'),
    cn: '1',
  });
  body.append('jyxm', '热食类食品制售');
  body.append('jyxm', '自制饮品制售');
  for (const slot of ['jkzm', 'pmt', 'lct', 'zd']) body.set(slot, await client.upload(slot, `${slot}.jpg`));
  return body;
}

describe('food-licence sandbox portal', () => {
  const portal = xhrPortal('food-licence');

  it('serves layui as shipped and its own page, behind its login', async () => {
    const client = await portal.start();
    const [layui] = await client.served('/layui/layui.js', '/layui/css/layui.css');
    expect(layui?.slice(0, 40)).toContain('v2.13.6');
    const page = await client.applyPageBehindLogin();
    expect(page).toContain('/layui/layui.js');
    expect(page).toContain('lay-append-to="body"');
  });

  it('answers messages by field name, files once when all is right, and lists it in 办件查询', async () => {
    const client = await portal.loggedIn();
    const body = await application(client, '漳州味来餐饮有限公司');
    const wrong = new URLSearchParams(body);
    wrong.set('jycs_qu', '350102'); // 福州 鼓楼区, not in 漳州市
    wrong.set('aqgly_sfzh', '350603198506120317');
    wrong.delete('cn');
    wrong.set('sqrq', '2020-01-01');
    const errors = {
      jycs_qu: '经营场所所在区划选择有误',
      'aqgly_sfzh.0': '身份证号码校验不通过',
      cn: '请阅读并签署《食品经营许可告知承诺书》',
      sqrq: '申请日期应为当天',
    };
    const { reference, submission } = await portal.expectRefusedThenFiled(
      client,
      { body: wrong, errors },
      body,
    );
    expect(submission.fields).toMatchObject({
      operatorName: '漳州味来餐饮有限公司',
      premises: '福建省漳州市龙文区建元路2号101室',
      items: ['热食类食品制售', '自制饮品制售'],
      safetyManagers: [{ name: '林志远', idNumber: '350603198506120316', phone: '13805961234' }],
      'materials.layoutPlan': { fileName: 'pmt.jpg', mimeType: 'image/jpeg' },
    });
    expect(String(submission.receipt.licenceNo)).toMatch(/^JY2350603\d{7}$/);
    const query = await (await client.fetch('/query?qymc=%E6%BC%B3%E5%B7%9E%E5%91%B3%E6%9D%A5')).text();
    expect(query).toContain(reference);
    expect(query).toContain(String(submission.receipt.licenceNo));
  });

  it('is busy when told to be, and keeps its filings and 办件查询 across a restart', async () => {
    const body = await application(await portal.loggedIn(), '漳州味来餐饮有限公司');
    await portal.expectBusyThenKeptAcrossRestart(body);
  });
});
