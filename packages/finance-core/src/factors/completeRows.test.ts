import { describe, expect, it } from 'vitest';
import { completeRows } from './completeRows.js';
import { isCompleteRow } from './isCompleteRow.js';

describe('completeRows / isCompleteRow', () => {
  const y = Float64Array.of(1, NaN, 3, 4);
  const f = [Float64Array.of(4, 5, NaN, 7), Float64Array.of(8, 9, 10, 11)];

  it('keeps the rows where y and every factor are present, factors first then y', () => {
    expect([0, 1, 2, 3].map((i) => isCompleteRow(y, f, i))).toEqual([true, false, false, true]);
    expect(completeRows(y, f).map((c) => Array.from(c))).toEqual([
      [4, 7],
      [8, 11],
      [1, 4],
    ]);
  });
});
