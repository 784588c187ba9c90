/** Count, mean and sample standard deviation (ddof = 1) of the observations in a window. */
export interface SampleMoments {
  /** Number of observations (rows where every input is a number). */
  readonly n: number;
  /** Arithmetic mean; NaN when n = 0. */
  readonly mean: number;
  /** Sample standard deviation, √(Σ(x − mean)² / (n − 1)); NaN when n < 2. */
  readonly std: number;
}

/**
 * Mean and sample standard deviation (ddof = 1) of `x[i] − minus[i]` over rows
 * `[start, end)`, skipping rows where either is NaN (no observation); `minus = null`
 * means 0. Two passes (mean first, then squared deviations), and the mean's sum is
 * compensated (Neumaier), because a daily mean is often hundreds of times smaller than
 * the returns it averages. The shared kernel of volatility, Sharpe and tracking error;
 * callers turn the NaN of too few observations into a `null` with a reason.
 *
 * @example sampleMoments(Float64Array.of(1, 2, NaN, 3), null, 0, 4) // { n: 3, mean: 2, std: 1 }
 */
export function sampleMoments(
  x: Float64Array,
  minus: Float64Array | null,
  start: number,
  end: number,
): SampleMoments {
  let n = 0;
  let sum = 0;
  let compensation = 0;
  for (let i = start; i < end; i++) {
    const v = minus === null ? x[i]! : x[i]! - minus[i]!;
    if (v === v) {
      const t = sum + v;
      compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
      n++;
    }
  }
  const mean = n === 0 ? Number.NaN : (sum + compensation) / n;
  let squares = 0;
  for (let i = start; i < end; i++) {
    const v = minus === null ? x[i]! : x[i]! - minus[i]!;
    if (v === v) squares += (v - mean) * (v - mean);
  }
  return { n, mean, std: n < 2 ? Number.NaN : Math.sqrt(squares / (n - 1)) };
}
