import Big from 'big.js';
import { fxRoute } from '../history/fxRoute.js';
import type { RunningHoldings } from './runningHoldings.js';

/** A pack's closes and FX rates as exact decimals. */
export interface PackQuotes {
  /** Close per symbol, in the security's currency. */
  readonly closes: ReadonlyMap<string, Big>;
  /** Rate per `BASEQUOTE` pair (units of QUOTE per 1 BASE). */
  readonly fx: ReadonlyMap<string, Big>;
}

/** A portfolio's exact value on the pack date, in base currency. */
export interface ExactValuation {
  readonly marketValue: Big;
  readonly securitiesValue: Big;
  readonly cashValue: Big;
  /** Symbols with non-zero units. */
  readonly positions: number;
}

/** A value the pack cannot give (no close for a held symbol, no FX route). */
export class ValuationInputError extends Error {
  readonly code = 'valuation_input_missing';
  constructor(
    readonly portfolioId: string,
    message: string,
  ) {
    super(`valuation of ${portfolioId}: ${message}`);
    this.name = 'ValuationInputError';
  }
}

/**
 * The exact value of `holdings` with the pack's quotes: securities `Σ units · close ·
 * fx(ccy → base)` and cash `Σ balance · fx(ccy → base)`, FX through {@link fxRoute}
 * (inverse legs divide at big.js's 20 decimal places). Throws
 * {@link ValuationInputError} when a held symbol has no pack close or a currency no route.
 */
export function exactValuation(
  portfolioId: string,
  holdings: RunningHoldings,
  securityCurrency: ReadonlyMap<string, string>,
  base: string,
  quotes: PackQuotes,
): ExactValuation {
  const pairs = new Set(quotes.fx.keys());
  const toBase = (amount: Big, currency: string): Big => {
    const route = fxRoute(pairs, currency, base);
    if (route === null)
      throw new ValuationInputError(portfolioId, `no FX route ${currency}→${base} in the pack`);
    return route.reduce((value, leg) => {
      const rate = quotes.fx.get(leg.base + leg.quote)!;
      return leg.invert ? value.div(rate) : value.times(rate);
    }, amount);
  };
  let securitiesValue = new Big(0);
  let positions = 0;
  for (const [symbol, units] of [...holdings.units].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (units.eq(0)) continue;
    const close = quotes.closes.get(symbol);
    const currency = securityCurrency.get(symbol);
    if (close === undefined || currency === undefined) {
      throw new ValuationInputError(portfolioId, `the pack has no close for held symbol ${symbol}`);
    }
    securitiesValue = securitiesValue.plus(toBase(units.times(close), currency));
    positions++;
  }
  let cashValue = new Big(0);
  for (const [currency, balance] of holdings.cash) {
    if (!balance.eq(0)) cashValue = cashValue.plus(toBase(balance, currency));
  }
  return { marketValue: securitiesValue.plus(cashValue), securitiesValue, cashValue, positions };
}
