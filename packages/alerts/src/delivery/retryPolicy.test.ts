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

describe('backoffDelayMs', () => {
  it('doubles from the initial delay up to the cap', () => {
    const policy = { maxAttempts: 6, initialDelayMs: 5_000, maxDelayMs: 30_000, factor: 2 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelayMs(policy, a))).toEqual([
      5_000, 10_000, 20_000, 30_000, 30_000,
    ]);
  });

  it('stays constant with factor 1', () => {
    const policy = { maxAttempts: 3, initialDelayMs: 7, maxDelayMs: 100, factor: 1 };
    expect([1, 2, 3].map((a) => backoffDelayMs(policy, a))).toEqual([7, 7, 7]);
  });
});
