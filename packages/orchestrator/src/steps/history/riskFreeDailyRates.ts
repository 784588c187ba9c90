/** Trading days per year used to de-annualise the risk-free yield (CONVENTIONS.md ANN). */
export const RISK_FREE_PERIODS_PER_YEAR = 252;

/**
 * Daily risk-free returns from an annual yield in percent (FRED DGS3MO, carried forward
 * across missing observations by the caller): `rf = (1 + y/100)^(1/252) − 1`, a compounding
 * de-annualisation so that 252 daily rates compound to the yield. NaN stays NaN (no yield yet).
 *
 * @example riskFreeDailyRates(Float64Array.of(5))[0] // (1.05)^(1/252) − 1 ≈ 1.9363e-4
 */
export function riskFreeDailyRates(yieldsPercent: Float64Array): Float64Array {
  const out = new Float64Array(yieldsPercent.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.pow(1 + yieldsPercent[i]! / 100, 1 / RISK_FREE_PERIODS_PER_YEAR) - 1;
  }
  return out;
}
