import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { until } from './bots-harness.ts';
import { signInPage } from './browser-sign-in.ts';
import { Client } from './client.ts';
import { jpeg, pdf } from './fixtures.ts';
import { serverInChromium } from './server-in-chromium.ts';

/**
 * Issue 19's review of 上传材料 (server/static/materials.js): two files chosen one right after the other are
 * both stored and both shown. The answer of one upload is never swapped in while the other is still being
 * sent (that would put a page over the busy card), and whichever answer lands last wins — a reading or a
 * document it does not show yet still comes through. The answers are held back in the browser (route) to
 * make each order happen for sure.
 */
describe('two quick uploads on the materials page, in Chromium', () => {
  const { web, browser, contexts } = serverInChromium({
    setUp: async (web) => {
      await web.addUser('applicant', '13905960002', 'Owner-pass-2', { name: '陈二鸣' });
    },
  });

  /** A new application's materials page, with each upload's answer held until its file's gate opens. */
  async function materialsPage(gates: Record<string, Promise<void>>): Promise<{ page: Page; id: string }> {
    const client = new Client(web.base);
    await client.login('13905960002', 'Owner-pass-2');
    const id = await client.newApplication();
    const page = await signInPage(browser, contexts, web.base, '13905960002', 'Owner-pass-2');
    await page.route(
      (url) => url.pathname.endsWith('/documents'),
      async (route: Route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const body = route.request().postDataBuffer()?.toString('utf8') ?? '';
        // The server stores the file and renders its answer now; the page gets the answer when the gate opens.
        const response = await route.fetch();
        const gate = Object.entries(gates).find(([name]) => body.includes(name))?.[1];
        await gate;
        await route.fulfill({ response });
      },
    );
    await page.goto(`${web.base}/my/applications/${id}/materials`);
    return { page, id };
  }

  const stored = async (id: string) =>
    (await web.services.documents.list({ kind: 'all' }, id)).map((doc) => doc.fileName).sort();
  const shown = (page: Page, slot: string, name: string) =>
    page.locator(`#${slot} .doc__name`, { hasText: name }).waitFor();

  /**
   * A materials page whose answer to 身份证正面.jpg is held until `openSecond`, and whose answer to the contract
   * is held until the ID card's upload has been sent (so it lands while that one is in flight, however slow the
   * machine); `answered` counts answers.
   */
  async function secondHeld() {
    let openSecond = () => {};
    const second = new Promise<void>((resolve) => {
      openSecond = resolve;
    });
    let secondSent = () => {};
    const first = new Promise<void>((resolve) => {
      secondSent = resolve;
    });
    const { page, id } = await materialsPage({
      '身份证正面.jpg': second,
      '租赁合同.pdf': first,
      '假合同.pdf': first,
    });
    page.on('request', (request) => {
      const body = request.postDataBuffer()?.toString('utf8') ?? '';
      if (request.method() === 'POST' && body.includes('身份证正面.jpg')) secondSent();
    });
    let answered = 0;
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith('/documents')) answered += 1;
    });
    return { page, id, openSecond, answered: () => answered };
  }

  it('holds the first answer while the second file is still being sent, then shows both', async () => {
    const { page, id, openSecond, answered } = await secondHeld();
    await page.setInputFiles('#file-domicileProof', {
      name: '租赁合同.pdf',
      mimeType: 'application/pdf',
      buffer: pdf(),
    });
    await page.setInputFiles('#file-idCardFront', {
      name: '身份证正面.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg(320, 200),
    });
    // The first answer has reached the page while the second is held: nothing is swapped under it.
    await until(
      () => stored(id),
      (names) => answered() === 1 && names.length === 2,
    );
    await page.waitForTimeout(300);
    const busy = page.locator('#idCardFront form.upload--busy');
    expect(await busy.count()).toBe(1);
    expect(await busy.locator('.upload__pick').textContent()).toContain('正在上传 身份证正面.jpg');
    expect(await page.locator('#domicileProof .upload__pick').textContent()).toContain(
      '已上传 租赁合同.pdf，其他文件上传完后一并显示',
    );

    openSecond();
    await shown(page, 'persons', '身份证正面.jpg');
    await shown(page, 'domicileProof', '租赁合同.pdf');
    expect(await page.locator('form.upload--busy').count()).toBe(0);
    expect(await stored(id)).toEqual(['租赁合同.pdf', '身份证正面.jpg'].sort());
  });

  it('never says 已上传 for a refused upload, and keeps its error when a later answer lands', async () => {
    const { page, id, openSecond, answered } = await secondHeld();
    // Not a PDF inside: the server refuses it (415) with the error beside the field.
    await page.setInputFiles('#file-domicileProof', {
      name: '假合同.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('这不是 PDF 文件'),
    });
    await page.setInputFiles('#file-idCardFront', {
      name: '身份证正面.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg(320, 200),
    });
    await until(
      async () => answered(),
      (count) => count === 1,
    );
    const card = page.locator('#domicileProof form[data-upload]');
    await card.locator('.field__error', { hasText: '文件内容不是' }).waitFor();
    expect(await card.locator('.upload__pick').textContent()).not.toContain('已上传');

    openSecond();
    await shown(page, 'persons', '身份证正面.jpg');
    expect(await page.locator('form.upload--busy').count()).toBe(0);
    expect(await card.locator('.field__error').textContent()).toContain('文件内容不是');
    expect(await card.locator('.upload__pick').textContent()).not.toContain('已上传');
    expect(await stored(id)).toEqual(['身份证正面.jpg']);
  });

  it('keeps the second file on screen when the first upload’s older answer lands last', async () => {
    let openFirst = () => {};
    const first = new Promise<void>((resolve) => {
      openFirst = resolve;
    });
    const { page, id } = await materialsPage({ '营业场所.pdf': first });
    await page.setInputFiles('#file-domicileProof', {
      name: '营业场所.pdf',
      mimeType: 'application/pdf',
      buffer: pdf(),
    });
    // Stored and answered by the server before the second file is even chosen: that answer cannot show it.
    await until(
      () => stored(id),
      (names) => names.length === 1,
    );
    await page.setInputFiles('#file-idCardFront', {
      name: '法人身份证.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg(320, 200),
    });
    await until(
      () => stored(id),
      (names) => names.length === 2,
    );
    await page.waitForTimeout(300);
    // The second answer waits for the first, still being sent.
    expect(await page.locator('#domicileProof form.upload--busy').count()).toBe(1);
    openFirst();
    await shown(page, 'domicileProof', '营业场所.pdf');
    await shown(page, 'persons', '法人身份证.jpg');
    expect(await page.locator('form.upload--busy').count()).toBe(0);
  });
});
