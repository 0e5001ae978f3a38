import type { FrameLocator, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { portalInBrowser } from './support/browser-portal.ts';
import { CLERK, testUnit } from './support/registry.ts';
import { exactText, pickDateIn, selectOption } from './support/widgets.ts';

/**
 * 单位医疗保险登记 in real Chromium, as a unit's clerk uses it: the form is a separate document inside an
 * iframe, its selects are divs, 参保日期 comes from a calendar, and the bureau's server is sometimes busy
 * (injected 5xx on a page and on the form's XHR). The control API then shows every field as typed.
 */

const exact = exactText;

/** The form item whose <label> reads `label`, inside the frame. */
const item = (frame: FrameLocator, label: string): Locator =>
  frame.locator('.k-form-item', {
    has: frame.locator('label.k-form-item__label', { hasText: exact(label) }),
  });

const choose = (frame: FrameLocator, label: string, option: string) =>
  selectOption(item(frame, label), option);

/** Opens the readonly date input's calendar and clicks year, month and day of a yyyy-MM-dd date. */
const pickDate = (frame: FrameLocator, label: string, date: string) => pickDateIn(item(frame, label), date);

const ymd = (date: Date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const ESTABLISHED = ymd(new Date(Date.now() - 3 * 86_400_000));
const DAY_BEFORE = ymd(new Date(Date.now() - 4 * 86_400_000));

const UNIT = {
  ...testUnit(40_000_021),
  postcode: '363000',
  phone: '0596-2345678',
  specialist: CLERK,
  bank: '中国工商银行漳州龙文支行',
  accountNo: '1410020309200123457',
};

describe('medical insurance portal (单位医疗保险登记)', () => {
  let page: Page;
  let base = '';

  const web = portalInBrowser('medical-insurance', {
    company: { unit: UNIT, establishedDate: ESTABLISHED },
  });
  const { submissions, setFaults } = web;
  const frame = () => page.frameLocator('iframe[name="mainFrame"]');

  async function logIn(): Promise<void> {
    await page.getByLabel('用户名').fill('yijian');
    await page.getByLabel('密码').fill('Yijian#2025');
    await page.getByRole('button', { name: '登 录' }).click();
  }

  beforeAll(() => {
    ({ page, base } = web);
  });

  it('answers with the busy page when a 5xx is injected, and with the portal after a reload', async () => {
    await setFaults({ failNext: 1 });
    const busy = await page.goto(`${base}/apply`);
    expect(busy?.status()).toBe(503);
    expect(await page.locator('h1').textContent()).toBe('系统繁忙，请稍后再试');
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/login');
    await logIn();
    await page.waitForURL(`${base}/apply`);
  });

  it('fills the form inside the iframe; refuses a 参保日期 before 成立日期; keeps the values through a busy answer', async () => {
    // The form is not part of the portal page: it is a document of its own in the frame.
    expect(await page.locator('[name="emp_name"]').count()).toBe(0);
    const f = frame();
    await f.getByLabel('单位名称').fill(UNIT.name);
    await f.getByLabel('统一社会信用代码').fill(UNIT.creditCode);
    await choose(f, '单位类型', '企业');
    await choose(f, '经济类型', '私有有限责任(公司)');
    await choose(f, '隶属关系', '其他');
    await choose(f, '行业', 'I65 软件和信息技术服务业');
    await f.getByLabel('单位地址').fill(UNIT.address);
    await f.getByLabel('邮政编码').fill(UNIT.postcode);
    await f.getByLabel('单位电话').fill(UNIT.phone);
    await f.getByLabel('法定代表人姓名').fill(UNIT.legalRep.name);
    await f.getByLabel('法定代表人证件号码').fill(UNIT.legalRep.idNumber);
    await f.getByLabel('法定代表人电话').fill(UNIT.legalRep.mobile);
    await f.getByLabel('医保专管员姓名').fill(UNIT.specialist.name);
    await f.getByLabel('医保专管员电话').fill(UNIT.specialist.mobile);
    await f.getByLabel('开户银行').fill(UNIT.bank);
    await f.getByLabel('银行账号').fill(UNIT.accountNo);
    await f.getByLabel('310 职工基本医疗保险').check();
    await f.getByLabel('510 生育保险').check();
    await pickDate(f, '参保日期', DAY_BEFORE);
    expect(await f.getByLabel('参保日期').inputValue()).toBe(DAY_BEFORE);

    const submit = f.getByRole('button', { name: '提 交' });
    await submit.click();
    const dateError = item(f, '参保日期').locator('.k-form-item__error');
    await expect.poll(() => dateError.textContent()).toBe(`参保日期不得早于单位成立日期（${ESTABLISHED}）`);
    expect(await f.locator('.mi-toast').textContent()).toBe('有 1 项信息未通过校验，请按提示修改');
    await pickDate(f, '参保日期', ESTABLISHED);

    // The bureau is busy for one request: the clerk sees the message, nothing typed is lost, and tries again.
    await setFaults({ failNext: 1 });
    await submit.click();
    await expect.poll(() => f.locator('.mi-toast').textContent()).toBe('系统繁忙，请稍后再试');
    expect(await f.getByLabel('单位名称').inputValue()).toBe(UNIT.name);
    expect(await item(f, '行业').locator('.k-select__input').inputValue()).toBe('I65 软件和信息技术服务业');
    expect(await submissions()).toHaveLength(0);
    await submit.click();
    await page.waitForURL(/\/receipt\/YB\d{14}$/);
    expect(await page.locator('[data-output="medicalInsuranceNo"]').textContent()).toMatch(/^350603\d{10}$/);
  });

  it('received every field with the value typed, keyed by the contract ids, and the raw body as posted', async () => {
    const all = await submissions();
    expect(all).toHaveLength(1);
    const [submission] = all;
    expect(submission?.fields).toEqual({
      unitName: UNIT.name,
      creditCode: UNIT.creditCode,
      unitType: '企业',
      economicType: '173',
      affiliation: '90',
      industryCode: 'I65',
      unitAddress: UNIT.address,
      postcode: UNIT.postcode,
      unitPhone: UNIT.phone,
      'legalRep.name': UNIT.legalRep.name,
      'legalRep.idNumber': UNIT.legalRep.idNumber,
      'legalRep.phone': UNIT.legalRep.mobile,
      'specialist.name': UNIT.specialist.name,
      'specialist.phone': UNIT.specialist.mobile,
      bank: UNIT.bank,
      accountNo: UNIT.accountNo,
      insuranceTypes: ['310', '510'],
      insuredDate: ESTABLISHED,
    });
    expect(submission?.raw).toMatchObject({
      emp_name: UNIT.name,
      emp_type: '企业',
      econ_type: '173',
      begndate: ESTABLISHED,
    });
    expect(submission?.raw.insutype).toEqual(['310', '510']);
    expect(submission?.requests.map((r) => r.path)).toEqual(['/api/apply']);
  });

  it('files the same application twice: both in 业务查询 and in the control API', async () => {
    const [first] = await submissions();
    const response = await web.postForm('/api/apply', first?.raw ?? {}, {
      'x-requested-with': 'XMLHttpRequest',
    });
    expect(await response.json()).toMatchObject({ ok: true });
    await web.expectFiledTwice(first, {
      number: (filing) => filing?.reference,
      query: `/query?qymc=${encodeURIComponent(UNIT.name)}`,
    });
  });

  it('sends the whole window to the login page when the session expired while the form was open', async () => {
    await page.goto(`${base}/apply`);
    await frame().getByLabel('单位名称').fill(UNIT.name);
    const login = await web.expectIdleSessionBounced(async () => {
      await frame().getByRole('button', { name: '提 交' }).click();
      await page.waitForURL(/\/login\?/);
    }, 20 * 60_000);
    expect(login.searchParams.get('next')).toBe('/apply');
  });
});
