import { describe, expect, it } from 'vitest';
import { loadLedgerText } from '../loader/loadLedger.js';
import { PriceHistory } from './priceHistory.js';

const prices = new PriceHistory(
  loadLedgerText(
    `
2024-01-03 price KO 59.10 USD
2024-01-02 price KO 58.90 USD
2024-01-03 price KO 59.20 USD
2024-01-03 price KO 54.00 EUR
`,
    'p.beancount',
  ).entries,
);

describe('PriceHistory', () => {
  it('keeps one price per date (the last written), ascending', () => {
    expect(prices.history('KO', 'USD').map((p) => [p.date, p.price.toString()])).toEqual([
      ['2024-01-02', '58.90'],
      ['2024-01-03', '59.20'],
    ]);
  });

  it('finds the latest price on or before a date, or null before the first', () => {
    expect(prices.latest('KO', 'USD', '2024-01-02')?.price.toString()).toBe('58.90');
    expect(prices.latest('KO', 'USD', '2024-06-30')?.date).toBe('2024-01-03');
    expect(prices.latest('KO', 'USD', '2024-01-01')).toBeNull();
    expect(prices.latest('KO', 'JPY', '2024-06-30')).toBeNull();
  });

  it('lists pairs with counts', () => {
    expect(prices.pairs()).toEqual([
      { commodity: 'KO', quote: 'EUR', count: 1 },
      { commodity: 'KO', quote: 'USD', count: 2 },
    ]);
  });
});
