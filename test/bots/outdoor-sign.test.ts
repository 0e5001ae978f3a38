import { describe, expect, it } from 'vitest';
import type { ItemRunRequest } from '../../bots/item-runner.ts';
import { expectAdoptedOnRetry, expectRefilledAfterFailedLoad } from './support/filed-once.ts';
import { unmaskedPlaces } from './support/masking.ts';
import { restaurantRequest } from './support/restaurant.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';
import { expectFiledFirst, expectFormMasked } from './support/sole-submission.ts';

/**
 * 户外招牌设置 on the Ant Design Vue system: a cascader loaded level by level, a searchable select, radios,
 * a-upload, month and date pickers, a checkbox group and a modal 承诺书, all through the antdv family.
 */
describe('signboard on the outdoor-sign portal (Ant Design Vue)', () => {
  const { sandbox, runner } = sandboxAndRunner();

  const requestFor = (companyName: string): ItemRunRequest =>
    restaurantRequest(sandbox, { itemId: 'signboard', portalId: 'outdoor-sign' }, companyName, {
      applicationId: 'app-sign',
      applicationRef: 'YJ-sign',
    });

  it('files the restaurant’s sign once, exactly as projected, and reads the 受理编号', async () => {
    const request = requestFor('漳州味来餐饮有限公司');
    const { result, io, submission } = await expectFiledFirst(
      { sandbox, runner },
      request,
      '填写户外招牌设置申请',
    );
    // What only the bureau asks: the month and the day picked in the teleported panels, every pledge.
    const raw = submission.raw;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect([raw.nszsj, raw.sqrq, raw.szdd_qu]).toEqual([today.slice(0, 7), today, '350603']);
    expect(raw.cnsx).toHaveLength(3);
    expect(result.outputs).toMatchObject({
      acceptanceNo: submission.receipt.acceptanceNo,
      validUntil: submission.receipt.validUntil,
    });
    expect(String(submission.receipt.acceptanceNo)).toMatch(/^ZPSL\d{12}$/);
    expect(String(submission.receipt.validUntil)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The form's picture masks the contact's name and mobile.
    await expectFormMasked(io.steps, '填写户外招牌设置申请', 'outdoor-sign', 500);
    // Issue 16: every place a personal value showed, the receipt repeating the ID number and phone included,
    // is solid mask colour.
    expect(await unmaskedPlaces(io.steps)).toEqual([]);
    expect(io.steps.find((s) => s.name === '读取回执')?.masking?.found.length).toBeGreaterThanOrEqual(2);
  });

  it('takes a failed cascader level for the portal’s trouble, fills the page again and files once', async () => {
    // The request after the form opened is the cascader's first column (the provinces): it fails once.
    await expectRefilledAfterFailedLoad(
      { sandbox, runner },
      requestFor('漳州食味轩餐饮有限公司'),
      '漳州食味轩餐饮有限公司',
      '填写户外招牌设置申请',
      '/api/regions',
    );
    // Two fillings of the page (the failed one and the refill) and a filing: about 25 s on an idle machine.
  }, 90_000);

  it('finds the filing in 办件查询 on a retried run instead of filing again', async () => {
    await expectAdoptedOnRetry(
      { sandbox, runner },
      requestFor('漳州味来餐饮有限公司'),
      '漳州味来餐饮有限公司',
    );
  }, 90_000);
});
