import { describe, expect, it } from 'vitest';
import { chinaToday, type XhrClient, xhrPortal } from './support/xhr-client.ts';

/**
 * 户外招牌设置 (Ant Design Vue) over HTTP, as its page's script talks to it: the kit's login, a-upload's
 * post, the XHR application with messages by field, the control API, 办件查询, faults and a restart.
 */
async function application(client: XhrClient, unit: string): Promise<URLSearchParams> {
  const today = chinaToday();
  const body = new URLSearchParams({
    dwmc: unit,
    tyshxydm: '91350603MA0044EF1P',
    lxr: '林志远',
    lxdh: '13805961234',
    szdd_sheng: '350000',
    szdd_shi: '350600',
    szdd_qu: '350603',
    xxdz: '建元路2号101室',
    zpwz: unit,
    zpc: '6.5',
    zpk: '1.2',
    cz: '铝塑板',
    sffg: '0',
    xgt: await client.upload('xgt', 'xgt.jpg'),
    nszsj: today.slice(0, 7),
    sqrq: today,
    cn: '1',
  });
  for (const pledge of [
    '招牌设置不影响建筑物结构安全',
    '招牌文字规范使用国家通用语言文字',
    '按规定做好日常维护和安全检查',
  ])
    body.append('cnsx', pledge);
  return body;
}

describe('outdoor-sign sandbox portal', () => {
  const portal = xhrPortal('outdoor-sign');

  it('serves Vue, Ant Design Vue and dayjs as shipped and its own page, behind its login', async () => {
    const client = await portal.start();
    const [antd] = await client.served(
      '/lib/antd/antd-with-locales.min.js',
      '/lib/antd/reset.css',
      '/lib/vue/vue.global.prod.js',
      '/lib/dayjs/dayjs.min.js',
    );
    expect(antd).toContain('ant-design-vue');
    const page = await client.applyPageBehindLogin();
    expect(page).toContain('/lib/antd/antd-with-locales.min.js');
    expect(page).toContain('LED显示屏');
  });

  it('answers messages by field name, files once when all is right, and lists it in 办件查询', async () => {
    const client = await portal.loggedIn();
    const body = await application(client, '漳州味来餐饮有限公司');
    const wrong = new URLSearchParams(body);
    wrong.set('szdd_qu', '350102'); // 福州 鼓楼区, not in 漳州市
    wrong.set('zpk', '3.5');
    wrong.set('cz', '塑料布');
    wrong.delete('cn');
    wrong.delete('cnsx');
    wrong.set('nszsj', '2020-01');
    const errors = {
      szdd: '设置地点所在区划选择有误',
      zpk: '招牌宽度不超过3米',
      cz: '材质选择有误',
      cn: '请阅读并签署《户外招牌设置承诺书》',
      cnsx: '请勾选全部承诺事项',
      nszsj: '拟设置时间不得早于本月',
    };
    const { reference, submission } = await portal.expectRefusedThenFiled(
      client,
      { body: wrong, errors },
      body,
    );
    expect(submission.fields).toMatchObject({
      unitName: '漳州味来餐饮有限公司',
      location: '福建省漳州市龙文区建元路2号101室',
      'size.length': '6.5',
      material: '铝塑板',
      illuminated: '0',
      'contact.mobile': '13805961234',
      rendering: { fileName: 'xgt.jpg', mimeType: 'image/jpeg' },
    });
    expect(String(submission.receipt.acceptanceNo)).toMatch(/^ZPSL\d{12}$/);
    const query = await (await client.fetch('/query?qymc=%E6%BC%B3%E5%B7%9E%E5%91%B3%E6%9D%A5')).text();
    expect(query).toContain(reference);
    expect(query).toContain(String(submission.receipt.acceptanceNo));
  });

  it('is busy when told to be, and keeps its filings and 办件查询 across a restart', async () => {
    const body = await application(await portal.loggedIn(), '漳州味来餐饮有限公司');
    await portal.expectBusyThenKeptAcrossRestart(body);
  });
});
