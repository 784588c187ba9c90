import { isCompleteRow } from './isCompleteRow.js';

/**
 * The complete rows (see {@link isCompleteRow}) of y and the factors, copied into new
 * columns of equal length (one shared buffer): the factors in order, then y. The kernels
 * call it only when a NaN is present; a complete window is used in place, without a copy.
 *
 * @example completeRows(Float64Array.of(1, NaN, 3), [Float64Array.of(4, 5, NaN)]) // → [[4], [1]]
 */
export function completeRows(y: Float64Array, factors: readonly Float64Array[]): Float64Array[] {
  const columns = [...factors, y];
  let n = 0;
  const keep = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) {
    if (isCompleteRow(y, factors, i)) {
      keep[i] = 1;
      n++;
    }
  }
  const buffer = new Float64Array(n * columns.length);
  return columns.map((column, j) => {
    const out = buffer.subarray(j * n, (j + 1) * n);
    let row = 0;
    for (let i = 0; i < y.length; i++) if (keep[i] === 1) out[row++] = column[i]!;
    return out;
  });
}
