import type { Page } from 'playwright-core';
import type { Camera } from './camera.ts';
import type { Stage } from './stage.ts';

const card = (page: Page, itemId: string) => page.locator(`li[data-item="${itemId}"]`);

/** Opens an item's 取消或转人工 fold and writes the reason (the phone's picture is taken before acting). */
async function closingForm(page: Page, itemId: string, reason: string): Promise<void> {
  await card(page, itemId).locator('summary', { hasText: '取消或转人工' }).click();
  await card(page, itemId).getByLabel('原因（窗口人员会看到）').fill(reason);
  await card(page, itemId).scrollIntoViewIfNeeded();
}

/**
 * The admin's screens: the overview with its alerts, 取消 / 转人工 of an item, runs and a run's evidence,
 * the portals with their charts, the queue board, workers, users, ratings and the audit log.
 */
export async function shootAdmin(
  stage: Stage,
  camera: Camera,
  ids: { done: string; handed: string },
): Promise<void> {
  const { base } = stage;
  const reason = '部门要求补交纸质工资清单，请窗口人工报送';
  // 转人工 and 取消, the form filled in, then done on the desktop.
  for (const device of ['phone', 'desktop'] as const) {
    const page = await stage.page('admin', device);
    await page.goto(`${base}/desk/applications/${ids.handed}`);
    await closingForm(page, 'housing-fund', reason);
    await camera.shoot(page, 'admin-item-actions', device, { viewportOnly: true });
  }
  const admin = await stage.page('admin', 'desktop');
  await card(admin, 'housing-fund').getByRole('button', { name: '转人工办理' }).click();
  await admin.getByText('已转窗口人工办理，窗口人员会在办件页看到原因。').waitFor();
  await closingForm(admin, 'social-insurance', '申请人已在社保窗口现场办理，电话 18650123456');
  await card(admin, 'social-insurance').getByRole('button', { name: '取消办理' }).click();
  await admin.getByText('已取消该事项，机器人不会再办理。').waitFor();
  await camera.both('admin', `/desk/applications/${ids.handed}`, 'admin-items-closed');

  // A paused portal is an alert; the failures of the handed-over application are others.
  await stage.bots.queue.updateSettings('tax', { paused: true }, 'screenshots');
  await camera.both('admin', '/admin', 'admin-overview');
  await camera.both('admin', '/admin/runs', 'admin-runs');
  const [run] = await stage.bots.queue.runs({ applicationId: ids.done, portalId: 'public-security' });
  await camera.both('admin', `/admin/runs/${String(run?.id)}`, 'admin-run');
  await camera.both('admin', '/admin/portals', 'admin-portals');
  await camera.both('admin', '/admin/portals', 'admin-portal-charts', {
    viewportOnly: true,
    before: (page) => page.locator('.portal__charts').first().scrollIntoViewIfNeeded(),
  });
  await camera.both('admin', '/admin/queues', 'admin-queues', {
    viewportOnly: true,
    // The board is a page of its own that draws itself after loading.
    before: (page) => page.waitForTimeout(1500),
  });
  await camera.both('admin', '/admin/workers', 'admin-workers');
  await camera.both('admin', '/admin/users', 'admin-users', {
    before: (page) => page.locator('tr[data-login="clerk.longwen"] summary').first().click(),
  });
  await camera.both('admin', '/admin/ratings', 'admin-ratings');
  await camera.both('admin', '/admin/audit', 'admin-audit');
  await stage.bots.queue.updateSettings('tax', { paused: false }, 'screenshots');
}
