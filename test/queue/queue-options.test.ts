import { describe, expect, it } from 'vitest';
import { cappedBackoff, DEFAULT_TUNING } from '../../queue/queue-options.ts';

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
