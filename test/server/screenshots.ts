import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newChineseContext } from '../../bots/browser/launch.ts';
import { createOcrService, type OcrService } from '../../ocr/service.ts';
import { seedDemoAccounts } from '../../server/accounts.ts';
import { bridgeQueueEvents } from '../../server/events/queue-bridge.ts';
import { SMS_CODE } from './bots-harness.ts';
import { signIn } from './browser-sign-in.ts';
import { pdf } from './fixtures.ts';
import { referenceIdCards } from './id-cards.ts';
import { screenshotFolder, startThrowawayInstallation } from './throwaway-installation.ts';

const out = screenshotFolder();
let ocr: Promise<OcrService> | undefined;
const { db, dataDir, bots, services, base, close } = await startThrowawayInstallation('shots', (bots) => ({
  boardQueues: bots.queues,
  ocr: () => (ocr ??= createOcrService({ workers: 1 })),
}));
const stopBridge = await bridgeQueueEvents({
  redisUrl: bots.redisUrl,
  hub: services.events,
  applications: services.applications,
  logger: services.logger,
});
const accounts = await seedDemoAccounts(db, dataDir, 1024);
const login = (role: string) =>
  accounts.find((account) => account.role === role) ?? { login: '', password: '' };

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const browser: Browser = await launchChromium();

async function open(role: string, viewport = DESKTOP): Promise<Page> {
  const context = await newChineseContext(browser, {
    viewport,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, base, login(role).login, login(role).password);
  return page;
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('load');
  await page.screenshot({ path: join(out, `web-${name}.png`), fullPage });
  process.stdout.write(`web-${name}.png\n`);
}

// Visitors and sign-in.
const visitor = await (await newChineseContext(browser, { viewport: DESKTOP })).newPage();
await visitor.goto(base);
await shot(visitor, 'home');

// The applicant, on a phone: choose, upload three ID cards, watch them read, give roles.
const applicant = await open('applicant', PHONE);
await applicant.getByRole('link', { name: '新办一件事' }).first().click();
await shot(applicant, 'applicant-new-phone', true);
await applicant.getByRole('button', { name: '下一步：上传材料' }).click();
for (const card of await referenceIdCards()) {
  await applicant.setInputFiles('#file-idCardFront', {
    name: `${card.truth.name}身份证.jpg`,
    mimeType: 'image/jpeg',
    buffer: card.jpeg,
  });
  // Sent in place (static/materials.js): wait for the answer to be swapped in.
  await applicant.locator('.upload--busy').waitFor({ state: 'detached' });
}
await services.reader?.settled();
await applicant.reload();
const roles = [['股东', '法定代表人', '执行董事', '经理', '联络员'], ['股东', '监事'], ['财务负责人']];
for (const [index, list] of roles.entries()) {
  const person = applicant.locator('[data-person-roles]').nth(index);
  for (const role of list) await person.getByLabel(role, { exact: true }).check();
}
await applicant.getByText('职务已保存').waitFor();
for (const person of ['p1', 'p2', 'p3']) {
  await applicant.setInputFiles(`#file-idCardBack-${person}`, {
    name: '反面.jpg',
    mimeType: 'image/jpeg',
    buffer: (await referenceIdCards())[0]?.jpeg ?? Buffer.alloc(0),
  });
  await applicant.locator('.upload--busy').waitFor({ state: 'detached' });
}
await applicant.setInputFiles('#file-domicileProof', {
  name: '房屋租赁合同.pdf',
  mimeType: 'application/pdf',
  buffer: pdf(),
});
await applicant.locator('.upload--busy').waitFor({ state: 'detached' });
await shot(applicant, 'applicant-materials-phone', true);

// The merged form on a desktop: prefilled, then completed and submitted.
const desk = await open('applicant');
const [application] = await services.applications.list({ kind: 'all' });
const id = application?.id ?? '';
await desk.goto(`${base}/my/applications/${id}/form`);
await shot(desk, 'applicant-form');
// The sticky save bar would cover part of a section's picture.
await desk.evaluate(() => {
  const bar = document.querySelector<HTMLElement>('.actions--sticky');
  if (bar) bar.style.position = 'static';
});
await desk.locator('#section-persons').screenshot({ path: join(out, 'web-applicant-form-persons.png') });
// Values read for sure and optional ones are folded on the applicant's form: open everything to type.
await desk.evaluate(() => {
  for (const details of document.querySelectorAll('details')) details.setAttribute('open', '');
});
const fill = async (slot: string, value: string) => desk.locator(`#slot-${slot} input`).fill(value);
const pick = async (slot: string, value: string) => desk.locator(`#slot-${slot} select`).selectOption(value);
for (const [index, card] of (await referenceIdCards()).entries()) {
  await fill(`persons-${index}--name`, card.truth.name);
  await fill(`persons-${index}--idNumber`, card.truth.idNumber);
  await fill(`persons-${index}--address`, card.truth.address);
  await desk
    .locator(`#slot-persons-${index}--ethnicity select`)
    .selectOption({ label: card.truth.ethnicity });
  await fill(`persons-${index}--mobile`, ['13805961234', '13959612345', '18650123456'][index] ?? '');
}
await fill('company-name', '漳州云启软件科技有限公司');
await pick('company-type', '1130');
await fill('company-registeredCapital', '100');
await fill('company-employees', '8');
await desk.locator('#slot-company-domicile-region-input-city').selectOption('漳州市');
await desk.locator('#slot-company-domicile-region-input-district').selectOption('350603');
await fill('company-domicile-detail', '漳州市龙文区朝阳北路1号3幢501室');
await desk.locator('#slot-scope-0--code .picker__search').fill('软件开发');
await desk.locator('#slot-scope-0--code .picker__search').press('Enter');
await pick('bank-bank', '中国工商银行');
await fill('fund-monthlyWageBase', '48000');
await fill('fund-payday', '15');
await desk.locator('#slot-declarations-accepted input[type=checkbox]').check();
await desk.getByRole('button', { name: '保存草稿' }).click();
await desk.waitForURL(/saved=1/);
await fill('shareholders-0--ratio', '60');
await fill('shareholders-1--ratio', '40');
await desk.getByRole('button', { name: '保存并提交审核' }).click();
await desk.waitForURL(/applications\/[0-9a-f-]+$/);

// The clerk reviews and presses one key; the applicant answers the seal portal's SMS code.
const clerk = await open('clerk');
await shot(clerk, 'clerk-desk');
await clerk.getByRole('link', { name: '审核', exact: true }).click();
await shot(clerk, 'clerk-review');
await clerk.getByRole('button', { name: '一键提交各部门' }).click();
await applicant.goto(`${base}/my/applications/${id}`);
await applicant.getByLabel('短信验证码').waitFor({ timeout: 30_000 });
await clerk.reload();
await shot(clerk, 'clerk-progress');
await shot(applicant, 'applicant-sms-phone', true);
await applicant.getByLabel('短信验证码').fill(SMS_CODE);
await applicant.getByRole('button', { name: '提交', exact: true }).click();
await clerk.getByText('已办结 7/7').waitFor({ timeout: 30_000 });
await desk.goto(`${base}/my/applications/${id}`);
await desk.locator('.alert').getByText('全部事项已办结').waitFor({ timeout: 30_000 });
await shot(desk, 'applicant-completed');

// The admin.
const admin = await open('admin');
await admin.goto(`${base}/admin/runs`);
await shot(admin, 'admin-runs');
await admin.getByRole('link', { name: '证据' }).first().click();
await shot(admin, 'admin-run');
await admin.goto(`${base}/admin/portals`);
await shot(admin, 'admin-portals');
await admin.goto(`${base}/admin/audit`);
await shot(admin, 'admin-audit');
await admin.goto(`${base}/admin/workers`);
await shot(admin, 'admin-workers');
await admin.goto(`${base}/admin/users`);
await admin.locator('tr[data-login="demo.clerk"] summary').click();
await shot(admin, 'admin-users');

await browser.close();
stopBridge && (await stopBridge());
services.depthHistory?.stop();
services.events.disconnectAll();
await close();
await (await ocr)?.close();
process.exit(0);
