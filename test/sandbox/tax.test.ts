import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCreditCode } from '../../forms/codes/index.ts';
import { NOT_YET_SHARED_MESSAGE } from '../../sandbox/kit/registry.ts';
import type { RunningPortals } from '../../sandbox/start.ts';
import { portalInBrowser } from './support/browser-portal.ts';
import { choose, clickRadio, errorOf, item, tick, typeInto } from './support/person.ts';
import { CLERK, LEGAL_REP, publishCompany } from './support/registry.ts';

/**
 * 新办纳税人涉税事项 in real Chromium, as the new company's 办税人 uses it: the tax-style login that does not know
 * the company until the inter-agency sync lag has passed, four steps in order (the 财务负责人/办税人 matrix is
 * filled by its row and column heads), 主营业务类别 only for a 一般纳税人, and 检查 before 提交.
 */

const UNIT = {
  name: '漳州龙文云帆软件有限公司',
  creditCode: generateCreditCode({ region: '350603', serial: 43_000_041 }),
  legalRepIdNumber: LEGAL_REP.idNumber,
  finance: CLERK,
  agent: { name: '李娜', idNumber: 'H12345678', mobile: '13805962345' },
  deposit: { bank: '中国建设银行漳州龙文支行', accountNo: '35050603000123456783' },
};
const SYNC_LAG = 2000;

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** The cell of the people matrix in the row headed `row` and the column headed `column`. */
async function matrixCell(page: Page, row: string, column: string): Promise<Locator> {
  const heads = (await page.locator('.tx-matrix thead th').allTextContents()).map((t) => t.trim());
  const tr = page.locator('.tx-matrix tbody tr').filter({ has: page.locator('th', { hasText: exact(row) }) });
  return tr.locator('td').nth(heads.indexOf(column) - 1);
}

describe('tax portal (新办纳税人涉税事项)', () => {
  let portals: RunningPortals;
  let page: Page;
  let base = '';
  let reference = '';

  const web = portalInBrowser('tax', {
    start: { faultsByPortal: { tax: { syncLagMs: SYNC_LAG } } },
    defaultTimeoutMs: 5000,
  });
  const { submissions } = web;
  const save = async (next: number) => {
    await page.getByRole('button', { name: '保存并下一步' }).click();
    await page.waitForURL(`${base}/xbnsr/${next}`);
  };

  beforeAll(() => {
    ({ portals, page, base } = web);
  });

  it('answers “工商信息尚未共享” until the sync lag after registration has passed, then checks name and ID', async () => {
    await page.goto(`${base}/xbnsr`);
    expect(new URL(page.url()).pathname).toBe('/login');
    // The 办税人 has typed the login; market regulation approves the company just now.
    await typeInto(page, '纳税人识别号', UNIT.creditCode);
    await typeInto(page, '纳税人名称', '漳州龙文云帆科技有限公司');
    await typeInto(page, '法定代表人证件号码', UNIT.legalRepIdNumber);
    const registeredAt = Date.now();
    await publishCompany(portals, {
      creditCode: UNIT.creditCode,
      name: UNIT.name,
      legalRepName: '张伟',
      legalRepIdNumber: UNIT.legalRepIdNumber,
      address: '福建省漳州市龙文区朝阳北路1号3幢501室',
      establishedDate: '2026-01-05',
      registeredAt: new Date(registeredAt).toISOString(),
    });
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.locator('.k-alert--error').textContent()).toBe(NOT_YET_SHARED_MESSAGE);
    expect(await errorOf(page, '纳税人识别号').textContent()).toBe(NOT_YET_SHARED_MESSAGE);
    expect(Date.now() - registeredAt).toBeLessThan(SYNC_LAG);

    // Later the exchange knows the company, and the bureau compares what was typed with it.
    await page.waitForTimeout(Math.max(0, registeredAt + SYNC_LAG - Date.now()) + 50);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => errorOf(page, '纳税人名称').textContent()).toBe('纳税人名称与登记信息不一致');
    expect(await page.locator('.k-alert--error').count()).toBe(0);
    await typeInto(page, '纳税人名称', UNIT.name);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/xbnsr/1`);
    expect(await page.locator('.k-topbar__user').textContent()).toBe(`您好，${UNIT.name}`);
  });

  it('keeps the steps in order and shows 主营业务类别 only for a 一般纳税人', async () => {
    await page.goto(`${base}/xbnsr/3`);
    await page.waitForURL(`${base}/xbnsr/1`);
    expect(await page.locator('.k-alert--warning').textContent()).toBe('请按顺序办理，先完成“登记信息确认”');

    // Exactly 独立核算 (非独立核算 contains the same words).
    await item(page, '核算方式')
      .locator('label.k-radio', { hasText: exact('独立核算') })
      .click();
    await typeInto(page, '从业人数', '8');
    await choose(page, '适用会计制度', '小企业会计准则');
    await (await matrixCell(page, '财务负责人', '姓名')).locator('input').fill(UNIT.finance.name);
    await (await matrixCell(page, '财务负责人', '身份证件号码')).locator('input').fill(UNIT.finance.idNumber);
    await (await matrixCell(page, '财务负责人', '移动电话')).locator('input').fill(UNIT.finance.mobile);
    await (await matrixCell(page, '办税人', '姓名')).locator('input').fill(UNIT.agent.name);
    const idType = (await matrixCell(page, '办税人', '身份证件种类')).locator('.k-select');
    await idType.locator('.k-select__box').click();
    await idType.locator('.k-select__option', { hasText: exact('港澳居民来往内地通行证') }).click();
    await (await matrixCell(page, '办税人', '身份证件号码')).locator('input').fill(UNIT.agent.idNumber);
    await (await matrixCell(page, '办税人', '移动电话')).locator('input').fill('1380596234');
    await page.getByRole('button', { name: '保存并下一步' }).click();
    const mobileCell = await matrixCell(page, '办税人', '移动电话');
    await expect
      .poll(() => mobileCell.locator('.k-form-item__error').textContent())
      .toBe('办税人移动电话格式错误');
    await mobileCell.locator('input').fill(UNIT.agent.mobile);
    await save(2);

    const category = item(page, '主营业务类别');
    expect(await category.isHidden()).toBe(true);
    await clickRadio(page, '是否登记为增值税一般纳税人', '是');
    await expect.poll(() => category.isVisible()).toBe(true);
    await clickRadio(page, '是否登记为增值税一般纳税人', '否');
    await expect.poll(() => category.isHidden()).toBe(true);
    await clickRadio(page, '是否登记为增值税一般纳税人', '是');
    await choose(page, '主营业务类别', '服务业');
    await save(3);

    await tick(page, '票种', ['数电发票（普通发票）', '数电发票（增值税专用发票）']);
    await clickRadio(page, '是否申领税务UKey', '是');
    await save(4);

    await typeInto(page, '开户银行', UNIT.deposit.bank);
    await typeInto(page, '账号', UNIT.deposit.accountNo);
    await choose(page, '账户性质', '基本存款账户');
    await save(5);
  });

  it('keeps 提交 disabled until 检查 passes, then files with a 税务受理号', async () => {
    const submit = page.getByRole('button', { name: '提 交' });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole('button', { name: '检 查' }).click();
    await expect.poll(() => page.locator('.tx-check__title').textContent()).toBe('检查通过，可以提交');
    expect(await page.locator('.tx-check__list li.is-good').count()).toBe(4);
    expect(await submit.isEnabled()).toBe(true);
    await web.shot('tax-confirm.png');
    await submit.click();
    await page.waitForURL(/\/receipt\/13506030000\d{12}$/);
    reference = (await page.locator('[data-output="taxAcceptanceNo"]').textContent()) ?? '';
    expect(reference).toMatch(/^13506030000\d{12}$/);
    expect(await page.locator('[data-output="taxOffice"]').textContent()).toBe(
      '国家税务总局漳州市龙文区税务局',
    );
  });

  it('received every field as typed, the login included, and the raw bodies as posted', async () => {
    const [filed] = await submissions();
    expect(filed?.reference).toBe(reference);
    expect(filed?.fields).toEqual({
      'login.taxpayerId': UNIT.creditCode,
      'login.taxpayerName': UNIT.name,
      'login.legalRepIdNumber': UNIT.legalRepIdNumber,
      accountingMethod: '1',
      employees: '8',
      accountingStandard: '102',
      'financeOfficer.name': UNIT.finance.name,
      'financeOfficer.idType': '201',
      'financeOfficer.idNumber': UNIT.finance.idNumber,
      'financeOfficer.mobile': UNIT.finance.mobile,
      'taxAgent.name': UNIT.agent.name,
      'taxAgent.idType': '210',
      'taxAgent.idNumber': UNIT.agent.idNumber,
      'taxAgent.mobile': UNIT.agent.mobile,
      generalTaxpayer: '1',
      mainBusinessCategory: '服务业',
      invoiceTypes: ['数电发票（普通发票）', '数电发票（增值税专用发票）'],
      taxUkey: '1',
      'depositAccount.bank': UNIT.deposit.bank,
      'depositAccount.accountNo': UNIT.deposit.accountNo,
      'depositAccount.nature': '基本存款账户',
    });
    expect(filed?.requests.map((r) => r.path)).toEqual([
      '/login',
      '/xbnsr/1',
      '/xbnsr/2',
      '/xbnsr/3',
      '/xbnsr/4',
      '/xbnsr/submit',
    ]);
    expect(filed?.raw).toMatchObject({
      nsrsbh: UNIT.creditCode,
      sfdjybnsr: 'Y',
      zyywlb: '3',
      fpzl: ['82', '81'],
      sfslukey: 'Y',
      zhxz: '1',
    });
  });

  it('refuses a 提交 without 检查; files the same application twice, both in 办件查询 and the control API', async () => {
    const [first] = await submissions();
    const refused = await page.request.post(`${base}/xbnsr/submit`, {
      form: { jcToken: '' },
      maxRedirects: 0,
    });
    expect(refused.headers().location).toBe('/xbnsr/5');
    expect(await submissions()).toHaveLength(1);

    // The 办税人 goes through the steps again (as a bot retrying after a crash would).
    for (const step of first?.requests.slice(1, 5) ?? []) {
      expect((await web.postForm(step.path, step.body)).status()).toBe(303);
    }
    const checked = (await (await page.request.post(`${base}/api/jc`, { data: {} })).json()) as {
      ok: boolean;
      token: string;
    };
    expect(checked.ok).toBe(true);
    const filed = await page.request.post(`${base}/xbnsr/submit`, {
      form: { jcToken: checked.token },
      maxRedirects: 0,
    });
    expect(filed.status()).toBe(303);

    await web.expectFiledTwice(first, {
      number: (filing) => filing?.reference,
      query: '/query',
    });
  });

  it('bounces an idle session to its login page', async () => {
    await web.expectIdleSessionBounced(() => page.goto(`${base}/xbnsr`), 600_000);
  });
});
