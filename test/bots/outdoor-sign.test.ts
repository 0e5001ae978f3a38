import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemRunRequest } from '../../bots/item-runner.ts';
import { expectedFields, maskedPixels, received } from './support/expect-received.ts';
import { expectAdoptedOnRetry, expectRefilledAfterFailedLoad } from './support/filed-once.ts';
import { unmaskedPlaces } from './support/masking.ts';
import { restaurantRequest } from './support/restaurant.ts';
import { RecordingIo } from './support/sandbox.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';

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
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    const result = await runner.run(request, io);
    expect(io.steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      '登录:ok',
      '打开申请:ok',
      '填写户外招牌设置申请:ok',
      '读取回执:ok',
    ]);
    const submissions = await sandbox.submissions('outdoor-sign');
    expect(submissions).toHaveLength(1);
    expect(received(submissions[0]?.fields)).toEqual(
      expectedFields(request.values as Record<string, unknown>, request.documents),
    );
    // What only the bureau asks: the month and the day picked in the teleported panels, every pledge.
    const raw = submissions[0]?.raw ?? {};
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect([raw.nszsj, raw.sqrq, raw.szdd_qu]).toEqual([today.slice(0, 7), today, '350603']);
    expect(raw.cnsx).toHaveLength(3);
    expect(result).toMatchObject({
      outcome: 'submitted',
      outputs: {
        acceptanceNo: submissions[0]?.receipt.acceptanceNo,
        validUntil: submissions[0]?.receipt.validUntil,
      },
    });
    expect(String(submissions[0]?.receipt.acceptanceNo)).toMatch(/^ZPSL\d{12}$/);
    expect(String(submissions[0]?.receipt.validUntil)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(result.comparison.every((row) => row.matches)).toBe(true);
    // The form's picture masks the contact's name and mobile.
    const filled = io.steps.find((s) => s.name === '填写户外招牌设置申请')?.screenshot;
    expect(filled).toBeDefined();
    if (process.env.YIJIAN_KEEP_SHOTS)
      writeFileSync(join(process.env.YIJIAN_KEEP_SHOTS, 'outdoor-sign-filled.jpg'), filled ?? '');
    expect(await maskedPixels(filled ?? Buffer.alloc(0))).toBeGreaterThan(500);
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
  });

  it('finds the filing in 办件查询 on a retried run instead of filing again', async () => {
    await expectAdoptedOnRetry(
      { sandbox, runner },
      requestFor('漳州味来餐饮有限公司'),
      '漳州味来餐饮有限公司',
    );
  });
});
