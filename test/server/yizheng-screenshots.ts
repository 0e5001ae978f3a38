/**
 * Pictures of the 一证 for docs/yizheng.md, on a throwaway installation: a finished 开餐饮店 application
 * (item rows as the queue stores them), its 行业综合许可证 downloaded as its applicant would and rendered with
 * pdftoppm, the public verification page its QR code opens, in Chromium, and a finished 开办企业's 办结通知书
 * and progress page (each receipt in words, with its next step).
 *
 *   npx tsx test/server/yizheng-screenshots.ts [folder]      (default docs/screenshots)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, newChineseContext } from '../../bots/browser/launch.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { applicationItems } from '../../store/application-items.repo.ts';
import { LicencesRepo } from '../../store/licences.repo.ts';
import { Client } from './client.ts';
import { COMPANY_ROWS, PERMIT_ROWS, type StoredItems } from './finished-items.ts';
import { pdfPng } from './pdf-text.ts';
import { screenshotFolder, startThrowawayInstallation } from './throwaway-installation.ts';

const out = screenshotFolder();
// Nothing is queued: the bots' port only reads the item rows for the progress page.
const { db, services, base, close } = await startThrowawayInstallation('yizheng');
await services.users.upsertCentre({ id: 'longwen', name: '漳州市龙文区政务服务中心' });
await services.users.create({
  role: 'applicant',
  login: '13805961234',
  displayName: '林志远',
  passwordHash: await hashPassword('Owner-pass-1', 1024),
  centreId: null,
});
const applicant = new Client(base);
await applicant.login('13805961234', 'Owner-pass-1');

const person = { id: 'p1', name: '林志远', idNumber: '350603198506120316', mobile: '13805961234' };
async function finished(
  bundleId: string,
  typed: Record<string, unknown>,
  rows: StoredItems,
): Promise<string> {
  const { id } = (
    await applicant.sendJson('POST', '/api/applications', { bundleId, centreId: 'longwen' })
  ).json<{
    id: string;
  }>();
  await db.query(`UPDATE applications SET typed_values = $2::jsonb, status = 'completed' WHERE id = $1`, [
    id,
    JSON.stringify(typed),
  ]);
  await applicationItems.ensure(db, id, Object.keys(rows));
  for (const [itemId, row] of Object.entries(rows)) {
    await applicationItems.recordResult(db, { applicationId: id, itemId, status: 'done', ...row });
  }
  return id;
}

const restaurant = await finished(
  'open-restaurant',
  {
    'company.name': '漳州市龙文区味道餐饮有限公司',
    'company.creditCode': '91350603MA0044EF1P',
    'company.domicile.region': '350603',
    'company.domicile.detail': '建元路2号101室',
    'company.businessAddress.sameAsDomicile': '1',
    persons: [{ ...person, roles: ['法定代表人', '联络员', '食品安全管理员'] }],
  },
  PERMIT_ROWS,
);
const licence = await applicant.get(`/my/applications/${restaurant}/licence.pdf`);
writeFileSync(join(out, 'yizheng-licence.png'), pdfPng(licence.bytes, 110));
process.stdout.write('yizheng-licence.png\n');

const company = await finished(
  'open-company',
  {
    'company.name': '漳州云启软件科技有限公司',
    'company.domicile.region': '350603',
    'company.domicile.detail': '建元东路2号',
    persons: [{ ...person, roles: ['股东', '法定代表人', '联络员'] }],
  },
  COMPANY_ROWS,
);
const notice = await applicant.get(`/my/applications/${company}/notice.pdf`);
writeFileSync(join(out, 'yizheng-notice.png'), pdfPng(notice.bytes, 90));
process.stdout.write('yizheng-notice.png\n');

const { token } = (await new LicencesRepo(db).find({ kind: 'all' }, restaurant)) ?? { token: '' };
const browser = await launchChromium();
const page = await (await newChineseContext(browser, { viewport: { width: 1100, height: 860 } })).newPage();
await page.goto(`${base}/verify/${token}`);
await page.screenshot({ path: join(out, 'verify-page.png'), fullPage: true });
process.stdout.write('verify-page.png\n');

await page.goto(`${base}/login`);
await page.getByLabel('手机号或用户名').fill('13805961234');
await page.getByLabel('密码').fill('Owner-pass-1');
await page.getByRole('button', { name: '登录' }).click();
await page.waitForLoadState('load');
await page.goto(`${base}/my/applications/${company}`);
await page.screenshot({ path: join(out, 'yizheng-progress.png'), fullPage: true });
process.stdout.write('yizheng-progress.png\n');

await browser.close();
await close();
