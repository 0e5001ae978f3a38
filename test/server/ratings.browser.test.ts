import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RatingsRepo } from '../../store/ratings.repo.ts';
import { signInPage } from './browser-sign-in.ts';
import { Client } from './client.ts';
import { serverInChromium } from './server-in-chromium.ts';

/**
 * Issue 19, 好差评: the applicant rates a finished application in Chromium (nothing preselected, a reason
 * required below 满意, a confirmation before it is stored), then the clerk who accepted it reads it on their
 * ratings page and the admin reads every centre's, counted per level, with the reasons and a link to each
 * application. A phone number typed into a comment is masked on the staff pages.
 */
describe('好差评 from the applicant to the clerk and the admin', () => {
  const ids: Record<'slow' | 'unclear' | 'praised', string> = { slow: '', unclear: '', praised: '' };
  const refs: Record<string, string> = {};
  let clerkId = '';
  let applicantId = '';

  /** A finished application of `centreId`, accepted (一键提交) by `acceptedBy`: the state a rating needs. */
  async function finished(client: Client, centreId: string, title: string, acceptedBy: string) {
    const { id } = (
      await client.sendJson('POST', '/api/applications', { bundleId: 'open-company', centreId })
    ).json<{ id: string }>();
    await web.store.db.query(`UPDATE applications SET status = 'completed', title = $2 WHERE id = $1`, [
      id,
      title,
    ]);
    await web.store.db.query(
      `INSERT INTO application_status_history (application_id, from_status, to_status, actor_id, actor_role, reason)
       VALUES ($1, 'submitted', 'processing', $2, 'clerk', '一键提交各部门')`,
      [id, acceptedBy],
    );
    const [row] = await web.store.db.query<{ reference: string }>(
      'SELECT reference FROM applications WHERE id = $1',
      [id],
    );
    refs[id] = row?.reference ?? '';
    return id;
  }

  const { web, browser, contexts } = serverInChromium({
    setUp: async (web) => {
      applicantId = await web.addUser('applicant', '13805961234', 'Owner-pass-1', { name: '林志远' });
      clerkId = await web.addUser('clerk', 'clerk.longwen', 'Clerk-pass-1', { name: '王窗口' });
      const colleague = await web.addUser('clerk', 'clerk.zhao', 'Clerk-pass-2', { name: '赵窗口' });
      const other = await web.addUser('clerk', 'clerk.xc', 'Clerk-pass-3', {
        name: '陈窗口',
        centreId: 'xiangcheng',
      });
      await web.addUser('admin', 'the.admin', 'Admin-pass-1', { name: '李管理' });
      const applicant = new Client(web.base);
      await applicant.login('13805961234', 'Owner-pass-1');
      ids.slow = await finished(applicant, 'longwen', '漳州市龙文区云杉科技有限公司', clerkId);
      ids.unclear = await finished(applicant, 'longwen', '漳州市龙文区松柏商贸有限公司', colleague);
      ids.praised = await finished(applicant, 'xiangcheng', '漳州市芗城区榕树餐饮有限公司', other);
      // The other two are rated as the detail page would store them.
      const ratings = new RatingsRepo(web.store.db);
      expect(await ratings.add(applicantId, ids.unclear, 3, '材料要求没有一次说清楚')).toBe(true);
      expect(await ratings.add(applicantId, ids.praised, 5, null)).toBe(true);
    },
  });

  it('takes the applicant’s rating only with a reason below 满意 and after a confirmation', async () => {
    const page = await signInPage(browser, contexts, web.base, '13805961234', 'Owner-pass-1');
    await page.goto(`${web.base}/my/applications/${ids.slow}`);
    const card = page.locator('#rating');
    await card.getByRole('heading', { name: '好差评' }).waitFor();
    // Nothing is chosen for the applicant.
    expect(await card.getByRole('radio').count()).toBe(5);
    expect(await card.locator('input[type=radio]:checked').count()).toBe(0);

    await card.getByLabel('不满意', { exact: true }).check();
    await card.getByRole('button', { name: '下一步：确认评价' }).click();
    await page.getByText('选择「不满意」时请填写原因，以便改进').waitFor();
    // The choice survives the refusal; the reason is what is missing.
    expect(await page.locator('#rating').getByLabel('不满意', { exact: true }).isChecked()).toBe(true);
    await page.getByLabel('意见或建议（选择「满意」以下时必填）').fill('等了很久，打 13805961234 也没人回');
    await page.locator('#rating').getByRole('button', { name: '下一步：确认评价' }).click();

    const confirm = page.locator('#rating');
    await confirm.getByRole('heading', { name: '确认评价' }).waitFor();
    expect(await seen(confirm)).toContain('评价提交后不能修改');
    // Not stored until confirmed.
    const ratings = new RatingsRepo(web.store.db);
    expect(await ratings.find({ kind: 'all' }, ids.slow)).toBeUndefined();
    await confirm.getByRole('button', { name: '确认提交' }).click();
    await page.getByText('感谢您的评价！').waitFor();
    expect(await seen(page.locator('.rating-done'))).toBe('不满意');
    expect(await ratings.find({ kind: 'all' }, ids.slow)).toMatchObject({
      score: 2,
      comment: '等了很久，打 13805961234 也没人回',
    });
  });

  it('shows the clerk the ratings of what they accepted, then their centre’s, never another centre’s', async () => {
    const page = await signInPage(browser, contexts, web.base, 'clerk.longwen', 'Clerk-pass-1');
    await page.getByRole('link', { name: '好差评' }).click();
    await page.getByRole('heading', { name: '各等级评价数' }).waitFor();
    const counts = page.locator('#rating-counts tr[data-centre="longwen"]');
    expect(await cell(counts, 2)).toBe('1');
    expect(await cell(counts, 3)).toBe('0');
    const reasons = await seen(page.locator('#rating-reasons'));
    expect(reasons).toContain(refs[ids.slow]);
    expect(reasons).toContain('等了很久，打 138****1234 也没人回');
    expect(reasons).not.toContain(refs[ids.unclear]);
    expect(await page.content()).not.toContain('13805961234');

    await page.getByLabel('范围').selectOption('centre');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/range=centre/);
    expect(await cell(page.locator('#rating-counts tr[data-centre="longwen"]'), 3)).toBe('1');
    const all = await seen(page.locator('#rating-list'));
    expect(all).toContain('材料要求没有一次说清楚');
    expect(all).not.toContain(refs[ids.praised]);
    expect(await page.locator('#rating-counts tr[data-centre="xiangcheng"]').count()).toBe(0);

    // Each rating links to its application.
    await page
      .locator('#rating-reasons')
      .getByRole('link', { name: refs[ids.slow] ?? '' })
      .click();
    await page.waitForURL(`**/desk/applications/${ids.slow}`);
    await page.getByText('漳州市龙文区云杉科技有限公司').first().waitFor();
  });

  it('shows the admin every centre, per level, filterable by centre and level', async () => {
    const page = await signInPage(browser, contexts, web.base, 'the.admin', 'Admin-pass-1');
    await page.getByRole('link', { name: '好差评' }).click();
    await page.getByRole('heading', { name: '各等级评价数' }).waitFor();
    const longwen = page.locator('#rating-counts tr[data-centre="longwen"]');
    const xiangcheng = page.locator('#rating-counts tr[data-centre="xiangcheng"]');
    expect([await cell(longwen, 2), await cell(longwen, 3), await cell(longwen, 5)]).toEqual(['1', '1', '0']);
    expect(await cell(xiangcheng, 5)).toBe('1');
    expect(await seen(longwen.locator('td[data-label="满意率"]'))).toBe('0.0%');
    expect(await seen(xiangcheng.locator('td[data-label="满意率"]'))).toBe('100.0%');
    const reasons = await seen(page.locator('#rating-reasons'));
    expect(reasons).toContain('等了很久，打 138****1234 也没人回');
    expect(reasons).toContain('材料要求没有一次说清楚');
    expect(reasons).not.toContain(refs[ids.praised]);

    await page.getByLabel('服务中心').selectOption('xiangcheng');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/centre=xiangcheng/);
    expect(await page.locator('#rating-counts tr[data-centre]').count()).toBe(1);
    expect(await seen(page.locator('#rating-list'))).toContain(refs[ids.praised]);
    expect(await seen(page.locator('#rating-reasons'))).toContain('没有「满意」以下的评价');
    // A bad page number falls back alone: the centre filter stays.
    for (const bad of ['abc', '0']) {
      await page.goto(`${web.base}/admin/ratings?centre=xiangcheng&page=${bad}`);
      expect(await page.locator('#rating-counts tr[data-centre]').count()).toBe(1);
      expect(await page.getByLabel('服务中心').inputValue()).toBe('xiangcheng');
    }

    // A count is a link to the ratings behind it.
    await page.goto(`${web.base}/admin/ratings`);
    await longwen.locator('td[data-score="3"] a').click();
    await page.waitForURL(/score=3/);
    const listed = page.locator('#rating-list tr[data-rating]');
    expect(await listed.count()).toBe(1);
    expect(await seen(listed)).toContain('一般');
  });

  it('keeps the pages to staff', async () => {
    const applicant = new Client(web.base);
    await applicant.login('13805961234', 'Owner-pass-1');
    expect((await applicant.get('/desk/ratings')).status).toBe(403);
    expect((await applicant.get('/admin/ratings')).status).toBe(403);
    const clerk = new Client(web.base);
    await clerk.login('clerk.longwen', 'Clerk-pass-1');
    expect((await clerk.get('/admin/ratings')).status).toBe(403);
  });

  it('pages the list, keeping the filters (and nothing personal) in the address', async () => {
    // 21 more ratings at 龙文: 12 不满意 with a phone in the reason, 9 非常满意 (23 at 龙文 in all).
    const applicant = new Client(web.base);
    await applicant.login('13805961234', 'Owner-pass-1');
    const ratings = new RatingsRepo(web.store.db);
    for (let n = 1; n <= 21; n += 1) {
      const id = await finished(applicant, 'longwen', `漳州市龙文区第${n}号商贸有限公司`, clerkId);
      const unhappy = n <= 12;
      await ratings.add(applicantId, id, unhappy ? 2 : 5, unhappy ? `第${n}次回访，请打 13805961234` : null);
    }
    const page = await signInPage(browser, contexts, web.base, 'the.admin', 'Admin-pass-1');
    await page.goto(`${web.base}/admin/ratings`);
    await page.getByLabel('服务中心').selectOption('longwen');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/centre=longwen/);
    const listed = page.locator('#rating-list tr[data-rating]');
    expect(await listed.count()).toBe(20);
    expect(await seen(page.locator('#rating-list [data-pager]'))).toContain('第 1 / 2 页，共 23 条');
    const first = await listed.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-rating')));

    await page.locator('#rating-list').getByRole('link', { name: '下一页' }).click();
    await page.waitForURL(/page=2/);
    expect(new URL(page.url()).searchParams.get('centre')).toBe('longwen');
    expect(await listed.count()).toBe(3);
    const second = await listed.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-rating')));
    // Every rating once, on one page or the other.
    expect(new Set([...first, ...second]).size).toBe(23);
    expect(await seen(page.locator('#rating-list [data-pager]'))).toContain('第 2 / 2 页');
    await page.locator('#rating-list').getByRole('link', { name: '上一页' }).click();
    await page.waitForURL((url) => !url.searchParams.has('page'));
    expect(await listed.count()).toBe(20);

    // The reasons card shows the newest ten below 满意 and links to all 14, still at 龙文.
    const reasons = page.locator('#rating-reasons');
    expect(await reasons.locator('tr[data-rating]').count()).toBe(10);
    await reasons.getByRole('link', { name: '查看全部 14 条' }).click();
    await page.waitForURL(/score=below/);
    expect(new URL(page.url()).searchParams.get('centre')).toBe('longwen');
    expect(await listed.count()).toBe(14);
    expect(await seen(page.locator('#rating-list'))).toContain('第1次回访，请打 138****1234');
    expect(await page.content()).not.toContain('13805961234');
    // What the address holds: the filters, no person.
    expect(page.url()).not.toMatch(/1380596|林志远/);
  });
});

/** The count in a centre's row for one level (score 1–5). */
function cell(row: ReturnType<Page['locator']>, score: number): Promise<string> {
  return seen(row.locator(`td[data-score="${score}"]`));
}

/** What a person reads in `locator` (rendered text, as innerText gives it). */
async function seen(locator: ReturnType<Page['locator']>): Promise<string> {
  return (await locator.allInnerTexts()).join('\n');
}
