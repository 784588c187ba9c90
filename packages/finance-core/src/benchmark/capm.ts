import { Reason, undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { TRADING_DAYS_PER_YEAR } from '../risk/annualizationFactor.js';

/** CAPM regression of excess returns, with its window size. */
export interface Capm {
  readonly beta: number;
  /** Daily intercept α. */
  readonly alphaDaily: number;
  /** 252 · α. */
  readonly alphaAnnualArithmetic: number;
  /** (1 + α)^252 − 1. */
  readonly alphaAnnualGeometric: number;
  /** `null` with a reason when the portfolio's excess return is constant. */
  readonly rSquared: number | UndefinedValue;
  /** Non-robust OLS standard error of α: √(s² (1/n + x̄²/Sxx)), s² = SSE / (n − 2). */
  readonly alphaDailyStderr: number;
  /** Non-robust OLS standard error of β: √(s² / Sxx). */
  readonly betaStderr: number;
  readonly nObs: number;
}

/**
 * CAPM on excess returns over rows `[start, end)`: OLS of y = r − rf on [1, x = b − rf]
 * (CONVENTIONS.md). β = Sxy / Sxx, α = ȳ − β x̄, R² = 1 − SSE / Syy, with centred sums
 * computed in separate passes for accuracy. Rows where r, b or rf is NaN are dropped.
 * `null` with a reason below 3 observations or when the benchmark excess has no variance.
 *
 * @example capm(r, b, rf, 0, r.length) // { beta, alphaDaily, alphaAnnualArithmetic, … }
 */
export function capm(
  returns: Float64Array,
  benchmark: Float64Array,
  riskFree: Float64Array,
  start: number,
  end: number,
): Capm | UndefinedValue {
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = start; i < end; i++) {
    const y = returns[i]! - riskFree[i]!;
    const x = benchmark[i]! - riskFree[i]!;
    if (x === x && y === y) {
      sumX += x;
      sumY += y;
      n++;
    }
  }
  if (n < 3) return undefinedValue(Reason.tooFewObservations);
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = start; i < end; i++) {
    const dy = returns[i]! - riskFree[i]! - meanY;
    const dx = benchmark[i]! - riskFree[i]! - meanX;
    if (dx === dx && dy === dy) {
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
  }
  if (!(sxx > 0)) return undefinedValue(Reason.singularDesign);
  const beta = sxy / sxx;
  const alpha = meanY - beta * meanX;
  let sse = 0;
  for (let i = start; i < end; i++) {
    const e = returns[i]! - riskFree[i]! - alpha - beta * (benchmark[i]! - riskFree[i]!);
    if (e === e) sse += e * e;
  }
  const s2 = sse / (n - 2);
  return {
    beta,
    alphaDaily: alpha,
    alphaAnnualArithmetic: TRADING_DAYS_PER_YEAR * alpha,
    alphaAnnualGeometric: Math.pow(1 + alpha, TRADING_DAYS_PER_YEAR) - 1,
    rSquared: syy > 0 ? 1 - sse / syy : undefinedValue(Reason.zeroVariance),
    alphaDailyStderr: Math.sqrt(s2 * (1 / n + (meanX * meanX) / sxx)),
    betaStderr: Math.sqrt(s2 / sxx),
    nObs: n,
  };
}
