import Big from 'big.js';
import { DemoDataError } from './demoDataError.js';
import type { RateSeries } from './ecbRates.js';
import type { MacroObservation } from './fredSeries.js';
import { latestOnOrBefore } from './isoDate.js';
import type { TradingCalendar } from './tradingCalendar.js';
import type { DividendEvent, PriceBar, SecurityInfo, SplitEvent } from './types.js';

/** A rate used for a conversion: the published pair, its value and the date it is from. */
export interface AppliedRate {
  readonly pair: string;
  readonly rate: string;
  readonly date: string;
}

/**
 * The market data the portfolio simulation reads, exactly as written to `market/`: raw
 * closes, dividend and split events, ECB-based FX series and FRED series.
 */
export class DemoMarket {
  private readonly closes = new Map<string, ReadonlyMap<string, string>>();

  constructor(
    readonly calendar: TradingCalendar,
    readonly securities: ReadonlyMap<string, SecurityInfo>,
    prices: ReadonlyMap<string, readonly PriceBar[]>,
    readonly dividends: readonly DividendEvent[],
    readonly splits: readonly SplitEvent[],
    readonly fx: ReadonlyMap<string, RateSeries>,
    readonly macro: ReadonlyMap<string, readonly MacroObservation[]>,
  ) {
    for (const [symbol, bars] of prices)
      this.closes.set(symbol, new Map(bars.map((b) => [b.date, b.close])));
  }

  security(symbol: string): SecurityInfo {
    const security = this.securities.get(symbol);
    if (security === undefined)
      throw new DemoDataError('DEMO_PLAN_INVALID', `unknown security ${symbol}`);
    return security;
  }

  /** The raw close of `symbol` on trading day `date`; a missing bar is an error. */
  close(symbol: string, date: string): string {
    const close = this.closes.get(symbol)?.get(date);
    if (close === undefined)
      throw new DemoDataError('DEMO_MARKET_GAP', `no close for ${symbol} on ${date}`);
    return close;
  }

  /**
   * Converts `amount` of `from` into `to` with the latest published rate on or before
   * `date`: multiply by FROMTO when that pair is published, else divide by TOFROM.
   * Returns the unrounded value and the rate used.
   */
  convert(amount: Big, from: string, to: string, date: string): { value: Big; rate: AppliedRate } {
    const direct = this.fx.get(`${from}${to}`);
    const inverse = this.fx.get(`${to}${from}`);
    const series = direct ?? inverse;
    const rateDate = series === undefined ? undefined : latestOnOrBefore(series.dates, date);
    if (series === undefined || rateDate === undefined) {
      throw new DemoDataError(
        'DEMO_MARKET_GAP',
        `no ${from}${to} or ${to}${from} rate on or before ${date}`,
      );
    }
    const rate = series.rates.get(rateDate) as string;
    const value = direct === undefined ? amount.div(rate) : amount.times(rate);
    return { value, rate: { pair: series.pair, rate, date: rateDate } };
  }

  /** The latest non-missing observation of a FRED series on or before `date`. */
  macroValue(series: string, date: string): string {
    const observations = this.macro.get(series) ?? [];
    for (let i = observations.length - 1; i >= 0; i--) {
      const o = observations[i] as MacroObservation;
      if (o.date <= date && o.value !== '') return o.value;
    }
    throw new DemoDataError('DEMO_MARKET_GAP', `no ${series} observation on or before ${date}`);
  }
}
