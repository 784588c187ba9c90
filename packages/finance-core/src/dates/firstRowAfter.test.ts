import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstRowAfter } from './firstRowAfter.js';

describe('firstRowAfter', () => {
  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 })),
        fc.integer({ min: -5, max: 105 }),
        (list, day) => {
          const days = Int32Array.from(list.sort((a, b) => a - b));
          const linear = days.findIndex((d) => d > day);
          expect(firstRowAfter(days, day, 0, days.length)).toBe(linear < 0 ? days.length : linear);
        },
      ),
    );
  });
});
