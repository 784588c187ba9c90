/**
 * Binary search: the first index `i` in `[from, to)` with `days[i] > day`, or `to` when
 * there is none. `days` must be ascending (epoch days). O(log n).
 *
 * @example firstRowAfter(Int32Array.of(1, 3, 5), 3, 0, 3) // 2
 */
export function firstRowAfter(days: Int32Array, day: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! > day) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
