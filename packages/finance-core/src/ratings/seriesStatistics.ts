/**
 * Arithmetic mean x̄ = Σxᵢ / n. Callers guarantee n ≥ 1.
 *
 * @example mean(Float64Array.of(1, 2, 6)) // 3
 */
export function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Sample standard deviation s = √(Σ(xᵢ − x̄)² / (n − 1)) (ddof = 1). Callers guarantee n ≥ 2.
 *
 * @example sampleStandardDeviation(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9)) // 2.138…
 */
export function sampleStandardDeviation(values: Float64Array): number {
  const centre = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - centre) * (v - centre);
  return Math.sqrt(squares / (values.length - 1));
}
