import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { portfolioBooks, type BooksTransaction } from './portfolioBooks.js';

const tx = (
  externalId: string,
  tradeDate: string,
  type: string,
  symbol: string | null,
  quantity: string | null,
  amount: string,
  currency: string,
): BooksTransaction => ({
  externalId,
  tradeDate,
  type,
  symbol,
  quantity,
  amount,
  currency,
  description: `${type} ${externalId}`,
});

describe('portfolioBooks', () => {
  const books = [
    tx('T1', '2024-01-02', 'deposit', null, null, '10000', 'EUR'),
    tx('T2', '2024-01-03', 'fx', null, null, '-5000', 'EUR'),
    tx('T3', '2024-01-03', 'fx', null, null, '5500', 'USD'),
    tx('T4', '2024-01-04', 'buy', 'SAP', '20', '-4000', 'USD'),
    tx('T5', '2024-03-11', 'buy', 'SAP', '1', '-200', 'USD'),
  ];
  const valuer = {
    unitValue: (symbol: string) => (symbol === 'SAP' ? new Big('210').times('0.9') : null),
    cashRate: (currency: string) =>
      currency === 'EUR' ? new Big(1) : currency === 'USD' ? new Big('0.9') : null,
  };

  it('values positions and cash in the base currency (hand-computed)', () => {
    const result = portfolioBooks('P', 'EUR', books, '2024-03-08', valuer);
    // 20 × 210 × 0.9 = 3780; USD cash 1500 × 0.9 = 1350; EUR cash 5000 → 10130
    expect(result.portfolioValue.toString()).toBe('10130');
    expect(result.positions.get('SAP')?.toString()).toBe('20');
    expect(result.cash.get('USD')?.toString()).toBe('1500');
  });

  it('lists each movement up to D with its own cash and unit effect', () => {
    const result = portfolioBooks('P', 'EUR', books, '2024-03-08', valuer);
    expect(result.movements?.map((m) => m.externalId)).toEqual(['T1', 'T2', 'T3', 'T4']);
    const buy = result.movements?.[3];
    expect(buy?.units.get('SAP')?.toString()).toBe('20');
    expect(buy?.cash.get('USD')?.toString()).toBe('-4000');
  });
});
