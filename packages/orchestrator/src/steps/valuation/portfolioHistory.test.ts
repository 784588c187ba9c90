import { isoToEpochDay } from '@truth-spine/finance-core';
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { exactValuation } from './exactValuation.js';
import { dailyReturn, portfolioHistory, type ValuationMarket } from './portfolioHistory.js';
import type { BookMovement } from './runningHoldings.js';

// A hand-computable USD portfolio: a deposit, a buy, a 2-for-1 split, a EUR dividend
// converted a day later by an fx pair, and a second deposit. XYZ has no close on 01-04
// (carried forward); EURUSD has no fixing on 01-03 (carried forward).
const days = ['2023-12-29', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
const calendar = Int32Array.from(days, isoToEpochDay);
const movement = (
  tradeDate: string,
  type: string,
  symbol: string | null,
  quantity: string | null,
  amount: string,
  currency = 'USD',
): BookMovement => ({ tradeDate, type, symbol, quantity, amount, currency });
const movements: BookMovement[] = [
  movement('2024-01-02', 'deposit', null, null, '10000'),
  movement('2024-01-02', 'buy', 'XYZ', '10', '-1000'),
  movement('2024-01-03', 'split', 'XYZ', '10', '0'),
  movement('2024-01-04', 'dividend', 'XYZ', '20', '20', 'EUR'),
  movement('2024-01-05', 'fx', null, null, '-20', 'EUR'),
  movement('2024-01-05', 'fx', null, null, '25', 'USD'),
  movement('2024-01-05', 'deposit', null, null, '500'),
];
const eurUsd = Float64Array.of(NaN, 1.1, 1.1, 1.2, 1.25);
const market: ValuationMarket = {
  calendar,
  closes: new Map([['XYZ', Float64Array.of(NaN, 100, 52, 52, 55)]]),
  toBase: new Map([
    ['USD', new Float64Array(5).fill(1)],
    ['EUR', eurUsd],
  ]),
  securityCurrency: new Map([['XYZ', 'USD']]),
};

describe('portfolioHistory', () => {
  const history = portfolioHistory(movements, market, 1);

  it('values the books per day by hand', () => {
    // 01-02: 9000 cash + 10 × 100; 01-03: 9000 + 20 × 52; 01-04: 9000 + 20 EUR × 1.2 + 20 × 52
    // 01-05: (9000 + 25 + 500) + 20 × 55
    expect([...history.values]).toEqual([10000, 10040, 10064, 10625]);
    expect([...history.externalFlows]).toEqual([10000, 0, 0, 500]);
    expect([...history.epochDays]).toEqual([...calendar.subarray(1)]);
  });

  it('gives end-of-day-flow returns equal to the hand computation', () => {
    const expected = [10040 / 10000 - 1, 10064 / 10040 - 1, (10625 - 500) / 10064 - 1];
    expect(history.returns.length).toBe(3);
    history.returns.forEach((r, i) => expect(r).toBeCloseTo(expected[i]!, 15));
  });

  it('values D exactly with the pack quotes', () => {
    const exact = exactValuation('P', history.holdings, market.securityCurrency, 'USD', {
      closes: new Map([['XYZ', new Big('55')]]),
      fx: new Map([['EURUSD', new Big('1.25')]]),
    });
    expect(exact.marketValue.toString()).toBe('10625');
    expect(exact.securitiesValue.toString()).toBe('1100');
    expect(exact.cashValue.toString()).toBe('9525');
    expect(exact.positions).toBe(1);
  });

  it('converts into another base through the inverse pair', () => {
    const exact = exactValuation('P', history.holdings, market.securityCurrency, 'EUR', {
      closes: new Map([['XYZ', new Big('55')]]),
      fx: new Map([['EURUSD', new Big('1.25')]]),
    });
    expect(exact.marketValue.toString()).toBe('8500'); // 10625 / 1.25
  });

  it('names the portfolio and symbol when the pack lacks a close', () => {
    expect(() =>
      exactValuation('P-1', history.holdings, market.securityCurrency, 'USD', {
        closes: new Map(),
        fx: new Map(),
      }),
    ).toThrow(/P-1.*XYZ/);
  });
});

describe('dailyReturn', () => {
  it('is undefined (NaN) after a non-positive or unknown value', () => {
    expect(dailyReturn(0, 5, 0)).toBeNaN();
    expect(dailyReturn(NaN, 5, 0)).toBeNaN();
    expect(dailyReturn(100, 110, 5)).toBeCloseTo(0.05, 15);
  });
});
