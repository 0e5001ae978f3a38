import { describe, expect, it } from 'vitest';
import type { ItemRunRequest, StepRecord } from '../../bots/item-runner.ts';
import { expectAdoptedOnRetry, expectRefilledAfterFailedLoad } from './support/filed-once.ts';
import { expectPersonalValuesMasked } from './support/masking.ts';
import { restaurantRequest } from './support/restaurant.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';
import { expectFiledFirst, expectFormMasked } from './support/sole-submission.ts';

/** 食品经营许可 on the layui system: selects, skins, laydate, layui.upload, a table of people, a layer notice. */
describe('food-business-licence on the food-licence portal (layui)', () => {
  const { sandbox, runner } = sandboxAndRunner();
  /** The first filing's steps and values, for the screenshot checks. */
  let filed: { steps: StepRecord[]; values: Record<string, unknown> } = { steps: [], values: {} };

  const requestFor = (companyName: string): ItemRunRequest =>
    restaurantRequest(sandbox, { itemId: 'food-business-licence', portalId: 'food-licence' }, companyName, {
      applicationId: 'app-food',
      applicationRef: 'YJ-food',
    });

  it('files the restaurant once, exactly as projected, and reads the licence number', async () => {
    const request = requestFor('漳州味来餐饮有限公司');
    const { result, io, submission } = await expectFiledFirst(
      { sandbox, runner },
      request,
      '填写食品经营许可申请',
    );
    expect(submission.raw.sqrq).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The validity is printed on the 行业综合许可证.
    expect(result.outputs).toMatchObject({
      licenceNo: submission.receipt.licenceNo,
      validUntil: submission.receipt.validUntil,
    });
    expect(String(submission.receipt.validUntil)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(String(submission.receipt.licenceNo)).toMatch(/^JY2350603\d{7}$/);
    // The form's screenshot masks the people's names, ID numbers and phones in the table.
    await expectFormMasked(io.steps, '填写食品经营许可申请', 'food-licence', 2000);
    filed = { steps: io.steps, values: request.values as Record<string, unknown> };
  });

  it('shows no personal value unmasked in any of the run’s screenshots, the receipt included', async () => {
    await expectPersonalValuesMasked(filed.steps, '填写食品经营许可申请', filed.values);
  }, 180_000);

  it('takes a failed list load for the portal’s trouble, fills the page again and files once', async () => {
    // The request after the form opened (on a kept session or after a log-in) is a list of the 经营场所:
    // it fails once.
    await expectRefilledAfterFailedLoad(
      { sandbox, runner },
      requestFor('漳州食味轩餐饮有限公司'),
      '漳州食味轩餐饮有限公司',
      '填写食品经营许可申请',
      '/api/regions',
    );
  });

  it('finds the filing in 办件查询 on a retried run instead of filing again', async () => {
    await expectAdoptedOnRetry(
      { sandbox, runner },
      requestFor('漳州味来餐饮有限公司'),
      '漳州味来餐饮有限公司',
    );
  });
});
