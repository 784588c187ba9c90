import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factorChanges } from './factorChanges.js';
import { FactorInputError } from './factorInputError.js';

describe('factorChanges', () => {
  it('differences in percentage points, spanning a missing level', () => {
    const changes = factorChanges(Float64Array.of(4.1, NaN, 4.3, 4.25), 'difference');
    expect(changes[0]).toBeNaN();
    expect(changes[1]).toBeNaN();
    expect(changes[2]).toBeCloseTo(0.2, 14);
    expect(changes[3]).toBeCloseTo(-0.05, 14);
  });

  it('log returns for an index level', () => {
    const changes = factorChanges(Float64Array.of(100, 102, NaN, 99.96), 'logReturn');
    expect(changes[1]).toBeCloseTo(Math.log(1.02), 15);
    expect(changes[2]).toBeNaN();
    expect(changes[3]).toBeCloseTo(Math.log(0.98), 15);
  });

  it('telescopes: the changes sum to last level − first level whatever is missing', () => {
    const level = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 800 }).map((v) => v / 100) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
    );
    fc.assert(
      fc.property(fc.array(level, { minLength: 1, maxLength: 60 }), (values) => {
        const levels = Float64Array.from(values);
        const present = values.filter((v) => !Number.isNaN(v));
        const sum = factorChanges(levels, 'difference').reduce(
          (s, v) => (Number.isNaN(v) ? s : s + v),
          0,
        );
        const logSum = factorChanges(levels, 'logReturn').reduce(
          (s, v) => (Number.isNaN(v) ? s : s + v),
          0,
        );
        const first = present[0] ?? 0;
        const last = present[present.length - 1] ?? 0;
        expect(sum).toBeCloseTo(last - first, 10);
        expect(logSum).toBeCloseTo(present.length === 0 ? 0 : Math.log(last / first), 10);
      }),
    );
  });

  it('rejects a non-positive level when a log return is asked for', () => {
    expect(() => factorChanges(Float64Array.of(100, 0), 'logReturn')).toThrow(FactorInputError);
    expect(() => factorChanges(Float64Array.of(100, -1), 'logReturn')).toThrow(/row 1/);
    expect(factorChanges(Float64Array.of(0.5, -0.25), 'difference')[1]).toBe(-0.75);
  });
});
