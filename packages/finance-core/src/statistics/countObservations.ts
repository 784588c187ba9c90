/**
 * Number of rows in `[start, end)` where every given series is a number (not NaN).
 *
 * @example countObservations([Float64Array.of(1, NaN, 3)], 0, 3) // 2
 */
export function countObservations(
  series: readonly Float64Array[],
  start: number,
  end: number,
): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    let complete = true;
    for (const s of series) if (s[i]! !== s[i]!) complete = false;
    if (complete) n++;
  }
  return n;
}
