/**
 * Screenshots of the clerk's screens (`docs/screenshots/web-clerk-*.png`) on a throwaway installation with
 * the real queue and scripted bots: the desk (desktop and phone), a review with unsure OCR readings beside
 * their photos, live progress with steps and elapsed times, a run's evidence and the 受理单.
 *
 *   YIJIAN_SCREENSHOTS=docs/screenshots CI=true npx vitest run test/server/screenshots-desk.test.ts
 *
 * (Through vitest, for the test store; skipped unless YIJIAN_SCREENSHOTS names the folder.)
 */
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { launchChromium, newChineseContext } from '../../bots/browser/launch.ts';
import type { Row } from '../../forms/index.ts';
import { refreshResolution } from '../../server/workspace/workspace.ts';
import { startTestBots, type TestBots } from './bots-harness.ts';
import { signIn } from './browser-sign-in.ts';
import { Client } from './client.ts';
import { startTestServer } from './harness.ts';
import { referenceIdCards } from './id-cards.ts';
import { fillWithUnsureReadings } from './unsure-readings.ts';

const folder = process.env.YIJIAN_SCREENSHOTS;

describe.skipIf(!folder)('screenshots of the clerk’s screens', () => {
  it('takes them', async () => {
    const out = resolve(folder ?? 'docs/screenshots');
    mkdirSync(out, { recursive: true });
    let bots: TestBots | undefined;
    const web = await startTestServer({
      bots: async (db, dataDir) => {
        bots = await startTestBots(db, dataDir);
        return bots;
      },
    });
    await web.addUser('clerk', 'clerk.longwen', 'Clerk-pass-1', { name: '王窗口', centreId: 'longwen' });
    const ids: string[] = [];
    const people: [string, string][] = [
      ['13805961234', '林志远'],
      ['13905961235', '陈晓梅'],
      ['18650123456', '黄思琪'],
    ];
    for (const [index, [login, name]] of people.entries()) {
      await web.addUser('applicant', login, 'Owner-pass-1', { name });
      const applicant = new Client(web.base);
      await applicant.login(login, 'Owner-pass-1');
      const id = (
        await applicant.sendJson('POST', '/api/applications', {
          bundleId: 'open-company',
          centreId: 'longwen',
        })
      ).json<{ id: string }>().id;
      await fillWithUnsureReadings(web, applicant, id);
      if (index === 0) {
        // The photo the clerk compares with: a real (synthetic) ID card in place of the plain test picture.
        const card = (await referenceIdCards())[1];
        const documents = await web.services.documents.list({ kind: 'all' }, id);
        const typed = (await web.services.applications.find({ kind: 'all' }, id))?.typed;
        const second = (typed?.persons as Row[] | undefined)?.[1]?.id;
        const front = documents.find((doc) => doc.material === 'idCardFront' && doc.subject === second);
        if (card && front) {
          await writeFile(join(web.dataDir, 'uploads', front.storageKey), card.jpeg);
          const result = front.ocrResult as { fields: Record<string, { box?: unknown }> };
          for (const field of Object.values(result.fields)) delete field.box;
          await web.services.documents.setOcr(front.id, { status: 'done', result });
          await refreshResolution(web.services, id);
        }
      }
      await applicant.sendJson('POST', `/api/applications/${id}/submit`);
      ids.push(id);
    }
    await web.store.db.query(
      `UPDATE applications SET submitted_at = now() - interval '5 days' WHERE id = $1`,
      [ids[2]],
    );

    const browser = await launchChromium();
    async function open(viewport = { width: 1280, height: 900 }): Promise<Page> {
      const context = await newChineseContext(browser, { viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      await signIn(page, web.base, 'clerk.longwen', 'Clerk-pass-1');
      return page;
    }
    const shot = (page: Page, name: string, fullPage = false) =>
      page.screenshot({ path: join(out, `web-clerk-${name}.png`), fullPage });

    const clerk = await open();
    await clerk.goto(`${web.base}/desk`);
    await shot(clerk, 'desk');
    const phone = await open({ width: 390, height: 844 });
    await phone.goto(`${web.base}/desk`);
    await shot(phone, 'desk-phone', true);

    await clerk.goto(`${web.base}/desk/applications/${ids[0]}`);
    await clerk.locator('#ocr-checks img').first().waitFor();
    await clerk.waitForLoadState('networkidle');
    await shot(clerk, 'review');
    await clerk.getByRole('button', { name: '已核对，确认以上内容' }).click();
    await clerk.waitForLoadState('load');
    if (bots) bots.runner.stepPauseMs = 3000;
    bots?.runner.slowSteps.set('business-registration', ['登录部门系统', '填写基本信息', '填写股东信息']);
    await clerk.getByRole('button', { name: '一键提交各部门' }).click();
    await clerk.locator('.item__step').getByText('第 2 步').waitFor({ timeout: 30_000 });
    await shot(clerk, 'progress');
    await clerk.locator('[data-item="business-registration"] .item__evidence').click();
    await clerk.getByRole('heading', { name: '步骤' }).waitFor();
    await shot(clerk, 'run');
    await clerk.goto(`${web.base}/desk/applications/${ids[0]}/slip`);
    await shot(clerk, 'slip', true);

    await browser.close();
    await web.close();
  }, 300_000);
});
