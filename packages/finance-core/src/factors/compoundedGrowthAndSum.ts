/**
 * One pass over a return series for the two totals attribution needs: writes ∏(1 + xᵢ)
 * (compounded growth; the period return is it minus 1) to `growth[at]` and Σ xᵢ to
 * `sums[at]`. Four interleaved products and sums, combined at the end, so the loop runs at
 * the multiplier's and adder's throughput rather than their latency. NaN if any x is NaN.
 *
 * @example compoundedGrowthAndSum(Float64Array.of(0.1, -0.1), growth, sums, 0) // growth[0] = 0.99, sums[0] = 0
 */
export function compoundedGrowthAndSum(
  x: Float64Array,
  growth: Float64Array,
  sums: Float64Array,
  at: number,
): void {
  let p0 = 1;
  let p1 = 1;
  let p2 = 1;
  let p3 = 1;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < x.length; i += 4) {
    const x0 = x[i]!;
    const x1 = x[i + 1]!;
    const x2 = x[i + 2]!;
    const x3 = x[i + 3]!;
    p0 *= 1 + x0;
    p1 *= 1 + x1;
    p2 *= 1 + x2;
    p3 *= 1 + x3;
    s0 += x0;
    s1 += x1;
    s2 += x2;
    s3 += x3;
  }
  for (; i < x.length; i++) {
    p0 *= 1 + x[i]!;
    s0 += x[i]!;
  }
  growth[at] = p0 * p1 * (p2 * p3);
  sums[at] = s0 + s1 + (s2 + s3);
}
