import type { ScaleParams } from './scaleParams.js';
import { seededStream } from './seededStream.js';

/** A security of the synthetic universe (a row of `securities.csv`). */
export interface SyntheticSecurity {
  readonly symbol: string;
  readonly name: string;
  readonly currency: string;
  readonly kind: 'equity' | 'etf';
  readonly country: string | null;
}

/** A cash dividend: ex-date and pay date as calendar indices (pay may lie beyond the data). */
export interface SyntheticDividend {
  readonly symbol: string;
  readonly exIndex: number;
  readonly recordIndex: number;
  readonly payIndex: number;
  /** Per share, in the security's currency, in minor units (cents). */
  readonly amountCents: number;
  readonly currency: string;
}

/** A 2-for-1 split effective at the open of calendar day `dayIndex`. */
export interface SyntheticSplit {
  readonly symbol: string;
  readonly dayIndex: number;
  readonly numerator: number;
  readonly denominator: number;
}

/** The macro series the pipeline reads (docs/DATA-FORMATS.md#market-data), in FRED's ids. */
export const macroSeriesIds = [
  'DFII10',
  'T10YIE',
  'BAMLC0A0CM',
  'DTWEXBGS',
  'DGS10',
  'DGS3MO',
] as const;

/** The whole synthetic market, index-aligned with `days`. */
export interface SyntheticMarket {
  /** Trading days, ascending: weekdays except 1 January and 25 December. */
  readonly days: readonly string[];
  /** Benchmarks first (one ETF per currency; SPY for USD, the calendar symbol), then equities. */
  readonly securities: readonly SyntheticSecurity[];
  readonly equities: readonly SyntheticSecurity[];
  readonly benchmarkOf: ReadonlyMap<string, string>;
  /** Raw (unadjusted) closes in cents, per symbol, one per day. */
  readonly closes: ReadonlyMap<string, Int32Array>;
  readonly dividends: ReadonlyMap<string, readonly SyntheticDividend[]>;
  readonly splits: ReadonlyMap<string, readonly SyntheticSplit[]>;
  /** USD per one unit of each currency, per day (USD itself is 1). */
  readonly usdPer: ReadonlyMap<string, Float64Array>;
  /** Each series' value per day as written (2 decimals; DTWEXBGS 4). */
  readonly macro: ReadonlyMap<string, readonly string[]>;
}

/** The last date of every generated data set; history reaches back `years + 1` years. */
export const scaleLastDate = '2025-12-31';

const countryOf: Readonly<Record<string, string>> = {
  USD: 'US',
  EUR: 'DE',
  GBP: 'GB',
  CHF: 'CH',
  JPY: 'JP',
};
const usdStart: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.1,
  GBP: 1.27,
  CHF: 1.05,
  JPY: 0.0068,
};
const tradingDaysPerYear = 252;
/** Minimum and maximum raw close, so cents fit an Int32Array and no price hits zero. */
const minCents = 100;
const maxCents = 10_000_000;

/**
 * Generates the market of a data set from `params` (pure; same params → same market):
 * - closes: geometric Brownian motion per security, dS/S = μ dt + σ dW with μ ∈ [2 %, 12 %],
 *   σ ∈ [15 %, 45 %] (benchmarks 15 %), rounded to cents, clamped to [1, 100 000];
 * - splits: one equity in 20 has one 2-for-1 split (raw close halves that day);
 * - dividends: one equity in 3 pays twice a year (ex in May and November), amount =
 *   previous close × yield ∈ [1 %, 5 %] / 2 in cents, record = ex + 1, pay = ex + 10 trading days;
 * - FX: USD per unit of each currency, a log random walk with 8 %/year volatility;
 * - macro: random walks; DGS10 = DFII10 + T10YIE + N(0, 0.03) noise (so the Fisher identity
 *   holds only approximately, as in FRED's data).
 */
export function syntheticMarket(params: ScaleParams): SyntheticMarket {
  const days = tradingDays(params.years + 1);
  const benchmarks: SyntheticSecurity[] = params.currencies.map((currency) => ({
    symbol: currency === 'USD' ? 'SPY' : `IDX${currency}`,
    name: `Synthetic ${currency} market index ETF`,
    currency,
    kind: 'etf',
    country: countryOf[currency] ?? null,
  }));
  const equities: SyntheticSecurity[] = [];
  for (let i = 0; i < params.securities; i++) {
    const currency = params.currencies[i % params.currencies.length] as string;
    const symbol = `E${String(i + 1).padStart(5, '0')}`;
    equities.push({
      symbol,
      name: `Synthetic equity ${symbol}`,
      currency,
      kind: 'equity',
      country: countryOf[currency] ?? null,
    });
  }
  const closes = new Map<string, Int32Array>();
  const dividends = new Map<string, SyntheticDividend[]>();
  const splits = new Map<string, SyntheticSplit[]>();
  for (const security of [...benchmarks, ...equities]) {
    const rng = seededStream(params.seed, 'security', security.symbol);
    const isEquity = security.kind === 'equity';
    const mu = rng.between(0.02, 0.12);
    const sigma = isEquity ? rng.between(0.15, 0.45) : 0.15;
    const splitIndex =
      isEquity && rng.uniform() < 0.05 ? Math.floor(days.length * rng.between(0.2, 0.95)) : -1;
    const payer = isEquity && rng.uniform() < 1 / 3;
    const yieldRate = rng.between(0.01, 0.05);
    const exDay = 5 + rng.int(15);
    const dt = 1 / tradingDaysPerYear;
    const drift = (mu - (sigma * sigma) / 2) * dt;
    const shock = sigma * Math.sqrt(dt);
    const series = new Int32Array(days.length);
    let price = rng.between(10, 300);
    const own: SyntheticDividend[] = [];
    let lastExMonth = '';
    for (let d = 0; d < days.length; d++) {
      if (d === splitIndex) price /= 2;
      if (d > 0) price *= Math.exp(drift + shock * rng.normal());
      series[d] = Math.min(maxCents, Math.max(minCents, Math.round(price * 100)));
      price = (series[d] as number) / 100;
      const day = days[d] as string;
      const month = day.slice(0, 7);
      if (
        payer &&
        d > 0 &&
        (day.slice(5, 7) === '05' || day.slice(5, 7) === '11') &&
        Number(day.slice(8, 10)) >= exDay &&
        month !== lastExMonth
      ) {
        lastExMonth = month;
        const previous = series[d - 1] as number;
        own.push({
          symbol: security.symbol,
          exIndex: d,
          recordIndex: d + 1,
          payIndex: d + 10,
          amountCents: Math.max(1, Math.round((previous * yieldRate) / 2)),
          currency: security.currency,
        });
      }
    }
    closes.set(security.symbol, series);
    if (own.length > 0) dividends.set(security.symbol, own);
    if (splitIndex > 0)
      splits.set(security.symbol, [
        { symbol: security.symbol, dayIndex: splitIndex, numerator: 2, denominator: 1 },
      ]);
  }
  return {
    days,
    securities: [...benchmarks, ...equities],
    equities,
    benchmarkOf: new Map(benchmarks.map((b) => [b.currency, b.symbol])),
    closes,
    dividends,
    splits,
    usdPer: fxSeries(params, days.length),
    macro: macroSeries(params, days.length),
  };
}

/** Weekdays except 1 January and 25 December, from 1 January of (last year − years + 1) to the last date. */
function tradingDays(years: number): string[] {
  const lastYear = Number(scaleLastDate.slice(0, 4));
  const days: string[] = [];
  const day = new Date(Date.UTC(lastYear - years + 1, 0, 1));
  for (;;) {
    const iso = day.toISOString().slice(0, 10);
    if (iso > scaleLastDate) return days;
    const weekday = day.getUTCDay();
    const md = iso.slice(5);
    if (weekday !== 0 && weekday !== 6 && md !== '01-01' && md !== '12-25') days.push(iso);
    day.setUTCDate(day.getUTCDate() + 1);
  }
}

function fxSeries(params: ScaleParams, length: number): Map<string, Float64Array> {
  const result = new Map<string, Float64Array>();
  for (const currency of params.currencies) {
    const series = new Float64Array(length);
    const rng = seededStream(params.seed, 'fx', currency);
    let rate = usdStart[currency] ?? 1;
    const shock = 0.08 / Math.sqrt(tradingDaysPerYear);
    for (let d = 0; d < length; d++) {
      if (currency !== 'USD' && d > 0) rate *= Math.exp(shock * rng.normal());
      series[d] = rate;
    }
    result.set(currency, series);
  }
  return result;
}

function macroSeries(params: ScaleParams, length: number): Map<string, string[]> {
  const walk = (id: string, start: number, step: number, floor: number): number[] => {
    const rng = seededStream(params.seed, 'macro', id);
    const values: number[] = [];
    let value = start;
    for (let d = 0; d < length; d++) {
      if (d > 0) value = Math.max(floor, value + step * rng.normal());
      values.push(value);
    }
    return values;
  };
  const real = walk('DFII10', 0.5, 0.04, -1.5);
  const breakeven = walk('T10YIE', 2.2, 0.02, 0.5);
  const noise = seededStream(params.seed, 'macro', 'DGS10');
  const text = (values: readonly number[], digits = 2) => values.map((v) => v.toFixed(digits));
  return new Map([
    ['DFII10', text(real)],
    ['T10YIE', text(breakeven)],
    ['BAMLC0A0CM', text(walk('BAMLC0A0CM', 1.2, 0.02, 0.3))],
    ['DTWEXBGS', text(walk('DTWEXBGS', 115, 0.3, 80), 4)],
    ['DGS10', text(real.map((r, d) => r + (breakeven[d] as number) + 0.03 * noise.normal()))],
    ['DGS3MO', text(walk('DGS3MO', 1.5, 0.02, 0))],
  ]);
}
