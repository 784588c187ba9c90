import fc from 'fast-check';
import { Matrix, QrDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { householderQr } from './householderQr.js';

describe('householderQr', () => {
  it('reduces a single column to minus its norm', () => {
    expect(Array.from(householderQr(Float64Array.of(3, 4), 2, 1))).toEqual([-5]);
  });

  it('gives the R of ml-matrix QrDecomposition (same sign convention) on random matrices', () => {
    const matrices = fc
      .record({ rows: fc.integer({ min: 1, max: 40 }), cols: fc.integer({ min: 1, max: 7 }) })
      .filter(({ rows, cols }) => rows >= cols)
      .chain(({ rows, cols }) =>
        fc.record({
          rows: fc.constant(rows),
          cols: fc.constant(cols),
          data: fc.array(
            fc.integer({ min: -1_000_000, max: 1_000_000 }).map((v) => v / 100_000),
            {
              minLength: rows * cols,
              maxLength: rows * cols,
            },
          ),
        }),
      );
    fc.assert(
      fc.property(matrices, ({ rows, cols, data }) => {
        const rowMajor = Array.from({ length: rows }, (_, i) =>
          data.slice(i * cols, (i + 1) * cols),
        );
        const expected = new QrDecomposition(new Matrix(rowMajor)).upperTriangularMatrix;
        const columnMajor = new Float64Array(rows * cols);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) columnMajor[j * rows + i] = rowMajor[i]![j]!;
        }
        const r = householderQr(columnMajor, rows, cols);
        const scale = Math.max(1, ...data.map(Math.abs)) * rows;
        for (let i = 0; i < cols; i++) {
          for (let j = 0; j < cols; j++) {
            expect(Math.abs(r[i * cols + j]! - expected.get(i, j))).toBeLessThanOrEqual(
              1e-12 * scale,
            );
          }
        }
      }),
    );
  });
});
