import Big from 'big.js';

/** A dividend declared per share in a currency other than the portfolio's base. */
export interface ForeignDividend {
  /** Declared amount per underlying (ordinary) share, in `currency`. */
  readonly perShare: Big;
  /** Underlying shares entitled: ADR units × underlying shares per ADR. */
  readonly shares: Big;
  readonly currency: string;
  readonly exDate: string;
  readonly payDate: string;
}

/** Base-currency units per one unit of `currency` on `date`, or null when unknown. */
export type FxRateOn = (currency: string, date: string) => Big | null;

/**
 * The cash a foreign dividend brings, in base currency, as the platform books it:
 * perShare × shares converted at the FX rate of the **pay date** (the day the cash
 * arrives), rounded half-even to `decimals` (cents by default). Using the ex-date rate
 * instead is the classic ADR error the golden test measures. Null when the pay-date
 * rate is unknown — never a guess from another date.
 */
export function foreignDividendInBase(
  dividend: ForeignDividend,
  rateOn: FxRateOn,
  decimals = 2,
): Big | null {
  const rate = rateOn(dividend.currency, dividend.payDate);
  if (rate === null) return null;
  return dividend.perShare.times(dividend.shares).times(rate).round(decimals, Big.roundHalfEven);
}
