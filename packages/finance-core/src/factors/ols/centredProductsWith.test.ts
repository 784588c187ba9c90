import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centredProductsWith } from './centredProductsWith.js';

describe('centredProductsWith', () => {
  it('is Σ(t − t̄)(c − m) per column (each sum in row order, bit for bit), then Σ(t − t̄)², for any number of columns', () => {
    const value = fc.integer({ min: -1000, max: 1000 }).map((v) => v / 1000);
    const data = fc.integer({ min: 0, max: 12 }).chain((k) =>
      fc.array(fc.array(value, { minLength: k + 1, maxLength: k + 1 }), {
        minLength: 1,
        maxLength: 20,
      }),
    );
    fc.assert(
      fc.property(data, (rows) => {
        const k = rows[0]!.length - 1;
        const n = rows.length;
        const target = Float64Array.from(rows, (r) => r[k]!);
        const columns = Array.from({ length: k }, (_, j) => Float64Array.from(rows, (r) => r[j]!));
        const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / n;
        const means = Float64Array.from(columns, mean);
        const t = mean(target);
        const out = centredProductsWith(target, t, columns, means, n);
        for (let j = 0; j < k; j++) {
          let expected = 0;
          for (let i = 0; i < n; i++) expected += (target[i]! - t) * (columns[j]![i]! - means[j]!);
          expect(out[j]).toBe(expected);
        }
        expect(out[k]).toBeCloseTo(
          target.reduce((s, v) => s + (v - t) ** 2, 0),
          12,
        );
      }),
    );
  });
});
