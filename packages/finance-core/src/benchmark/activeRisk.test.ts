import { describe, expect, it } from 'vitest';
import { isUndefinedValue, Reason } from '../result/undefinedValue.js';
import { activeRisk } from './activeRisk.js';

describe('activeRisk', () => {
  it('tracking error and information ratio (hand-computed)', () => {
    const a = activeRisk(
      Float64Array.of(0.03, 0.01, 0.02),
      Float64Array.of(0.01, 0.01, 0.01),
      0,
      3,
    );
    // active 0.02, 0, 0.01: mean 0.01, std 0.01
    if (isUndefinedValue(a)) throw new Error(a.reason);
    expect(a.trackingError).toBeCloseTo(0.01 * Math.sqrt(252), 14);
    expect(a.informationRatio).toBeCloseTo(Math.sqrt(252), 12);
    expect(a.meanActiveDaily).toBeCloseTo(0.01, 16);
  });
  it('a perfect tracker has TE 0 and no information ratio', () => {
    const r = Float64Array.of(0.01, 0.02);
    expect(activeRisk(r, r, 0, 2)).toMatchObject({
      trackingError: 0,
      informationRatio: { value: null, reason: Reason.zeroVariance },
    });
  });
});
