import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SmsMessage } from '../../sandbox/kit/store.ts';
import { portalInBrowser } from './support/browser-portal.ts';
import { choose, clickRadio, errorOf, item, typeInto } from './support/person.ts';
import { CLERK, testUnit } from './support/registry.ts';

/**
 * 公章刻制备案 in real Chromium, as the unit's 经办人 uses it: the bureau's own login, the form with five seal
 * rows added one by one, the engraving companies of the unit's district, the SMS code read from the phone
 * (the control API's inbox), and the control API proving every field arrived as typed.
 */

const UNIT = {
  ...testUnit(41_000_023),
  agent: CLERK,
  engraver: '漳州市龙文区鑫源印章有限公司',
  mailTo: '福建省漳州市龙文区朝阳北路1号3幢501室 王芳 13705963456',
};

/** The five seals of a new company, as the 经办人 chooses them (印文 and 规格 follow the type). */
const SEALS = [
  { label: '单位公章', type: '01', material: '铜', size: 'Φ40mm', quantity: '1' },
  { label: '财务专用章', type: '02', material: '光敏', size: 'Φ38mm', quantity: '1' },
  { label: '发票专用章', type: '03', material: '光敏', size: '40×30mm', quantity: '1' },
  { label: '合同专用章', type: '04', material: '原子', size: 'Φ40mm', quantity: '2' },
  { label: '法定代表人名章', type: '05', material: '树脂', size: '20×20mm', quantity: '1' },
];
const sealText = (type: string, creditCode = UNIT.creditCode) =>
  type === '03' ? `${UNIT.name}\n${creditCode}` : type === '05' ? UNIT.legalRep.name : UNIT.name;

describe('public security portal (公章刻制备案)', () => {
  let page: Page;
  let base = '';
  let firstReference = '';

  const web = portalInBrowser('public-security', {
    company: { unit: UNIT, establishedDate: '2026-01-05' },
    defaultTimeoutMs: 5000,
  });
  const { control, submissions } = web;
  const inbox = async (phone: string) =>
    (await control<{ messages: SmsMessage[] }>(`/sms?phone=${phone}`)).messages;
  const submit = () => page.getByRole('button', { name: '提交备案' }).click();

  async function fillForm(creditCode: string): Promise<void> {
    await typeInto(page, '单位名称', UNIT.name);
    await typeInto(page, '统一社会信用代码', creditCode);
    await choose(page, '单位类型', '有限责任公司');
    await typeInto(page, '单位地址', UNIT.address);
    await typeInto(page, '法定代表人姓名', UNIT.legalRep.name);
    await typeInto(page, '法定代表人证件号码', UNIT.legalRep.idNumber);
    await typeInto(page, '法定代表人手机', UNIT.legalRep.mobile);
    await typeInto(page, '经办人姓名', UNIT.agent.name);
    await typeInto(page, '经办人证件号码', UNIT.agent.idNumber);
    await typeInto(page, '经办人手机', UNIT.agent.mobile);
    for (const [i, seal] of SEALS.entries()) {
      if (i > 0) await page.getByRole('button', { name: '＋ 添加印章' }).click();
      const row = page.locator('.k-row').nth(i);
      await choose(row, '印章类型', seal.label);
      await choose(row, '材质', seal.material);
      if (seal.type === '05') await choose(row, '规格', seal.size);
      await typeInto(row, '数量', seal.quantity);
    }
    await clickRadio(page, '领取方式', '邮寄');
    await typeInto(page, '邮寄地址', UNIT.mailTo);
  }

  beforeAll(() => {
    ({ page, base } = web);
  });

  it('logs in with the bureau account; refuses a wrong check character and a name that differs from the licence', async () => {
    await page.goto(`${base}/seal/apply`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('用户名').fill('yijian');
    await page.getByLabel('密码').fill('Gaj#2025yj');
    await page.getByRole('button', { name: '登 录' }).click();
    await page.waitForURL(`${base}/seal/apply`);

    const wrongCheck = `${UNIT.creditCode.slice(0, 17)}${UNIT.creditCode.endsWith('0') ? '1' : '0'}`;
    await fillForm(wrongCheck);
    // With a code the register does not know, there is no district and so no engraving company to choose.
    const engravers = item(page, '刻章企业').locator('.k-select__input');
    await expect.poll(() => engravers.getAttribute('placeholder')).toBe('未查询到该单位的工商登记信息');
    // The seal rows fill in their 印文 from the unit's name, credit code and legal representative.
    for (const [i, seal] of SEALS.entries()) {
      const text = item(page.locator('.k-row').nth(i), '印文').locator('textarea');
      expect(await text.inputValue()).toBe(sealText(seal.type, wrongCheck));
    }
    await submit();
    await expect
      .poll(() => errorOf(page, '统一社会信用代码').textContent())
      .toBe('统一社会信用代码校验位不正确，请核对营业执照');

    await typeInto(page, '统一社会信用代码', UNIT.creditCode);
    await choose(page, '刻章企业', UNIT.engraver);
    await typeInto(page, '单位名称', '漳州龙文云帆科技有限公司');
    await submit();
    await expect.poll(() => errorOf(page, '单位名称').textContent()).toBe('单位名称与营业执照登记名称不一致');
    expect(await errorOf(page, '统一社会信用代码').textContent()).toBe('');
    expect(await submissions()).toHaveLength(0);
  });

  it('requires the SMS code sent to the 经办人’s phone: a wrong code is refused, the code from the inbox accepted', async () => {
    await typeInto(page, '单位名称', UNIT.name);
    // The 印文 the portal filled in follow the corrected name and code.
    for (const [i, seal] of SEALS.entries()) {
      const text = item(page.locator('.k-row').nth(i), '印文').locator('textarea');
      expect(await text.inputValue()).toBe(sealText(seal.type));
    }
    // Without a code the bureau does not accept the filing.
    await submit();
    await expect.poll(() => errorOf(page, '短信验证码').textContent()).toBe('请输入短信验证码');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await expect.poll(() => page.getByRole('button', { name: /秒后重新获取/ }).count()).toBe(1);
    const [message] = await inbox(UNIT.agent.mobile);
    expect(message?.text).toContain('【漳州市公安局】您正在办理公章刻制备案');
    const code = message?.code ?? '';
    expect(code).toMatch(/^\d{6}$/);

    await typeInto(page, '短信验证码', code === '000000' ? '111111' : '000000');
    await submit();
    await expect.poll(() => errorOf(page, '短信验证码').textContent()).toBe('短信验证码不正确');
    expect(await submissions()).toHaveLength(0);

    await typeInto(page, '短信验证码', code);
    await submit();
    await page.waitForURL(/\/receipt\/BA\d{14}$/);
    firstReference = (await page.locator('.k-receipt__reference').textContent()) ?? '';
    expect(await page.locator('[data-output="filingNo"]').textContent()).toBe(firstReference);
    await web.shot('public-security-receipt.png');
  });

  it('received every field as typed, the raw form as posted, and gave each seal a 13-digit 备案编码', async () => {
    const [submission] = await submissions();
    expect(submission?.reference).toBe(firstReference);
    const [message] = await inbox(UNIT.agent.mobile);
    expect(submission?.fields).toEqual({
      unitName: UNIT.name,
      creditCode: UNIT.creditCode,
      unitType: '有限责任公司',
      unitAddress: UNIT.address,
      'legalRep.name': UNIT.legalRep.name,
      'legalRep.idNumber': UNIT.legalRep.idNumber,
      'legalRep.mobile': UNIT.legalRep.mobile,
      'agent.name': UNIT.agent.name,
      'agent.idNumber': UNIT.agent.idNumber,
      'agent.mobile': UNIT.agent.mobile,
      seals: SEALS.map((seal) => ({
        type: seal.type,
        text: sealText(seal.type),
        material: seal.material,
        size: seal.size,
        quantity: seal.quantity,
      })),
      engravingCompany: UNIT.engraver,
      'pickup.method': '2',
      'pickup.address': UNIT.mailTo,
      smsCode: message?.code,
    });
    // The raw body keeps the bureau's own names and codes, and the textarea's CRLF.
    expect(submission?.raw.dwlx).toBe('110');
    expect(submission?.raw['yz[2][yw]']).toBe(`${UNIT.name}\r\n${UNIT.creditCode}`);
    expect(submission?.raw['yz[0][cz]']).toBe('C1');
    expect(submission?.raw.kzqy).toBe('KZ350603001');

    const seals = (submission?.receipt.seals ?? []) as { type: string; filingCode: string }[];
    expect(seals.map((s) => s.type)).toEqual(SEALS.map((s) => s.type));
    const codes = seals.map((s) => s.filingCode);
    expect(codes).toHaveLength(5);
    for (const code of codes) expect(code).toMatch(/^350603\d{7}$/);
    expect(new Set(codes).size).toBe(5);
    expect(await page.locator('.ps-filing-code').allTextContents()).toEqual(codes);
  });

  it('files the same application twice: both filings are listed in 备案查询 and in the control API', async () => {
    const [first] = await submissions();
    // The 经办人 files again (as a bot retrying after a crash would): a new code, the same form.
    await page.request.post(`${base}/api/sms`, { data: { phone: UNIT.agent.mobile } });
    const code = (await inbox(UNIT.agent.mobile)).at(-1)?.code ?? '';
    const form = { ...(first?.raw as Record<string, string>), dxyzm: code };
    const response = await page.request.post(`${base}/seal/apply`, { form, maxRedirects: 0 });
    expect(response.status()).toBe(303);

    const all = await submissions();
    expect(all).toHaveLength(2);
    expect(all[1]?.reference).not.toBe(first?.reference);
    expect({ ...all[1]?.fields, smsCode: '' }).toEqual({ ...first?.fields, smsCode: '' });
    await page.goto(`${base}/query?qymc=${encodeURIComponent('云帆软件')}`);
    expect(await page.locator('tr[data-reference]').count()).toBe(2);
    expect(await page.locator(`tr[data-reference="${firstReference}"] .k-status`).textContent()).toBe(
      '已备案',
    );
  });

  it('bounces an idle session to the login page', async () => {
    const login = await web.expectIdleSessionBounced(() => page.goto(`${base}/seal/apply`), 600_000);
    expect(login.searchParams.get('expired')).toBe('1');
  });
});
