import Big from 'big.js';
import { minorUnitDigitsOf } from './currencyCodes.js';
import type { BookTransaction } from './bookRecords.js';

/** What a security contributes to checking a transaction: where it trades and pays. */
export interface SecurityCurrencies {
  /** The currency the security trades in (its prices in the market data). */
  readonly currency: string;
  /** An ADR's underlying currency (its dividends may be declared in it), else null. */
  readonly underlyingCurrency: string | null;
}

/** The facts a transaction is checked against: the known securities, FX data and today. */
export interface BooksMarketFacts {
  /** Known securities by symbol; null = symbols are not checked. */
  readonly securities: ReadonlyMap<string, SecurityCurrencies> | null;
  /** How to add a missing security, e.g. `add it with: securities add TSLA --currency CCY`. */
  readonly addSecurityHint: (symbol: string) => string;
  /** FX pairs the configured market data has (`EURUSD`); null = not checked (live providers). */
  readonly fxPairs: ReadonlySet<string> | null;
  /** Today, YYYY-MM-DD: no trade may be dated after it. */
  readonly today: string;
}

/** A column of the transactions CSV a problem points at. */
export type TransactionColumn =
  'trade_date' | 'settle_date' | 'symbol' | 'amount' | 'currency' | 'pay_date';

/**
 * How far a trade's amount may be from quantity × price for the broker's rounding: one
 * minor unit of the currency (the amount's own rounding) plus quantity × half a unit of
 * the price's last written decimal (the price may itself be a rounded average fill).
 * 5 × 150.00 USD: 0.01 + 5 × 0.005 = 0.035.
 */
export function tradeAmountTolerance(quantity: string, price: string, minorDigits: number): Big {
  const priceDecimals = price.includes('.') ? price.length - price.indexOf('.') - 1 : 0;
  const halfPriceUnit = new Big(5).div(new Big(10).pow(priceDecimals + 1));
  const minorUnit = new Big(1).div(new Big(10).pow(minorDigits));
  return minorUnit.plus(new Big(quantity).abs().times(halfPriceUnit));
}

/**
 * Checks a transaction (its fields already valid one by one) against the market it
 * describes, calling `problem(column, message)` for each violation:
 *
 * - trade date ≤ today; settle date ≥ trade date; a dividend's pay date ≥ its ex date;
 * - the symbol of a buy, sell, dividend or split is a known security;
 * - a buy, sell or split is booked in the security's trading currency; a dividend in it
 *   or, for an ADR, in the underlying's currency (declared there, converted by fx rows);
 * - the currency is the portfolio's base or the FX data has the direct or inverse pair
 *   (the pack's policy: no crosses), so the night can value it;
 * - a buy's amount is −(quantity × price) and a sell's +(quantity × price), within
 *   {@link tradeAmountTolerance} for the broker's rounding. Fees and taxes are their own `fee` rows, never inside the trade's amount.
 */
export function checkTransactionMarket(
  row: BookTransaction,
  baseCurrency: string,
  facts: BooksMarketFacts,
  problem: (column: TransactionColumn, message: string) => void,
): void {
  if (row.tradeDate > facts.today)
    problem('trade_date', `${row.tradeDate} is after today (${facts.today}): not a booked trade`);
  if (row.settleDate !== null && row.settleDate < row.tradeDate)
    problem('settle_date', `${row.settleDate} is before the trade date ${row.tradeDate}`);
  if (row.type === 'dividend' && row.exDate !== null && row.payDate !== null) {
    if (row.payDate < row.exDate)
      problem('pay_date', `${row.payDate} is before the ex date ${row.exDate}`);
  }
  checkSecurity(row, facts, problem);
  if (row.currency !== baseCurrency && facts.fxPairs !== null) {
    const direct = `${row.currency}${baseCurrency}`;
    const inverse = `${baseCurrency}${row.currency}`;
    if (!facts.fxPairs.has(direct) && !facts.fxPairs.has(inverse)) {
      problem(
        'currency',
        `the market data has no ${direct} or ${inverse} rates, so ${row.currency} cannot be ` +
          `valued in the portfolio's base currency ${baseCurrency}`,
      );
    }
  }
  if ((row.type === 'buy' || row.type === 'sell') && row.quantity !== null && row.price !== null)
    checkTradeAmount(row, problem);
}

function checkSecurity(
  row: BookTransaction,
  facts: BooksMarketFacts,
  problem: (column: TransactionColumn, message: string) => void,
): void {
  const needsSecurity = ['buy', 'sell', 'dividend', 'split'].includes(row.type);
  if (row.symbol === null || facts.securities === null || !needsSecurity) return;
  const security = facts.securities.get(row.symbol);
  if (security === undefined) {
    problem(
      'symbol',
      `${row.symbol} is not a known security (${facts.addSecurityHint(row.symbol)})`,
    );
    return;
  }
  const allowed = [security.currency];
  if (row.type === 'dividend' && security.underlyingCurrency !== null)
    allowed.push(security.underlyingCurrency);
  if (!allowed.includes(row.currency)) {
    problem(
      'currency',
      `${row.symbol} trades in ${security.currency}, so its ${row.type} must be booked in ` +
        `${allowed.join(' or ')}, not ${row.currency} (convert cash with a pair of fx rows)`,
    );
  }
}

function checkTradeAmount(
  row: BookTransaction,
  problem: (column: TransactionColumn, message: string) => void,
): void {
  const consideration = new Big(row.quantity as string).times(row.price as string);
  const expected = row.type === 'buy' ? consideration.neg() : consideration;
  // A non-positive quantity or an amount of the wrong sign is reported by the field rules.
  const amount = new Big(row.amount);
  if (consideration.lte(0) || (amount.s !== expected.s && !amount.eq(0))) return;
  const digits = minorUnitDigitsOf(row.currency) ?? 2;
  const tolerance = tradeAmountTolerance(row.quantity as string, row.price as string, digits);
  const difference = amount.minus(expected).abs();
  if (difference.gt(tolerance)) {
    const sign = row.type === 'buy' ? '−' : '+';
    problem(
      'amount',
      `${row.amount} does not match ${sign}(quantity × price) = ${sign}(${row.quantity} × ` +
        `${row.price}) = ${expected.toFixed(Math.max(digits, decimalsOf(expected)))} ` +
        `${row.currency} (allowed rounding ${tolerance.toFixed()}; ` +
        'fees go in their own fee rows)',
    );
  }
}

function decimalsOf(value: Big): number {
  const text = value.toFixed();
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}
