import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newChineseContext } from '../../bots/browser/launch.ts';
import { validateCreditCode } from '../../forms/codes/index.ts';
import type { Submission } from '../../sandbox/kit/submissions.ts';
import { type RunningPortals, startPortals } from '../../sandbox/start.ts';
import { expectFiledTwice, postForm } from './support/browser-portal.ts';
import { errorOf, item } from './support/person.ts';
import { FILES, fillStep5, fillSteps1to4, REFERENCE_CASE } from './support/registration-case.ts';

/**
 * 企业设立登记 in real Chromium, as an applicant uses it: unified login with the CAPTCHA (its answer read
 * through the control API, which is what the control API is for), the five-step wizard, the receipt, the
 * review that issues the credit code, and the department's awkward behaviours.
 */
describe('market regulation portal (unified login + registration wizard)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yijian-portals-'));
  let portals: RunningPortals;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let firstReference = '';

  const url = (id: 'market-regulation' | 'unified-login') => portals.urls[id] ?? '';
  async function control<T>(
    id: 'market-regulation' | 'unified-login',
    path: string,
    init: RequestInit = {},
  ): Promise<T> {
    const response = await fetch(`${url(id)}/__sandbox${path}`, {
      ...init,
      headers: { authorization: `Bearer ${portals.controlToken}`, 'content-type': 'application/json' },
    });
    return (await response.json()) as T;
  }
  const setFaults = (id: 'market-regulation' | 'unified-login', faults: object) =>
    control(id, '/faults', { method: 'PUT', body: JSON.stringify(faults) });
  const submissions = async () =>
    (await control<{ submissions: Submission[] }>('market-regulation', '/submissions')).submissions;

  async function captchaAnswer(): Promise<string> {
    const cookie = (await context.cookies(url('unified-login'))).find((c) => c.name === 'IDS_SESSION');
    const { answer } = await control<{ answer: string }>(
      'unified-login',
      `/captcha?session=${cookie?.value ?? ''}`,
    );
    return answer;
  }
  async function logIn(captcha?: string): Promise<void> {
    await page.locator('img[alt="验证码"]').evaluate((img: HTMLImageElement) => img.decode());
    await page.getByLabel('用户名').fill('yijian');
    await page.getByLabel('密码').fill('Yijian#2025');
    await page.getByLabel('验证码').fill(captcha ?? (await captchaAnswer()));
    await page.getByRole('button', { name: '登 录' }).click();
  }

  beforeAll(async () => {
    portals = await startPortals({ basePort: 0, dataDir, faults: { approvalDelayMs: 1500, syncLagMs: 0 } });
    browser = await launchChromium();
    context = await newChineseContext(browser);
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
  });
  afterAll(async () => {
    await browser?.close();
    await portals?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a wrong CAPTCHA, then logs in through the unified login on its own port', async () => {
    await page.goto(`${url('market-regulation')}/apply/new`);
    expect(new URL(page.url()).origin).toBe(new URL(url('unified-login')).origin);
    const answer = await captchaAnswer();
    await logIn(answer === 'AAAA' ? 'CCCC' : 'AAAA');
    await expect.poll(() => errorOf(page, '验证码').textContent()).toBe('验证码错误');
    await logIn();
    await page.waitForURL(`${url('market-regulation')}/apply/1`);
    await expect.poll(() => page.locator('.k-topbar__user').textContent()).toBe('您好，一键办经办人');
  });

  it('refuses steps out of order, mistyped and oversized uploads, and keeps submit disabled until the notice is read', async () => {
    await page.goto(`${url('market-regulation')}/apply/3`);
    await page.waitForURL(/\/apply\/1$/);
    expect(await page.locator('.k-alert--warning').textContent()).toBe('请按顺序填写，先完成“基本信息”');
    await page.getByLabel('企业名称').fill('中国云帆软件有限公司');
    await page.getByRole('button', { name: '保存并下一步' }).click();
    await expect.poll(() => errorOf(page, '企业名称').textContent()).toBe('企业名称不得含有“中国”等字词');
    expect(await errorOf(page, '邮政编码').textContent()).toBe('请填写邮政编码');
    await fillSteps1to4(page);

    const textAsJpg = {
      name: '住所证明.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('这其实是一个文本文件，不是图片。'),
    };
    await page
      .locator('.k-form-item', { hasText: '住所使用证明' })
      .locator('input[type=file]')
      .setInputFiles(textAsJpg);
    const slotError = item(page, '住所使用证明').locator('.k-upload__error');
    await expect.poll(() => slotError.textContent()).toContain('住所使用证明：文件格式不正确');
    const hugeJpg = {
      ...FILES.lease,
      name: '大图.jpg',
      buffer: Buffer.concat([FILES.lease.buffer, Buffer.alloc(2 * 1024 * 1024)]),
    };
    await page
      .locator('.k-form-item', { hasText: '住所使用证明' })
      .locator('input[type=file]')
      .setInputFiles(hugeJpg);
    await expect.poll(() => slotError.textContent()).toBe('住所使用证明：JPG 文件不能超过 2MB');

    await fillStep5(page);
    const submit = page.getByRole('button', { name: '提交申请' });
    const agree = page.getByLabel('我已阅读并同意告知承诺书');
    expect(await submit.isDisabled()).toBe(true);
    expect(await agree.isDisabled()).toBe(true);
    await page.locator('.k-notice__body').evaluate((body) => body.scrollTo(0, body.scrollHeight));
    await expect.poll(() => agree.isEnabled()).toBe(true);
    expect(await submit.isDisabled()).toBe(true);
    await agree.check();
    expect(await submit.isEnabled()).toBe(true);
    await page.screenshot({ path: join(dataDir, 'step5.png'), fullPage: true });
    await submit.click();
    await page.waitForURL(/\/receipt\/SL\d{14}$/);
    firstReference = (await page.locator('.k-receipt__reference').textContent()) ?? '';
    expect(await page.locator('[data-output="acceptanceNo"]').textContent()).toBe(firstReference);
  }, 90_000);

  it('received every field with the value typed, and the files as uploaded', async () => {
    const [submission] = await submissions();
    const c = REFERENCE_CASE;
    expect(submission?.reference).toBe(firstReference);
    expect(submission?.status).toBe('reviewing');
    const sha = (file: { buffer: Buffer }) => createHash('sha256').update(file.buffer).digest('hex');
    const fileMeta = (file: { name: string; buffer: Buffer; mimeType: string }) => ({
      fileName: file.name,
      sha256: sha(file),
      size: file.buffer.length,
      mimeType: file.mimeType,
    });
    expect(submission?.fields).toEqual({
      companyName: c.companyName,
      companyType: '1130',
      'domicile.region': '350603',
      'domicile.detail': c.detail,
      'businessAddress.sameAsDomicile': '1',
      phone: c.phone,
      postcode: c.postcode,
      employees: c.employees,
      registeredCapital: c.capital,
      currency: '156',
      establishMethod: '1',
      accountingMethod: '1',
      'operatingTerm.type': '1',
      businessScope: [
        { code: 'I65001', main: '1' },
        { code: 'I65002', main: '0' },
        { code: 'I65003', main: '0' },
      ],
      businessScopeText: '软件开发；信息技术咨询服务；数据处理服务',
      industryCode: 'I65',
      licenceCopies: '1',
      paperLicence: '1',
      'licenceDelivery.method': '2',
      'licenceDelivery.recipient': c.recipient.name,
      'licenceDelivery.phone': c.recipient.phone,
      'licenceDelivery.address': c.recipient.address,
      hasBoard: '0',
      hasSupervisoryBoard: '0',
      members: c.members.map((m, i) => ({
        name: m.name,
        idType: '10',
        idNumber: m.idNumber,
        gender: m.gender === '男' ? '1' : '2',
        birthDate: m.birthDate,
        ethnicity: '01',
        nationality: '156',
        address: m.address,
        mobile: m.mobile,
        email: m.email,
        politicalStatus: '13',
        roles: m.roles,
        idFrontPhoto: fileMeta(FILES.fronts[i] as (typeof FILES.fronts)[number]),
        idBackPhoto: fileMeta(FILES.backs[i] as (typeof FILES.backs)[number]),
      })),
      contributions: c.contributions.map((x) => ({
        shareholderName: x.name,
        subscribedCapital: x.amount,
        method: '货币',
        ratio: x.ratio,
        deadline: x.deadline,
      })),
      'materials.domicileProof': fileMeta(FILES.lease),
      'materials.articlesAccepted': '1',
      commitmentAccepted: '1',
    });
    expect(submission?.raw.qymc).toBe(c.companyName);
    expect(submission?.raw['ry[1][zjhm]']).toBe(c.members[1]?.idNumber);
    expect(submission?.requests.map((r) => r.path)).toEqual([
      '/apply/1',
      '/apply/2',
      '/apply/3',
      '/apply/4',
      '/apply/5',
    ]);
  });

  it('approves after the review delay with a valid credit code of the registrar, shown in 我的办件', async () => {
    await expect
      .poll(async () => (await submissions())[0]?.status, { timeout: 10_000, interval: 200 })
      .toBe('approved');
    const [approved] = await submissions();
    const code = String(approved?.receipt.creditCode);
    const check = validateCreditCode(code);
    expect(check.valid).toBe(true);
    expect(code.slice(0, 8)).toBe('91350603');
    expect(approved?.receipt.registrationAuthority).toBe('漳州市龙文区市场监督管理局');
    expect(approved?.receipt.establishedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(portals.shared.registry.lookup(code, 0)).toMatchObject({
      status: 'known',
      company: { name: REFERENCE_CASE.companyName },
    });
    await page.goto(`${url('market-regulation')}/query?bh=${firstReference}`);
    const row = page.locator(`tr[data-reference="${firstReference}"]`);
    expect(await row.locator('.k-status').textContent()).toBe('已核准');
    expect(await row.textContent()).toContain(`统一社会信用代码：${code}`);
  });

  it('files the same application again as a second submission: both in 我的办件 and in the control API', async () => {
    // A longer review this time, so the second filing is still under review at the restart below.
    await setFaults('market-regulation', { approvalDelayMs: 8_000 });
    const [first] = await submissions();
    // The applicant files again (as a bot retrying after a crash would): the same steps, the same bodies.
    await page.goto(`${url('market-regulation')}/apply/new`);
    for (const request of first?.requests ?? []) {
      const response = await postForm(page, `${url('market-regulation')}${request.path}`, request.body);
      expect(response.status(), await response.text()).toBe(303);
    }
    await expectFiledTwice(page, await submissions(), first, {
      number: (filing) => filing?.reference,
      queryUrl: `${url('market-regulation')}/query?qymc=${encodeURIComponent('云帆软件')}`,
    });
  });

  it('shows the busy page when a 5xx is injected, and bounces an idle session to the login page', async () => {
    await setFaults('market-regulation', { failNext: 1 });
    const busy = await page.goto(`${url('market-regulation')}/query`);
    expect(busy?.status()).toBe(503);
    expect(await page.locator('h1').textContent()).toBe('系统繁忙，请稍后再试');

    await setFaults('market-regulation', { sessionTimeoutMs: 300 });
    await setFaults('unified-login', { sessionTimeoutMs: 300 });
    await page.waitForTimeout(500);
    await page.goto(`${url('market-regulation')}/query`);
    expect(new URL(page.url()).origin).toBe(new URL(url('unified-login')).origin);
    expect(await page.locator('.k-alert--warning').textContent()).toBe('登录已超时，请重新登录');
    await setFaults('market-regulation', { sessionTimeoutMs: 600_000 });
    await setFaults('unified-login', { sessionTimeoutMs: 600_000 });
  });

  it('keeps submissions, approvals and the registry across a restart of the portals with DATA_DIR', async () => {
    const before = await submissions();
    expect(before.map((s) => s.status)).toEqual(['approved', 'reviewing']);
    await portals.stop();
    portals = await startPortals({ basePort: 0, dataDir, faults: { approvalDelayMs: 1500 } });
    const after = await submissions();
    expect(after.map((s) => [s.reference, s.status])).toEqual(before.map((s) => [s.reference, s.status]));
    const code = String(after[0]?.receipt.creditCode);
    expect(portals.shared.registry.lookup(code, 0).status).toBe('known');
    // The second filing was still under review when the portals stopped; the review goes on after the restart.
    await expect
      .poll(async () => (await submissions())[1]?.status, { timeout: 15_000, interval: 200 })
      .toBe('approved');
    await page.goto(`${url('market-regulation')}/query`);
    await logIn();
    await page.waitForURL(/\/query$/);
    expect(await page.locator('tr[data-reference]').count()).toBe(2);
  });
});
