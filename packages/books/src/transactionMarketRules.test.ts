import { describe, expect, it } from 'vitest';
import type { BookTransaction } from './bookRecords.js';
import {
  checkTransactionMarket,
  tradeAmountTolerance,
  type BooksMarketFacts,
} from './transactionMarketRules.js';

const facts: BooksMarketFacts = {
  securities: new Map([
    ['AAPL', { currency: 'USD', underlyingCurrency: null }],
    ['SAP', { currency: 'USD', underlyingCurrency: 'EUR' }],
    ['SAP.DE', { currency: 'EUR', underlyingCurrency: null }],
  ]),
  addSecurityHint: (symbol) => `add it with: securities add ${symbol}`,
  fxPairs: new Set(['EURUSD']),
  today: '2024-03-08',
};

const buy: BookTransaction = {
  portfolioId: 'P',
  externalId: 'T-1',
  tradeDate: '2024-03-01',
  settleDate: '2024-03-05',
  type: 'buy',
  symbol: 'AAPL',
  quantity: '5',
  price: '150.00',
  amount: '-750.00',
  currency: 'USD',
  exDate: null,
  payDate: null,
  description: '',
};

function problems(row: Partial<BookTransaction>, base = 'USD'): string[] {
  const found: string[] = [];
  checkTransactionMarket({ ...buy, ...row }, base, facts, (column, message) =>
    found.push(`${column}: ${message}`),
  );
  return found;
}

describe('checkTransactionMarket', () => {
  it('accepts a buy whose amount is −(quantity × price), in the security currency, dated ≤ today', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ tradeDate: '2024-03-08', settleDate: null })).toEqual([]);
  });

  it('refuses an amount that is not quantity × price beyond the rounding tolerance', () => {
    // 5 × 150.00 = 750.00, tolerance 0.01 + 5 × 0.005 = 0.035.
    expect(problems({ amount: '-7500.00' })).toEqual([
      'amount: -7500.00 does not match −(quantity × price) = −(5 × 150.00) = -750.00 USD ' +
        '(allowed rounding 0.035; fees go in their own fee rows)',
    ]);
    expect(problems({ amount: '-750.03' })).toEqual([]);
    expect(problems({ amount: '-750.04' })).toHaveLength(1);
    expect(problems({ type: 'sell', amount: '750.00' })).toEqual([]);
    expect(problems({ type: 'sell', amount: '749.90' })).toHaveLength(1);
  });

  it('tolerates one minor unit plus half a unit of the price’s last decimal per share', () => {
    expect(tradeAmountTolerance('5', '150.00', 2).toFixed()).toBe('0.035');
    expect(tradeAmountTolerance('100', '12.3456', 2).toFixed()).toBe('0.015');
    expect(tradeAmountTolerance('10', '2500', 0).toFixed()).toBe('6');
  });

  it('refuses a trade after today and a settle date before the trade date', () => {
    expect(problems({ tradeDate: '2030-01-02', settleDate: null })).toEqual([
      'trade_date: 2030-01-02 is after today (2024-03-08): not a booked trade',
    ]);
    expect(problems({ settleDate: '2024-02-28' })).toEqual([
      'settle_date: 2024-02-28 is before the trade date 2024-03-01',
    ]);
  });

  it('refuses a security booked in another currency than it trades in; an ADR dividend may be in the underlying currency', () => {
    expect(problems({ currency: 'EUR', amount: '-750.00' }, 'EUR')).toEqual([
      'currency: AAPL trades in USD, so its buy must be booked in USD, not EUR (convert cash with a pair of fx rows)',
    ]);
    const dividend = {
      type: 'dividend' as const,
      quantity: null,
      price: null,
      exDate: '2024-02-01',
      payDate: '2024-02-10',
    };
    expect(problems({ ...dividend, symbol: 'SAP', currency: 'EUR', amount: '3.00' })).toEqual([]);
    expect(problems({ ...dividend, symbol: 'AAPL', currency: 'EUR', amount: '3.00' })).toEqual([
      'currency: AAPL trades in USD, so its dividend must be booked in USD, not EUR (convert cash with a pair of fx rows)',
    ]);
    expect(
      problems({ ...dividend, symbol: 'SAP', currency: 'USD', amount: '3', payDate: '2024-01-31' }),
    ).toEqual(['pay_date: 2024-01-31 is before the ex date 2024-02-01']);
  });

  it('refuses an unknown security with how to add it', () => {
    expect(problems({ symbol: 'TSLA' })).toEqual([
      'symbol: TSLA is not a known security (add it with: securities add TSLA)',
    ]);
  });

  it('refuses a currency the FX data cannot convert to the base currency (direct or inverse pair only)', () => {
    const deposit = { type: 'deposit' as const, symbol: null, quantity: null, price: null };
    expect(problems({ ...deposit, currency: 'EUR', amount: '10' }, 'USD')).toEqual([]);
    expect(problems({ ...deposit, currency: 'USD', amount: '10' }, 'EUR')).toEqual([]);
    expect(problems({ ...deposit, currency: 'CHF', amount: '10' }, 'USD')).toEqual([
      "currency: the market data has no CHFUSD or USDCHF rates, so CHF cannot be valued in the portfolio's base currency USD",
    ]);
    const unchecked = { ...facts, fxPairs: null };
    const found: string[] = [];
    checkTransactionMarket(
      { ...buy, ...deposit, currency: 'CHF', amount: '10' },
      'USD',
      unchecked,
      (c) => found.push(c),
    );
    expect(found).toEqual([]);
  });
});
