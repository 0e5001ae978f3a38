import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentPicture } from '../../cli/document-picture.ts';
import { portalInBrowser } from './support/browser-portal.ts';
import { CLERK, testUnit } from './support/registry.ts';
import { exactText, pickMonthIn, selectOption, selectRegion } from './support/widgets.ts';

/**
 * 住房公积金单位缴存登记 in real Chromium, as a unit's clerk uses it: a three-step wizard (保存并下一步), a
 * month picker that writes yyyyMM, rates checked on the server, a first save that warns about unequal rates
 * and needs 继续, an upload checked by content and size, and a 承诺书 that must stay on screen for its
 * countdown before the application can be submitted.
 */

const exact = exactText;

const item = (page: Page, label: string): Locator =>
  page.locator('.k-form-item', { has: page.locator('label.k-form-item__label', { hasText: exact(label) }) });
const typeIn = (page: Page, label: string, value: string) =>
  item(page, label).locator('input.k-input').fill(value);
const errorOf = (page: Page, label: string) => item(page, label).locator('.k-form-item__error');

const choose = (page: Page, label: string, option: string) => selectOption(item(page, label), option);

const chooseRegion = (page: Page, label: string, names: readonly string[]) =>
  selectRegion(item(page, label), names);

/** Opens the month picker and clicks the year, then the month. */
const pickMonth = (page: Page, label: string, year: number, month: number) =>
  pickMonthIn(item(page, label), year, month);

function idCardPhoto() {
  const buffer = documentPicture('居民身份证 张伟', { width: 360, height: 228 });
  return { name: '张伟身份证正面.jpg', mimeType: 'image/jpeg', buffer };
}

const now = new Date(Date.now() + 8 * 3600_000);
const ESTABLISHED = now.toISOString().slice(0, 10);
const [YEAR, MONTH] = [now.getUTCFullYear(), now.getUTCMonth() + 1];
const START_MONTH = `${YEAR}${String(MONTH).padStart(2, '0')}`;

const UNIT = {
  ...testUnit(40_000_033),
  postcode: '363000',
  agent: { ...CLERK, office: '0596-2345678' },
  employees: '8',
  wageBase: '64000.00',
  payday: '15',
  bank: '中国工商银行漳州龙文支行',
  accountNo: '1410020309200123457',
};
const PHOTO = idCardPhoto();
/**
 * The countdown runs from when the step is shown, and the uploads before the check take seconds on a loaded
 * machine: 2 s had run out before it was looked at. 6 s still proves the button waits for it.
 */
const NOTICE_SECONDS = 6;

describe('housing fund portal (住房公积金单位缴存登记)', () => {
  let page: Page;
  let base = '';

  const web = portalInBrowser('housing-fund', {
    company: { unit: UNIT, establishedDate: ESTABLISHED, approvedAt: 'now' },
    prepare: async ({ control }) => {
      // A shorter 承诺书 countdown than the portal's 8 s keeps the test quick; the rule stays the same.
      expect(await control('/notice', { method: 'PUT', body: { seconds: NOTICE_SECONDS } })).toMatchObject({
        ok: true,
      });
    },
  });
  const { submissions } = web;
  const save = () => page.getByRole('button', { name: '保存并下一步' }).click();

  beforeAll(() => {
    ({ page, base } = web);
  });

  it('logs in, and refuses a later step before the earlier ones are saved', async () => {
    await page.goto(`${base}/open/new`);
    await page.getByLabel('用户名').fill('yijian');
    await page.getByLabel('密码').fill('Yijian#2025');
    await page.getByRole('button', { name: '登 录' }).click();
    await page.waitForURL(`${base}/open/1`);
    await page.goto(`${base}/open/3`);
    await page.waitForURL(`${base}/open/1`);
    expect(await page.locator('.k-alert--warning').textContent()).toBe('请先完成“单位基本信息”并保存');
  });

  it('saves 单位基本信息, then checks 缴存比例 on the server and warns about unequal rates until 继续', async () => {
    await typeIn(page, '单位全称', UNIT.name);
    await typeIn(page, '统一社会信用代码', UNIT.creditCode);
    await item(page, '单位类型').locator('label.k-radio', { hasText: '企业法人' }).click();
    await choose(page, '单位性质', '城镇私营企业及其他城镇企业');
    await choose(page, '隶属关系', '其他');
    await chooseRegion(page, '行政区划', ['福建省', '漳州市', '龙文区']);
    await typeIn(page, '单位地址', UNIT.address);
    await typeIn(page, '邮政编码', UNIT.postcode);
    await typeIn(page, '法定代表人姓名', UNIT.legalRep.name);
    await typeIn(page, '法定代表人身份证号码', UNIT.legalRep.idNumber);
    await typeIn(page, '经办人姓名', UNIT.agent.name);
    await typeIn(page, '经办人证件号码', UNIT.agent.idNumber);
    await typeIn(page, '经办人办公电话', UNIT.agent.office);
    await typeIn(page, '经办人手机', UNIT.agent.mobile);
    await save();
    await page.waitForURL(`${base}/open/2`);

    await typeIn(page, '职工人数', UNIT.employees);
    await pickMonth(page, '启缴年月', YEAR, MONTH);
    expect(await item(page, '启缴年月').locator('input').inputValue()).toBe(START_MONTH);
    await typeIn(page, '月缴存工资基数总额（元）', UNIT.wageBase);
    await typeIn(page, '单位缴存比例（%）', '13');
    await typeIn(page, '个人缴存比例（%）', '8');
    await typeIn(page, '发薪日', UNIT.payday);
    await typeIn(page, '委托收款开户银行', UNIT.bank);
    await typeIn(page, '委托收款账号', UNIT.accountNo);
    await save();
    await expect
      .poll(() => errorOf(page, '单位缴存比例（%）').textContent())
      .toBe('单位缴存比例须为5%至12%之间的整数');
    expect(await item(page, '启缴年月').locator('input').inputValue()).toBe(START_MONTH);

    await typeIn(page, '单位缴存比例（%）', '12');
    await save();
    const warning = page.getByRole('dialog', { name: '提示' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('单位缴存比例（12%）与个人缴存比例（8%）不一致');
    await warning.getByRole('button', { name: '继续' }).click();
    await page.waitForURL(`${base}/open/3`);
  });

  it('refuses a mistyped and an oversized upload, and keeps submit disabled until the 承诺书 countdown has run', async () => {
    const slot = item(page, '法定代表人身份证复印件');
    const slotError = slot.locator('.k-upload__error');
    await slot.locator('input[type=file]').setInputFiles({
      name: '身份证.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('这是一个改了扩展名的文本文件'),
    });
    await expect
      .poll(() => slotError.textContent())
      .toBe('法定代表人身份证复印件：文件格式不正确（文件内容不是 JPG/PNG/PDF），仅支持 JPG/PNG/PDF 格式');
    await slot.locator('input[type=file]').setInputFiles({
      ...PHOTO,
      name: '高清扫描.jpg',
      buffer: Buffer.concat([PHOTO.buffer, Buffer.alloc(2 * 1024 * 1024)]),
    });
    await expect.poll(() => slotError.textContent()).toBe('法定代表人身份证复印件：JPG 文件不能超过 2MB');
    await slot.locator('input[type=file]').setInputFiles(PHOTO);
    await slot.locator('.k-upload.is-done').waitFor();
    expect(await slotError.textContent()).toBe('');

    const agree = page.getByLabel('本单位已阅读并同意《住房公积金单位缴存承诺书》');
    const submit = page.locator('button.hf-submit');
    expect(await submit.textContent()).toMatch(/^请阅读承诺书（\d秒）$/);
    expect(await submit.isDisabled()).toBe(true);
    expect(await agree.isDisabled()).toBe(true);
    await expect.poll(() => agree.isEnabled(), { timeout: NOTICE_SECONDS * 1000 + 2000 }).toBe(true);
    expect(await submit.textContent()).toBe('提交申请');
    expect(await submit.isDisabled()).toBe(true);
    await agree.check();
    expect(await submit.isEnabled()).toBe(true);
    await submit.click();
    await page.waitForURL(/\/receipt\/GJ\d{14}$/);
    expect(await page.locator('[data-output="fundAccountNo"]').textContent()).toMatch(/^350601\d{7}$/);
  });

  it('received every field with the value typed, keyed by the contract ids, and the file as uploaded', async () => {
    const [submission] = await submissions();
    const photo = {
      fileName: PHOTO.name,
      sha256: createHash('sha256').update(PHOTO.buffer).digest('hex'),
      size: PHOTO.buffer.length,
      mimeType: 'image/jpeg',
    };
    expect(submission?.fields).toEqual({
      unitName: UNIT.name,
      creditCode: UNIT.creditCode,
      unitAddress: UNIT.address,
      postcode: UNIT.postcode,
      region: '350603',
      unitType: '1',
      unitNature: '6',
      affiliation: '90',
      'legalRep.name': UNIT.legalRep.name,
      'legalRep.idNumber': UNIT.legalRep.idNumber,
      'legalRep.idCopy': photo,
      'agent.name': UNIT.agent.name,
      'agent.idNumber': UNIT.agent.idNumber,
      'agent.officePhone': UNIT.agent.office,
      'agent.mobile': UNIT.agent.mobile,
      employees: UNIT.employees,
      startMonth: START_MONTH,
      monthlyWageBase: UNIT.wageBase,
      employerRate: '12',
      employeeRate: '8',
      payday: UNIT.payday,
      'collection.bank': UNIT.bank,
      'collection.accountNo': UNIT.accountNo,
    });
    expect(submission?.files).toEqual({ frsfzfyj: photo });
    expect(submission?.raw).toMatchObject({
      dwmc: UNIT.name,
      qjny: START_MONTH,
      dwjcbl: '12',
      qrjx: '1',
      cns: '1',
    });
    expect(submission?.requests.map((r) => r.path)).toEqual(['/open/1', '/open/2', '/open/3']);
  });

  it('files the same application twice (the server, too, waits for the countdown): both in 业务查询', async () => {
    const [first] = await submissions();
    const post = (request: { path: string; body: Record<string, string | string[]> }) =>
      web.postForm(request.path, request.body);
    const [step1, step2, step3] = first?.requests ?? [];
    if (!step1 || !step2 || !step3) throw new Error('three saved steps expected');
    await page.request.get(`${base}/open/new`);
    expect((await post(step1)).status()).toBe(303);
    expect((await post(step2)).status()).toBe(303);
    await page.request.get(`${base}/open/3`);
    const early = await post(step3);
    expect(early.status()).toBe(200);
    expect(await early.text()).toContain(
      `请认真阅读《住房公积金单位缴存承诺书》（不少于${NOTICE_SECONDS}秒）后再确认`,
    );
    await page.waitForTimeout(NOTICE_SECONDS * 1000);
    expect((await post(step3)).status()).toBe(303);

    await web.expectFiledTwice(first, {
      number: (filing) => filing?.receipt.fundAccountNo,
      query: `/query?qymc=${encodeURIComponent(UNIT.name)}`,
    });
  });

  it('bounces an idle session to the login page when the clerk saves a step', async () => {
    await page.goto(`${base}/open/new`);
    await typeIn(page, '单位全称', UNIT.name);
    const login = await web.expectIdleSessionBounced(async () => {
      await save();
      await page.waitForURL(/\/login\?/);
    }, 20 * 60_000);
    expect(login.searchParams.get('expired')).toBe('1');
  });
});
