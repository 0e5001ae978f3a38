import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../forms/codes/index.ts';
import { portalInBrowser } from './support/browser-portal.ts';
import { choose, errorOf, item, pickDate, tick, typeInto } from './support/person.ts';
import { CLERK, LEGAL_REP, testUnit } from './support/registry.ts';

/**
 * 银行预约开户 in real Chromium, as the company's contact person uses it: the slider CAPTCHA dragged with the
 * mouse (the gap read through the control API, which stands in for the person's eyes), the branches of the
 * registered address's district, a day on the calendar and a slot that fills up, beneficial owners, and the
 * 校验 that must pass before 提交预约 enables.
 */

const UNIT = {
  ...testUnit(42_000_031),
  contact: CLERK,
  owners: [
    { name: LEGAL_REP.name, idNumber: LEGAL_REP.idNumber, ratio: '60' },
    {
      name: '李娜',
      idNumber: generateIdNumber({ region: '350602', birthDate: '1990-07-08', gender: '2', serial: 12 }),
      ratio: '40',
    },
  ],
};

/** The first working day after today, China time (what a person sees as bookable on the calendar). */
function firstWorkday(): string {
  const today = Date.parse(`${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00Z`);
  for (let i = 1; ; i += 1) {
    const day = new Date(today + i * 86_400_000);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) return day.toISOString().slice(0, 10);
  }
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((char, i) => {
    let value = Number(char);
    if (i % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
    sum += value;
  });
  return sum % 10 === 0;
}

describe('bank portal (银行预约开户)', () => {
  let context: BrowserContext;
  let page: Page;
  let base = '';
  const date = firstWorkday();

  const web = portalInBrowser('bank', {
    company: { unit: UNIT, establishedDate: '2026-01-05' },
    defaultTimeoutMs: 5000,
  });
  const { control, submissions } = web;
  const setFull = (full: object[]) => control('/slots', { method: 'PUT', body: { full } });

  /** The gap of the puzzle on screen, once the slider has one. */
  async function gap(): Promise<number> {
    const cookie = (await context.cookies(base)).find((c) => c.name === 'YYKH_SESSION');
    let found: number | undefined;
    await expect
      .poll(async () => {
        // No puzzle yet: a 404 without gapX.
        found = (await control<{ gapX?: number }>(`/slider?session=${cookie?.value ?? ''}`)).gapX;
        return found;
      })
      .toBeTypeOf('number');
    return found ?? 0;
  }

  /** Drags the slider's handle `distance` pixels to the right, in small steps, as a hand would. */
  async function drag(distance: number): Promise<void> {
    await page.locator('.bk-slider.is-ready').waitFor();
    const box = await page.locator('.bk-slider__handle').boundingBox();
    if (!box) throw new Error('no slider handle');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    for (let step = 1; step <= 12; step += 1) {
      await page.mouse.move(box.x + box.width / 2 + (distance * step) / 12, y + (step % 3) - 1);
    }
    await page.mouse.up();
  }

  const checkButton = () => page.getByRole('button', { name: '校 验' });
  const submitButton = () => page.getByRole('button', { name: '提交预约' });
  const slot = (label: string) => page.locator('.bk-slot', { hasText: label });

  beforeAll(() => {
    ({ context, page, base } = web);
  });

  it('refuses the slider dragged to the wrong place; dragged onto the gap it lets the person log in', async () => {
    await page.goto(`${base}/appointment`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('用户名').fill('yijian');
    await page.getByLabel('登录密码').fill('Bank#2025yj');

    const first = await gap();
    await drag(first > 150 ? first - 60 : first + 60);
    await expect.poll(() => page.locator('.bk-slider__error').textContent()).toBe('拼图未对齐，请重新验证');
    // Logging in without a solved slider is refused beside it.
    await page.getByRole('button', { name: '登 录' }).click();
    await expect.poll(() => page.locator('.bk-slider__error').textContent()).toBe('请先完成滑块安全验证');
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByLabel('登录密码').fill('Bank#2025yj');
    await drag(await gap());
    await expect.poll(() => page.locator('.bk-slider__text').textContent()).toBe('验证通过');
    await page.getByRole('button', { name: '登 录' }).click();
    await page.waitForURL(`${base}/appointment`);
  });

  it('lists the branches of the registered district, marks full slots, and enables 提交 only after 校验 passes', async () => {
    await setFull([{ slot: '09:00-10:00', date }]);
    await typeInto(page, '企业名称', UNIT.name);
    await typeInto(page, '统一社会信用代码', UNIT.creditCode);
    await typeInto(page, '注册地址', UNIT.address);
    await choose(page, '开户银行', '中国建设银行');
    const branches = item(page, '开户网点').locator('.k-select__option');
    await expect
      .poll(() => branches.allTextContents())
      .toEqual(['中国建设银行漳州龙文支行', '中国建设银行漳州朝阳支行']);
    await choose(page, '开户网点', '中国建设银行漳州龙文支行');
    await pickDate(page, '预约日期', date);
    await expect.poll(() => page.locator('.bk-slot').count()).toBe(6);
    expect(await slot('09:00-10:00').isDisabled()).toBe(true);
    expect(await slot('09:00-10:00').textContent()).toContain('已约满');
    await slot('10:00-11:00').click();

    await typeInto(page, '联系人姓名', UNIT.contact.name);
    await typeInto(page, '联系人手机', UNIT.contact.mobile);
    await typeInto(page, '法定代表人姓名', UNIT.legalRep.name);
    await typeInto(page, '法定代表人证件号码', UNIT.legalRep.idNumber);
    await typeInto(page, '法定代表人手机', UNIT.legalRep.mobile);
    for (const [i, owner] of UNIT.owners.entries()) {
      if (i > 0) await page.getByRole('button', { name: '＋ 添加受益所有人' }).click();
      const row = page.locator('.k-row').nth(i);
      await typeInto(row, '受益所有人姓名', owner.name);
      await typeInto(row, '受益所有人证件号码', owner.idNumber);
      await typeInto(row, '持股比例（%）', owner.ratio === '40' ? '20' : owner.ratio);
    }
    await tick(page, '服务选项', ['网上银行', '短信通知']);

    expect(await submitButton().isDisabled()).toBe(true);
    await checkButton().click();
    await expect
      .poll(() => errorOf(page.locator('.k-row').nth(1), '持股比例（%）').textContent())
      .toBe('受益所有人持股比例应不低于25%');
    expect(await submitButton().isDisabled()).toBe(true);
    await typeInto(page.locator('.k-row').nth(1), '持股比例（%）', '40');
    await checkButton().click();
    await expect
      .poll(() => page.locator('.bk-check__status').textContent())
      .toBe('校验通过，请确认信息无误后提交');
    expect(await submitButton().isEnabled()).toBe(true);
    // Any change after the check asks for a new one.
    await typeInto(page, '联系人手机', UNIT.contact.mobile);
    expect(await submitButton().isDisabled()).toBe(true);
    await checkButton().click();
    await expect.poll(() => submitButton().isEnabled()).toBe(true);
    await web.shot('bank-form.png');
  });

  it('refuses a slot that filled up before 提交 with a message beside 预约时段; another slot is booked', async () => {
    await setFull([{ slot: '09:00-10:00', date }, { slot: '10:00-11:00' }]);
    await submitButton().click();
    await expect.poll(() => errorOf(page, '预约时段').textContent()).toBe('该时段预约已满，请选择其他时段');
    expect(await submissions()).toHaveLength(0);
    expect(await slot('10:00-11:00').isDisabled()).toBe(true);
    expect(await submitButton().isDisabled()).toBe(true);

    await slot('14:00-15:00').click();
    await checkButton().click();
    await expect.poll(() => submitButton().isEnabled()).toBe(true);
    await submitButton().click();
    await page.waitForURL(/\/receipt\/YY\d{13}$/);
    const [booked] = await submissions();
    expect(await page.locator('[data-output="appointmentNo"]').textContent()).toBe(booked?.reference);
    expect(await page.locator('[data-output="accountNo"]').textContent()).toBe(booked?.receipt.accountNo);
    await web.shot('bank-receipt.png');
  });

  it('received every field as typed; the pre-assigned account number has the bank’s format and check digit', async () => {
    const [booked] = await submissions();
    expect(booked?.fields).toEqual({
      companyName: UNIT.name,
      creditCode: UNIT.creditCode,
      registeredAddress: UNIT.address,
      accountType: '基本存款账户',
      bank: '中国建设银行',
      branch: '中国建设银行漳州龙文支行',
      'appointment.date': date,
      'appointment.slot': '14:00-15:00',
      'contact.name': UNIT.contact.name,
      'contact.mobile': UNIT.contact.mobile,
      'legalRep.name': UNIT.legalRep.name,
      'legalRep.idNumber': UNIT.legalRep.idNumber,
      'legalRep.mobile': UNIT.legalRep.mobile,
      beneficialOwners: UNIT.owners,
      services: ['网上银行', '短信通知'],
    });
    expect(booked?.raw).toMatchObject({
      bankCode: '105',
      branchNo: '105350603001',
      acctType: '01',
      svc: ['EB', 'SN'],
    });
    const accountNo = String(booked?.receipt.accountNo);
    expect(accountNo).toMatch(/^35050603\d{12}$/);
    expect(luhnValid(accountNo)).toBe(true);
    expect(booked?.receipt.bankName).toBe('中国建设银行漳州龙文支行');
  });

  it('books the same appointment twice: both are listed in 我的预约 and in the control API', async () => {
    const [first] = await submissions();
    const form = { ...(first?.raw ?? {}) };
    const xhr = { 'x-requested-with': 'XMLHttpRequest' };
    // The same form checked and submitted again, as a bot retrying after a crash would.
    const checked = await web.postForm('/api/check', form, xhr);
    const { token } = (await checked.json()) as { token: string };
    const response = await web.postForm('/appointment', { ...form, jyToken: token }, xhr);
    expect(response.status()).toBe(303);
    await web.expectFiledTwice(first, {
      number: (booking) => booking?.receipt.accountNo,
      query: `/query?qymc=${encodeURIComponent(UNIT.creditCode)}`,
    });
  });

  it('bounces an idle session to the login page', async () => {
    await web.expectIdleSessionBounced(() => page.goto(`${base}/appointment`), 600_000);
  });
});
