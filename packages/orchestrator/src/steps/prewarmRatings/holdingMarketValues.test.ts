import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { holdingMarketValues } from './holdingMarketValues.js';

const quotes = new Map([
  ['AAPL', { close: '170.50', currency: 'USD' }],
  ['UL', { close: '48.20', currency: 'USD' }],
  ['ULVR', { close: '39.10', currency: 'GBP' }],
]);

describe('holdingMarketValues', () => {
  it('multiplies units by the close and converts direct, inverse and cross rates exactly', () => {
    const rates = new Map([
      ['EURUSD', '1.0850'],
      ['GBPUSD', '1.2700'],
    ]);
    const positions = new Map([
      ['AAPL', new Big('10')],
      ['ULVR', new Big('100')],
    ]);
    // 10 × 170.50 = 1705 USD; in EUR 1705 / 1.0850 (the inverse of EURUSD)
    expect(holdingMarketValues(positions, quotes, rates, 'USD')).toEqual([
      { symbol: 'AAPL', units: '10', marketValue: '1705' },
      { symbol: 'ULVR', units: '100', marketValue: '4965.7' }, // 3910 GBP × 1.27
    ]);
    const inEur = holdingMarketValues(positions, quotes, rates, 'EUR');
    expect(inEur[0]?.marketValue).toBe(new Big(1705).div('1.0850').toString());
    // GBP → USD → EUR: 3910 × 1.27 / 1.085
    expect(inEur[1]?.marketValue).toBe(new Big(3910).times('1.2700').div('1.0850').toString());
  });

  it('gives null with a reason, never 0, without a close or an FX route', () => {
    const positions = new Map([
      ['MISSING', new Big('5')],
      ['ULVR', new Big('1')],
    ]);
    expect(holdingMarketValues(positions, quotes, new Map(), 'JPY')).toEqual([
      { symbol: 'MISSING', units: '5', marketValue: null, reason: 'no close in the pack' },
      {
        symbol: 'ULVR',
        units: '1',
        marketValue: null,
        reason: 'no FX rate in the pack from GBP to JPY',
      },
    ]);
  });
});
