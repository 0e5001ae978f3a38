import { describe, expect, it } from 'vitest';
import { ITEMS } from '../../forms/index.ts';
import {
  addWorkingDays,
  applicationDeadline,
  countdown,
  itemTimeLimitDays,
} from '../../server/applications/deadlines.ts';

/** 办理时限 on the centre's calendar (Asia/Shanghai by default): weekends are not counted. */
describe('办理时限', () => {
  it('counts working days, skipping the weekend', () => {
    // Friday 15:00 in Shanghai + 1 working day → Monday 15:00.
    const friday = new Date('2026-12-04T07:00:00Z');
    expect(addWorkingDays(friday, 1).toISOString()).toBe('2026-12-07T07:00:00.000Z');
    // Tuesday 10:00 + half a day → Tuesday 22:00.
    expect(addWorkingDays(new Date('2026-12-08T02:00:00Z'), 0.5).toISOString()).toBe(
      '2026-12-08T14:00:00.000Z',
    );
    // Submitted on Saturday: the clock starts Monday at the same time.
    expect(addWorkingDays(new Date('2026-12-05T02:00:00Z'), 1).toISOString()).toBe(
      '2026-12-08T02:00:00.000Z',
    );
  });

  it('gives every item of forms/ a limit, and an application the latest of its items', () => {
    for (const item of ITEMS.values()) expect(itemTimeLimitDays(item.id), item.id).toBeGreaterThan(0);
    const submitted = new Date('2026-12-08T02:00:00Z');
    expect(applicationDeadline(['seal-engraving', 'business-registration'], submitted)?.toISOString()).toBe(
      '2026-12-09T02:00:00.000Z',
    );
    expect(applicationDeadline(['business-registration'], null)).toBeUndefined();
  });

  it('says how long is left, or how long it is overdue', () => {
    const now = new Date('2026-12-08T02:00:00Z');
    expect(countdown(new Date('2026-12-09T05:00:00Z'), now)).toEqual({
      text: '剩余 1 天 3 小时',
      overdue: false,
    });
    expect(countdown(new Date('2026-12-08T02:45:00Z'), now)).toEqual({
      text: '剩余 45 分钟',
      overdue: false,
    });
    expect(countdown(new Date('2026-12-07T23:30:00Z'), now)).toEqual({
      text: '已超时 2 小时 30 分',
      overdue: true,
    });
  });
});
