import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOT_YET_SHARED_MESSAGE } from '../../sandbox/kit/registry.ts';
import type { RunningPortals } from '../../sandbox/start.ts';
import { portalInBrowser } from './support/browser-portal.ts';
import { CLERK, publishUnit, testUnit } from './support/registry.ts';
import { exactText, pickDateIn, selectInTree, selectOption, selectRegion } from './support/widgets.ts';

/**
 * 单位社会保险登记 in real Chromium, as a unit's clerk uses it: the table form is filled by the text of the
 * label cells (there are no <label>s), the unit is verified against the market regulator's shared data
 * (unknown until the sync lag has passed), the first save warns and needs 继续, and the control API shows
 * that every field arrived as typed.
 */

const exact = exactText;

/** The value cell to the right of the label cell that reads `label`. */
const cell = (page: Page, label: string): Locator =>
  page
    .locator('th')
    .filter({ hasText: exact(label) })
    .locator('xpath=following-sibling::td[1]');

const typeIn = (page: Page, label: string, value: string) =>
  cell(page, label).locator('input').first().fill(value);

const choose = (page: Page, label: string, option: string) => selectOption(cell(page, label), option);

const chooseInTree = (page: Page, label: string, path: readonly string[]) =>
  selectInTree(cell(page, label), path);

const chooseRegion = (page: Page, label: string, names: readonly string[]) =>
  selectRegion(cell(page, label), names);

/** Opens the readonly date input's calendar and clicks year, month, day. */
const pickDate = (page: Page, label: string, [year, month, day]: readonly [number, number, number]) =>
  pickDateIn(cell(page, label), `${year}-${month}-${day}`);

const errorIn = (page: Page, label: string) => cell(page, label).locator('.si-error');

const established = new Date(Date.now() - 2 * 86_400_000);
const ymd = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const [ey, em, ed] = ymd(established).split('-').map(Number) as [number, number, number];

const UNIT = {
  ...testUnit(40_000_017),
  postcode: '363000',
  phone: '0596-2345678',
  specialist: { ...CLERK, department: '综合部' },
  bank: '中国工商银行漳州龙文支行',
  accountNo: '1410020309200123457',
};

describe('social insurance portal (单位社会保险登记)', () => {
  let portals: RunningPortals;
  let page: Page;
  let base = '';
  const SYNC_LAG = 2500;

  const web = portalInBrowser('social-insurance', {
    start: { faultsByPortal: { 'social-insurance': { syncLagMs: SYNC_LAG } } },
  });
  const { submissions } = web;

  async function logIn(): Promise<void> {
    await page.getByLabel('用户名').fill('yijian');
    await page.getByLabel('密码').fill('Yijian#2025');
    await page.getByRole('button', { name: '登 录' }).click();
  }

  beforeAll(() => {
    ({ portals, page, base } = web);
  });

  it('bounces to its own login, then shows the sync-lag message until the registration is shared', async () => {
    await page.goto(`${base}/register`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await logIn();
    await page.waitForURL(`${base}/register`);

    const wrongCheck = `${UNIT.creditCode.slice(0, 17)}${UNIT.creditCode.endsWith('0') ? '1' : '0'}`;
    await typeIn(page, '统一社会信用代码', wrongCheck);
    await typeIn(page, '单位名称', UNIT.name);
    await page.getByRole('button', { name: '核验' }).click();
    await expect
      .poll(() => errorIn(page, '统一社会信用代码').textContent())
      .toBe('统一社会信用代码校验位错误，请核对营业执照');
    // A well-formed code the market regulator has not registered (yet).
    await typeIn(page, '统一社会信用代码', UNIT.creditCode);
    await page.getByRole('button', { name: '核验' }).click();
    await expect
      .poll(() => errorIn(page, '统一社会信用代码').textContent())
      .toBe('未查询到该单位的工商登记信息，请核实统一社会信用代码');

    // Market regulation approves the company now (through the sandbox's inter-agency exchange).
    const registeredAt = Date.now();
    const published = await publishUnit(portals, UNIT, {
      establishedDate: ymd(established),
      registeredAt: new Date(registeredAt).toISOString(),
    });
    expect(published.ok).toBe(true);

    await page.getByRole('button', { name: '核验' }).click();
    await expect.poll(() => errorIn(page, '统一社会信用代码').textContent()).toBe(NOT_YET_SHARED_MESSAGE);
    expect(Date.now() - registeredAt).toBeLessThan(SYNC_LAG);

    // The clerk waits a little and tries again: the exchange now knows the company.
    await page.waitForTimeout(Math.max(0, registeredAt + SYNC_LAG - Date.now()) + 50);
    await page.getByRole('button', { name: '核验' }).click();
    await page.waitForURL(`${base}/register/form`);
    expect(await cell(page, '单位名称').locator('input').inputValue()).toBe(UNIT.name);
    expect(await cell(page, '统一社会信用代码').locator('input').inputValue()).toBe(UNIT.creditCode);
  });

  it('fills the table form by the label cells; refuses a bad postcode beside it; the first save warns and 继续 files it', async () => {
    await choose(page, '单位类型', '10-企业');
    await choose(page, '经济类型', '173-私有有限责任(公司)');
    await choose(page, '隶属关系', '90-其他');
    await typeIn(page, '单位电话', UNIT.phone);
    await chooseInTree(page, '行业', ['[I] 信息传输、软件和信息技术服务业', '[I65] 软件和信息技术服务业']);
    // The page preselects the industry's usual risk class …
    await expect
      .poll(() => cell(page, '工伤保险行业风险类别').locator('.k-select__input').inputValue())
      .toBe('一类');
    // … and this unit's clerk deliberately chooses another one.
    await choose(page, '工伤保险行业风险类别', '二类');
    await chooseRegion(page, '所属区划', ['福建省', '漳州市', '龙文区']);
    await typeIn(page, '单位地址', UNIT.address);
    await typeIn(page, '邮政编码', '36300');
    await typeIn(page, '法定代表人姓名', UNIT.legalRep.name);
    await choose(page, '法定代表人证件类型', '01-居民身份证');
    await typeIn(page, '法定代表人证件号码', UNIT.legalRep.idNumber);
    await typeIn(page, '法定代表人电话', UNIT.legalRep.mobile);
    await typeIn(page, '社保专管员姓名', UNIT.specialist.name);
    await typeIn(page, '社保专管员部门', UNIT.specialist.department);
    await typeIn(page, '社保专管员证件号码', UNIT.specialist.idNumber);
    await typeIn(page, '社保专管员电话', UNIT.specialist.mobile);
    await typeIn(page, '缴费账户开户名', UNIT.name);
    await typeIn(page, '缴费账户开户银行', UNIT.bank);
    await typeIn(page, '缴费账户银行账号', UNIT.accountNo);
    for (const type of ['110 企业职工基本养老保险', '210 失业保险', '410 工伤保险']) {
      await cell(page, '参保险种')
        .locator('label.k-check', { hasText: exact(type) })
        .click();
    }
    await pickDate(page, '参保日期', [ey, em, ed]);
    expect(await cell(page, '参保日期').locator('input').inputValue()).toBe(
      ymd(established).replaceAll('-', ''),
    );

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => errorIn(page, '邮政编码').textContent()).toBe('邮政编码应为6位数字');
    // The agency sent every other value back: the clerk corrects one cell and saves again.
    expect(await cell(page, '行业').locator('.k-select__input').inputValue()).toBe(
      '[I65] 软件和信息技术服务业',
    );
    await typeIn(page, '邮政编码', UNIT.postcode);
    await page.getByRole('button', { name: '保存', exact: true }).click();

    const warning = page.getByRole('dialog', { name: '系统提示' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      '与行业“[I65] 软件和信息技术服务业”对应的风险类别“一类”不一致',
    );
    await warning.getByRole('button', { name: '继续' }).click();
    await page.waitForURL(/\/receipt\/RS\d{14}$/);
    expect(await page.locator('[data-output="socialInsuranceNo"]').textContent()).toMatch(/^350603\d{6}$/);
  });

  it('received every field with the value typed, keyed by the contract ids, and the raw body as posted', async () => {
    const [submission] = await submissions();
    expect(submission?.creditCode).toBe(UNIT.creditCode);
    expect(submission?.fields).toEqual({
      unitName: UNIT.name,
      creditCode: UNIT.creditCode,
      unitType: '10',
      economicType: '173',
      affiliation: '90',
      industryCode: 'I65',
      injuryRiskClass: '2',
      unitAddress: UNIT.address,
      region: '350603',
      postcode: UNIT.postcode,
      unitPhone: UNIT.phone,
      'legalRep.name': UNIT.legalRep.name,
      'legalRep.idType': '01',
      'legalRep.idNumber': UNIT.legalRep.idNumber,
      'legalRep.phone': UNIT.legalRep.mobile,
      'specialist.name': UNIT.specialist.name,
      'specialist.department': UNIT.specialist.department,
      'specialist.phone': UNIT.specialist.mobile,
      'specialist.idNumber': UNIT.specialist.idNumber,
      'payAccount.accountName': UNIT.name,
      'payAccount.bank': UNIT.bank,
      'payAccount.accountNo': UNIT.accountNo,
      insuranceTypes: ['110', '210', '410'],
      insuredDate: ymd(established).replaceAll('-', ''),
    });
    expect(submission?.raw).toMatchObject({
      aab998: UNIT.creditCode,
      aab022: 'I65',
      aae030: ymd(established).replaceAll('-', ''),
      qrjx: '1',
    });
    expect(submission?.raw.aae140).toEqual(['110', '210', '410']);
    expect(submission?.requests.map((r) => r.path)).toEqual(['/register', '/register/form']);
    expect(submission?.receipt.socialInsuranceNo).toBe(
      await page.locator('[data-output="socialInsuranceNo"]').textContent(),
    );
  });

  it('files the same application twice: both in 办件查询 and in the control API', async () => {
    const [first] = await submissions();
    // The clerk (or a bot retrying after a crash) posts the same two pages again.
    for (const request of first?.requests ?? []) {
      const response = await web.postForm(request.path, request.body);
      expect(response.status(), await response.text()).toBe(303);
    }
    await web.expectFiledTwice(first, {
      number: (filing) => filing?.receipt.socialInsuranceNo,
      query: `/query?qymc=${UNIT.creditCode}`,
    });
    expect(await page.locator('tr[data-reference]').first().textContent()).toContain('单位社保编号：350603');
  });

  it('bounces an idle session to the login page with the timeout message', async () => {
    const login = await web.expectIdleSessionBounced(async () => {
      await page.goto(`${base}/register`);
      await page.waitForURL(/\/login\?/);
    }, 20 * 60_000);
    expect(login.searchParams.get('expired')).toBe('1');
    await logIn();
    await page.waitForURL(`${base}/register`);
  });
});
