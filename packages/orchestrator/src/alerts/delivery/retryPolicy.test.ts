import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultRetryPolicy } from './retryPolicy.js';

describe('defaultRetryPolicy', () => {
  it('makes 5 attempts, doubling from 0.5 s and capping at 30 s (hand-computed)', () => {
    expect(defaultRetryPolicy.maxAttempts).toBe(5);
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => backoffDelayMs(defaultRetryPolicy, n))).toEqual([
      500, 1_000, 2_000, 4_000, 30_000, 30_000, 30_000,
    ]);
  });
});
