import { epochDayToCivil, isoToEpochDay, type MetricSetInput } from '@truth-spine/finance-core';
import { seededNormal } from './seededRandom.js';

const FACTOR_NAMES = ['MKT', 'SMB', 'HML', 'MOM', 'QMJ'] as const;
const FACTOR_VOLS = [0.012, 0.006, 0.006, 0.007, 0.004] as const;

/** The shared market of the synthetic portfolios: Mon–Fri calendar, benchmark, rf, five factors. */
export type SyntheticMarket = Pick<
  MetricSetInput,
  'calendar' | 'benchmark' | 'riskFree' | 'factors' | 'factorNames'
>;

/**
 * A market of `days` business days from 2019-01-01, like the reference data set: factor
 * returns ~ N(0, σₖ), benchmark ≈ MKT plus noise, a risk-free rate of 2.25%/year.
 */
export function syntheticMarket(days: number, seed: number): SyntheticMarket {
  const normal = seededNormal(seed);
  const calendar = new Int32Array(days);
  let day = isoToEpochDay('2019-01-01');
  for (let i = 0; i < days; day++) {
    const weekday = (day + 4) % 7; // 0 = Sunday; 1970-01-01 was a Thursday
    if (weekday !== 0 && weekday !== 6) calendar[i++] = day;
  }
  const factors = FACTOR_VOLS.map((vol) =>
    Float64Array.from({ length: days }, () => 0.0002 + vol * normal()),
  );
  const mkt = factors[0]!;
  return {
    calendar,
    benchmark: Float64Array.from(mkt, (m) => m + 0.002 * normal()),
    riskFree: new Float64Array(days).fill(Math.pow(1.0225, 1 / 252) - 1),
    factors,
    factorNames: FACTOR_NAMES,
  };
}

/**
 * Portfolio `p` on `market`: r = α + Σ βₖ fₖ + ε with random loadings, a deposit of 2% of
 * the starting value on the first business day of each month and a withdrawal of 10% in
 * each December (end-of-day flows, values V_t = V_{t−1}(1 + r_t) + CF_t).
 */
export function syntheticPortfolio(
  market: SyntheticMarket,
  p: number,
  seed: number,
): MetricSetInput {
  const normal = seededNormal(seed + 7919 * (p + 1));
  const n = market.calendar.length;
  const betas = market.factors.map((_, k) =>
    k === 0 ? 0.8 + 0.4 * Math.abs(normal()) : 0.3 * normal(),
  );
  const alpha = 0.0001 * normal();
  const idio = 0.002 + 0.003 * Math.abs(normal());
  const returns = new Float64Array(n);
  const values = new Float64Array(n);
  const flows = new Float64Array(n);
  const start = 100_000;
  let value = start;
  let month = -1;
  for (let i = 0; i < n; i++) {
    let r = alpha + idio * normal();
    for (let k = 0; k < betas.length; k++) r += betas[k]! * market.factors[k]![i]!;
    const { month: m } = epochDayToCivil(market.calendar[i]!);
    const flow = m !== month && i > 0 ? (m === 12 ? -0.1 * value : 0.02 * start) : 0;
    month = m;
    value = value * (1 + r) + flow;
    returns[i] = r;
    values[i] = value;
    flows[i] = flow;
  }
  return {
    portfolio: `SYN-${p}`,
    ...market,
    inceptionDay: market.calendar[0]! - 1,
    inceptionValue: start,
    returns,
    values,
    flows,
  };
}
