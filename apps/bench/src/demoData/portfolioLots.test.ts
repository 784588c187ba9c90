import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { PortfolioLots } from './portfolioLots.js';

const lot = (quantity: string, cost: string, date: string) => ({
  quantity: new Big(quantity),
  cost,
  date,
});
const shown = (lots: readonly { quantity: Big; cost: string; date: string }[]) =>
  lots.map((l) => `${l.quantity.toFixed()}@${l.cost} ${l.date}`);

describe('PortfolioLots', () => {
  it('sums the units of a symbol and has none of a symbol never bought', () => {
    const lots = new PortfolioLots();
    lots.add('AAPL', lot('10', '150.00', '2024-01-02'));
    lots.add('AAPL', lot('5', '160.00', '2024-02-01'));
    expect(lots.units('AAPL').toFixed()).toBe('15');
    expect(lots.units('MSFT').toFixed()).toBe('0');
    expect(lots.open('MSFT')).toEqual([]);
  });

  it('takes shares first in, first out, leaving the rest of a lot taken in part', () => {
    const lots = new PortfolioLots();
    lots.add('AAPL', lot('10', '150.00', '2024-01-02'));
    lots.add('AAPL', lot('5', '160.00', '2024-02-01'));
    lots.add('AAPL', lot('8', '170.00', '2024-03-01'));
    expect(shown(lots.takeFirstInFirstOut('AAPL', new Big('12')))).toEqual([
      '10@150.00 2024-01-02',
      '2@160.00 2024-02-01',
    ]);
    expect(shown(lots.open('AAPL'))).toEqual(['3@160.00 2024-02-01', '8@170.00 2024-03-01']);
    expect(shown(lots.takeFirstInFirstOut('AAPL', new Big('3')))).toEqual(['3@160.00 2024-02-01']);
    expect(shown(lots.open('AAPL'))).toEqual(['8@170.00 2024-03-01']);
  });

  it('replaces the lots of a symbol', () => {
    const lots = new PortfolioLots();
    lots.add('NVDA', lot('4', '800.00', '2024-01-02'));
    lots.replace('NVDA', [lot('40', '80', '2024-01-02')]);
    expect(shown(lots.open('NVDA'))).toEqual(['40@80 2024-01-02']);
    expect(lots.units('NVDA').toFixed()).toBe('40');
  });
});
