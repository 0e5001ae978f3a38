import { describe, expect, it } from 'vitest';
import {
  cappedBackoff,
  DEFAULT_TUNING,
  FOLLOW_UPS_AT_FULL_PACE,
  followUpDelay,
} from '../../queue/queue-options.ts';

describe('retry backoff of item jobs', () => {
  const middle = () => 0.5; // no jitter: 0.5 + 0.5 = ×1

  it('doubles from the first delay and stops growing at the cap', () => {
    const delay = cappedBackoff({ ...DEFAULT_TUNING, retryDelayMs: 1_000, retryDelayMaxMs: 10_000 }, middle);
    expect([1, 2, 3, 4, 5, 6, 12].map(delay)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
  });

  it('spreads retries by ±50 % so many items failing together do not return together', () => {
    const tuning = { ...DEFAULT_TUNING, retryDelayMs: 1_000 };
    expect(cappedBackoff(tuning, () => 0)(1)).toBe(500);
    expect(cappedBackoff(tuning, () => 0.999)(1)).toBe(1_499);
  });
});

describe('follow-ups of an item awaiting the department’s decision', () => {
  it('asks at full pace for the first looks (秒批), then less and less often, up to the cap', () => {
    const tuning = { followUpDelayMs: 1_000, followUpDelayMaxMs: 5_000 };
    const delays = [0, 1, 8, 9, 10, 11, 12, 13, 50].map((done) => followUpDelay(tuning, done));
    expect(FOLLOW_UPS_AT_FULL_PACE).toBe(10);
    expect(delays).toEqual([1_000, 1_000, 1_000, 1_000, 1_500, 2_250, 3_375, 5_000, 5_000]);
  });
});
