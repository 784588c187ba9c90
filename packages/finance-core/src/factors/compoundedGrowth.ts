/**
 * ∏(1 + xᵢ) over the whole series — compounded growth of daily returns — with four
 * interleaved products multiplied at the end (throughput instead of multiplier latency).
 * NaN if any value is NaN. The period return is the result minus 1.
 *
 * @example compoundedGrowth(Float64Array.of(0.1, -0.1)) // → 0.99
 */
export function compoundedGrowth(x: Float64Array): number {
  let p0 = 1;
  let p1 = 1;
  let p2 = 1;
  let p3 = 1;
  let i = 0;
  for (; i + 3 < x.length; i += 4) {
    p0 *= 1 + x[i]!;
    p1 *= 1 + x[i + 1]!;
    p2 *= 1 + x[i + 2]!;
    p3 *= 1 + x[i + 3]!;
  }
  for (; i < x.length; i++) p0 *= 1 + x[i]!;
  return p0 * p1 * (p2 * p3);
}
