import type { Camera } from './camera.ts';
import type { Stage } from './stage.ts';

/**
 * The clerk's (窗口) screens: the desk, a review with unsure readings beside their photos, live progress, a
 * run's evidence, the 受理单, the ratings of their centre, and 人工办结 of an item an admin handed over
 * (with what the applicant reads meanwhile).
 */
export async function shootClerk(
  stage: Stage,
  camera: Camera,
  ids: { review: string; done: string; sms: string; handed: string },
): Promise<void> {
  const { base } = stage;
  await camera.both('clerk', '/desk?status=all', 'clerk-desk');
  await camera.both('clerk', `/desk/applications/${ids.review}`, 'clerk-review', {
    before: async (page) => {
      await page.locator('#ocr-checks img').first().waitFor();
      await page.waitForLoadState('networkidle');
    },
  });
  await camera.both('clerk', `/desk/applications/${ids.sms}`, 'clerk-progress');
  const [run] = await stage.bots.queue.runs({ applicationId: ids.done, portalId: 'public-security' });
  await camera.both('clerk', `/desk/applications/${ids.done}/runs/${String(run?.id)}`, 'clerk-run');
  await camera.both('clerk', `/desk/applications/${ids.done}/slip`, 'clerk-slip');
  await camera.both('clerk', '/desk/ratings', 'clerk-ratings');

  // 人工办结: the item the admin handed over, its form open; the applicant is told it is at the counter.
  await camera.both('third', `/my/applications/${ids.handed}`, 'applicant-handed-over', {
    before: (page) => page.locator('li[data-item="housing-fund"]').scrollIntoViewIfNeeded(),
  });
  for (const device of ['phone', 'desktop'] as const) {
    const page = await stage.page('clerk', device);
    await page.goto(`${base}/desk/applications/${ids.handed}`);
    const fund = page.locator('li[data-item="housing-fund"]');
    await fund.locator('summary', { hasText: '登记人工办结' }).click();
    await fund.getByLabel('办理情况').fill('已在公积金中心窗口报送纸质工资清单并开户');
    await fund.getByLabel('部门办件编号').fill('GJJ-2026-0815');
    await fund.getByLabel('单位公积金账号').fill('350600123456');
    await fund.scrollIntoViewIfNeeded();
    await camera.shoot(page, 'clerk-by-hand', device, { viewportOnly: true });
  }
  const clerk = await stage.page('clerk', 'desktop');
  await clerk.locator('li[data-item="housing-fund"]').getByRole('button', { name: '登记人工办结' }).click();
  await clerk.getByText('已登记人工办结。').waitFor();
  await camera.both('clerk', `/desk/applications/${ids.handed}`, 'clerk-by-hand-done', {
    before: (page) => page.locator('li[data-item="housing-fund"]').scrollIntoViewIfNeeded(),
  });
}
