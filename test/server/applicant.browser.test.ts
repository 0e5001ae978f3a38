import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newChineseContext } from '../../bots/browser/launch.ts';
import { createOcrService, type OcrService } from '../../ocr/service.ts';
import { askForRegistrationCode } from './browser-sign-in.ts';
import { Client } from './client.ts';
import { jpeg, pdf } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { type ReferenceCard, referenceIdCards } from './id-cards.ts';
import { smsCodeFor } from './register.ts';

const SCRIPT = '<script>alert("x")</script>';

/**
 * The applicant's whole path in real Chromium, with real OCR: register, choose 开办企业, upload the three
 * reference ID cards and watch them being read (live updates), give roles, confirm the prefilled merged
 * form, complete it, submit; then a clerk of the centre opens it and sends it back, and the applicant sees why.
 */
describe('applicant path in Chromium', () => {
  let web: TestServer;
  let browser: Browser;
  let ocr: Promise<OcrService> | undefined;
  let cards: ReferenceCard[];
  const dialogs: string[] = [];

  beforeAll(async () => {
    // As `yijian server` does: a start that failed (a slow machine) is tried again on the next use.
    web = await startTestServer({
      ocr: () =>
        (ocr ??= createOcrService({ workers: 1, startupTimeoutMs: 60_000 }).catch((error: unknown) => {
          ocr = undefined;
          throw error;
        })),
    });
    await web.addUser('clerk', 'clerk.longwen', 'Clerk-pass-1', { name: '王窗口', centreId: 'longwen' });
    [browser, cards] = await Promise.all([launchChromium(), referenceIdCards()]);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await (await ocr)?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await newChineseContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    return page;
  }

  it('goes from registration to a submitted application, the form prefilled from the ID cards', async () => {
    const page = await newPage();
    await askForRegistrationCode(page, web.base, {
      name: '林志远',
      phone: '13805961234',
      password: 'Window-pass-7',
    });
    await page.getByText('验证码已发送至 138****1234').waitFor();
    await page.getByLabel('短信验证码').fill(smsCodeFor(web, '13805961234'));
    await page.getByRole('button', { name: '验证并完成注册' }).click();
    await expect.poll(() => page.url()).toContain('/my');
    await page.getByText('138****1234').waitFor();

    await page.getByRole('link', { name: '新办一件事' }).first().click();
    expect(await page.getByRole('radio', { name: /开办企业/ }).isChecked()).toBe(true);
    await page.getByLabel('办理的服务中心').selectOption({ label: '龙文区政务服务中心' });
    await page.getByRole('button', { name: '下一步：上传材料' }).click();
    await page.waitForURL('**/materials');

    // Each file is sent as soon as it is chosen and the page is patched in place (no navigation): the card
    // says 「正在识别…」 at once, then shows what was read beside its crop from the photo.
    const upload = async (selector: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/documents')),
        page.setInputFiles(selector, file),
      ]);
      await response.finished();
      await page.locator('.upload--busy').waitFor({ state: 'detached' });
    };
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    const readMs: number[] = [];
    for (const [index, card] of cards.entries()) {
      await upload('#file-idCardFront', {
        name: `${card.truth.name}身份证.jpg`,
        mimeType: 'image/jpeg',
        buffer: card.jpeg,
      });
      const uploaded = Date.now();
      await page
        .waitForFunction((n) => document.querySelectorAll('[data-readings]').length >= n, index + 1, {
          polling: 'raf',
          timeout: 60_000,
        })
        .catch(async (error: Error) => {
          // Slow or failed OCR, or a page that did not swap a reading in: the statuses tell which.
          const shown = await page
            .locator('[data-document]')
            .evaluateAll((docs) => docs.map((doc) => doc.getAttribute('data-ocr')));
          const id = /applications\/([0-9a-f-]+)\//.exec(page.url())?.[1] ?? '';
          const stored = (await web.services.documents.list({ kind: 'all' }, id)).map((d) => d.ocrStatus);
          throw new Error(
            `${error.message}\nOCR on screen: ${shown.join(', ')}; stored: ${stored.join(', ')}`,
          );
        });
      readMs.push(Date.now() - uploaded);
    }
    // The figure of issue #19 (upload finished → values shown), recorded, not asserted: it depends on load.
    console.log(`upload finished → values shown (ms): ${readMs.join(', ')}`);
    expect(navigations).toEqual([]);
    expect(await page.locator('.doc__ocr--done').count()).toBe(3);
    for (const card of cards) await page.locator('.person__name', { hasText: card.truth.name }).waitFor();
    const metrics = await (await fetch(`${web.base}/metrics`)).text();
    expect(metrics).toMatch(/yijian_ocr_seconds_count\{outcome="done"\} 3/);
    if (process.env.UPDATE_SCREENSHOTS) {
      const shots = new URL('../../docs/screenshots/', import.meta.url);
      await page.locator('[data-readings]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: new URL('web-applicant-readings.png', shots).pathname });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('[data-readings]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: new URL('web-applicant-readings-phone.png', shots).pathname });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    // Every read value sits beside its crop, cut from the photo by the server.
    const crop = page.locator('[data-readings] [data-reading="name"] img.reading__crop').first();
    await expect
      .poll(() => crop.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(20);

    // Ticks are saved as they change: no save button, straight on to 下一步.
    const roles = [['股东', '法定代表人', '执行董事', '经理', '联络员'], ['股东', '监事'], ['财务负责人']];
    for (const [index, list] of roles.entries()) {
      const person = page.locator('[data-person-roles]').nth(index);
      for (const role of list) await person.getByLabel(role, { exact: true }).check();
    }
    await page.getByText('职务已保存').waitFor();
    // Each file is on screen, in its place, before the next is chosen (as a person sees it).
    for (const person of ['p1', 'p2', 'p3']) {
      await upload(`#file-idCardBack-${person}`, {
        name: '反面.jpg',
        mimeType: 'image/jpeg',
        buffer: cards[0]?.jpeg ?? Buffer.alloc(0),
      });
      await page.locator(`#idCardBack-${person} [data-document]`).waitFor();
    }
    await upload('#file-domicileProof', {
      name: '租赁合同.pdf',
      mimeType: 'application/pdf',
      buffer: pdf(),
    });
    await page.locator('#domicileProof [data-document]').waitFor();
    await page.getByText('必传材料 3/3').waitFor();
    const [draft] = await web.services.applications.list({ kind: 'all' });
    const savedRoles = ((draft?.typed.persons ?? []) as { roles?: string[] }[]).map((p) => p.roles ?? []);
    expect(savedRoles).toEqual(roles);

    await page.getByRole('button', { name: '下一步：确认表单' }).click();
    await page.waitForURL('**/form');
    // Prefilled from the ID cards and marked so.
    const person1 = page.locator('#slot-persons-0--name');
    expect(await person1.locator('input').inputValue()).toBe('林志远');
    expect((await person1.locator('.src').textContent())?.trim()).toBe('证照识别');
    expect(await page.locator('#slot-persons-0--idNumber input').inputValue()).toBe('350603198506120316');
    expect((await page.locator('#slot-persons-0--gender .src').textContent())?.trim()).toBe('自动推导');
    // Whatever OCR was unsure of is corrected to what the cards say (the applicant checks each highlighted one);
    // values read for sure are folded away, and opened only when one needs changing.
    const reveal = (locator: ReturnType<Page['locator']>) =>
      locator.evaluate((element) => element.closest('details')?.setAttribute('open', ''));
    for (const [index, card] of cards.entries()) {
      const slot = (name: string) => page.locator(`#slot-persons-${index}--${name}`);
      for (const [name, truth] of [
        ['name', card.truth.name],
        ['idNumber', card.truth.idNumber],
        ['address', card.truth.address],
      ] as const) {
        if ((await slot(name).locator('input').inputValue()) !== truth) {
          await reveal(slot(name));
          await slot(name).locator('input').fill(truth);
        }
      }
      const ethnicity = slot('ethnicity').locator('select');
      if ((await ethnicity.locator('option:checked').textContent())?.trim() !== card.truth.ethnicity) {
        await reveal(slot('ethnicity'));
        await ethnicity.selectOption({ label: card.truth.ethnicity });
      }
    }

    await page.locator('#slot-company-name input').fill('漳州云启软件科技有限公司');
    await page.locator('#slot-company-type select').selectOption('1130');
    await page.locator('#slot-company-registeredCapital input').fill('100');
    await page.locator('#slot-company-employees input').fill('8');
    await page.locator('#slot-company-domicile-region-input-city').selectOption('漳州市');
    await page.locator('#slot-company-domicile-region-input-district').selectOption('350603');
    await page
      .locator('#slot-company-domicile-detail input')
      .fill(`漳州市龙文区朝阳北路1号3幢501室${SCRIPT}`);
    await page.locator('#slot-scope-0--code .picker__search').fill('软件开发');
    await page.locator('#slot-scope-0--code .picker__search').press('Enter');
    for (const [index, mobile] of ['13805961234', '13959612345', '18650123456'].entries()) {
      await page.locator(`#slot-persons-${index}--mobile input`).fill(mobile);
    }
    await page.locator('#slot-bank-bank select').selectOption('中国工商银行');
    await page.locator('#slot-fund-monthlyWageBase input').fill('48000');
    await page.locator('#slot-fund-payday input').fill('15');
    await page.locator('#slot-declarations-accepted input[type=checkbox]').check();
    // The shareholders' rows follow from the roles just given; their ratios are typed.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/saved=1/);
    await page.getByText('草稿已保存。').waitFor();
    await page.locator('#slot-shareholders-0--ratio input').fill('60');
    await page.locator('#slot-shareholders-1--ratio input').fill('40');
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL(/\/my\/applications\/[0-9a-f-]+$/);
    await page.getByText('申请已提交，正在等待窗口工作人员审核').waitFor();
    expect((await page.locator('.app-head .badge').textContent())?.trim()).toBe('待审核');

    const [application] = await web.services.applications.list({ kind: 'all' });
    expect(application?.status).toBe('submitted');
    expect(application?.title).toBe('漳州云启软件科技有限公司');
    expect(application?.sources['persons[0].idNumber']).toMatchObject({ source: 'ocr' });
    expect(application?.sources['persons[0].gender']).toEqual({ source: 'derived' });
    expect(application?.values['company.domicile.detail']).toBe(`漳州市龙文区朝阳北路1号3幢501室${SCRIPT}`);
    // No script typed into a field ever ran (it would have opened an alert).
    expect(dialogs).toEqual([]);
  }, 150_000);

  it('shows the clerk the application with script as text, and the reason it was sent back to the applicant', async () => {
    const clerk = await newPage();
    await clerk.goto(`${web.base}/login`);
    await clerk.getByLabel('手机号或用户名').fill('clerk.longwen');
    await clerk.getByLabel('密码').fill('Clerk-pass-1');
    await clerk.getByRole('button', { name: '登录' }).click();
    await clerk.getByRole('link', { name: '审核', exact: true }).click();
    await clerk
      .locator('#slot-company-domicile-detail')
      .getByText(`漳州市龙文区朝阳北路1号3幢501室${SCRIPT}`)
      .waitFor();
    await clerk.getByLabel('退回原因').fill(`住所证明不清晰，请重新上传${SCRIPT}`);
    await clerk.getByRole('button', { name: '退回申请人' }).click();
    expect((await clerk.locator('.app-head .badge').textContent())?.trim()).toBe('退回修改');
    expect(dialogs).toEqual([]);

    const applicant = await newPage();
    await applicant.goto(`${web.base}/login`);
    await applicant.getByLabel('手机号或用户名').fill('13805961234');
    await applicant.getByLabel('密码').fill('Window-pass-7');
    await applicant.getByRole('button', { name: '登录' }).click();
    await applicant.locator('.app-item__link').first().click();
    await applicant.getByText(`住所证明不清晰，请重新上传${SCRIPT}`).first().waitFor();
    expect(dialogs).toEqual([]);
  }, 60_000);

  it('sends a file chosen while a document landing elsewhere swapped the page under the file chooser', async () => {
    await web.addUser('applicant', '13905960001', 'Owner-pass-2', { name: '陈一鸣' });
    const client = new Client(web.base);
    await client.login('13905960001', 'Owner-pass-2');
    const id = await client.newApplication();
    const page = await newPage();
    await page.goto(`${web.base}/login`);
    await page.getByLabel('手机号或用户名').fill('13905960001');
    await page.getByLabel('密码').fill('Owner-pass-2');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/my');
    await page.goto(`${web.base}/my/applications/${id}/materials`);
    // The person opens the file chooser of 住所证明: the input their file will be given to.
    const input = await page.locator('#file-domicileProof').elementHandle();
    // Meanwhile a document uploaded from another device lands, and the page swaps it in live.
    const other = await client.upload(
      `/api/applications/${id}/documents`,
      { material: 'domicileProof' },
      { name: '产权证明.jpg', content: await jpeg(200, 120) },
      { csrf: 'header' },
    );
    expect(other.status).toBe(201);
    await page.locator('#domicileProof .doc__name', { hasText: '产权证明.jpg' }).waitFor();
    expect(await input?.evaluate((element) => element.isConnected)).toBe(false);
    // The chooser closes: the browser gives the file to the input it opened from, now out of the page.
    await input?.setInputFiles({ name: '租赁合同.pdf', mimeType: 'application/pdf', buffer: pdf() });
    await page.locator('#domicileProof .doc__name', { hasText: '租赁合同.pdf' }).waitFor();
    const documents = await web.services.documents.list({ kind: 'all' }, id);
    expect(documents.map((d) => d.fileName).sort()).toEqual(['产权证明.jpg', '租赁合同.pdf']);
  }, 60_000);
});
