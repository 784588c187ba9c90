import { describe, expect, it } from 'vitest';
import { parseRateLimit } from './rateLimit.js';

describe('parseRateLimit', () => {
  it('reads count per duration in each unit', () => {
    expect(parseRateLimit('5/1m')).toEqual({ requests: 5, intervalMs: 60_000 });
    expect(parseRateLimit('50/12h')).toEqual({ requests: 50, intervalMs: 43_200_000 });
    expect(parseRateLimit(' 120 / 60s ')).toEqual({ requests: 120, intervalMs: 60_000 });
    expect(parseRateLimit('3/250ms')).toEqual({ requests: 3, intervalMs: 250 });
  });

  it('rejects other forms and zero', () => {
    for (const bad of ['5', '5/m', '0/1m', '5/0s', 'five/1m', '5/1d', '-1/1m']) {
      expect(parseRateLimit(bad)).toBeNull();
    }
  });
});
