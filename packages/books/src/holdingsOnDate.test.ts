import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { holdingsOnDate, type HoldingMovement } from './holdingsOnDate.js';

const row = (
  tradeDate: string,
  type: string,
  symbol: string | null,
  quantity: string | null,
  amount: string,
  currency = 'USD',
): HoldingMovement => ({ tradeDate, type, symbol, quantity, amount, currency });

describe('holdingsOnDate', () => {
  const books = [
    row('2020-01-02', 'deposit', null, null, '10000'),
    row('2020-01-03', 'buy', 'AAPL', '10', '-3000.10'),
    row('2020-08-31', 'split', 'AAPL', '30', '0'),
    row('2020-09-01', 'sell', 'AAPL', '40', '5000.25'),
    row('2020-09-02', 'buy', 'KO', '5', '-250'),
    row('2020-09-03', 'fx', null, null, '-1000', 'USD'),
    row('2020-09-03', 'fx', null, null, '900.5', 'EUR'),
  ];

  it('folds units and cash up to the date (hand-computed)', () => {
    const mid = holdingsOnDate(books, '2020-08-31');
    expect(mid.positions.get('AAPL')?.toString()).toBe('40');
    expect(mid.cash.get('USD')?.toString()).toBe('6999.9');
    const end = holdingsOnDate(books, '2020-12-31');
    // AAPL fully sold: dropped; 10000 − 3000.10 + 5000.25 − 250 − 1000 = 10750.15
    expect([...end.positions.keys()]).toEqual(['KO']);
    expect(end.cash.get('USD')?.eq(new Big('10750.15'))).toBe(true);
    expect(end.cash.get('EUR')?.toString()).toBe('900.5');
  });

  it('ignores transactions after the date', () => {
    expect(holdingsOnDate(books, '2020-01-01').cash.size).toBe(0);
  });
});
