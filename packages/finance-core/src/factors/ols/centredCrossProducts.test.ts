import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centredCrossProducts } from './centredCrossProducts.js';

describe('centredCrossProducts', () => {
  it('is Σ(x − m)² for one column', () => {
    expect(
      Array.from(centredCrossProducts([Float64Array.of(1, 3)], Float64Array.of(2), 2)),
    ).toEqual([2]);
  });

  it('equals the textbook double sum for any number of columns (blocks padded or not)', () => {
    const data = fc.integer({ min: 1, max: 8 }).chain((q) =>
      fc.array(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: q, maxLength: q }),
        {
          minLength: 1,
          maxLength: 25,
        },
      ),
    );
    fc.assert(
      fc.property(data, (rows) => {
        const q = rows[0]!.length;
        const n = rows.length;
        const columns = Array.from({ length: q }, (_, j) => Float64Array.from(rows, (r) => r[j]!));
        const means = Float64Array.from(columns, (c) => c.reduce((s, v) => s + v, 0) / n);
        const gram = centredCrossProducts(columns, means, n);
        for (let a = 0; a < q; a++) {
          for (let b = 0; b < q; b++) {
            let expected = 0;
            for (let i = 0; i < n; i++)
              expected += (rows[i]![a]! - means[a]!) * (rows[i]![b]! - means[b]!);
            expect(gram[a * q + b]).toBeCloseTo(b >= a ? expected : 0, 9);
          }
        }
      }),
    );
  });
});
