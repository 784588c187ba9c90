import { describe, expect, it } from 'vitest';
import { fxRoute } from './fxRoute.js';

const pairs = new Set(['EURUSD', 'GBPUSD', 'EURJPY']);

describe('fxRoute', () => {
  it('needs no leg for the same currency', () => {
    expect(fxRoute(pairs, 'USD', 'USD')).toEqual([]);
  });
  it('uses the direct pair, else the inverse', () => {
    expect(fxRoute(pairs, 'EUR', 'USD')).toEqual([{ base: 'EUR', quote: 'USD', invert: false }]);
    expect(fxRoute(pairs, 'USD', 'GBP')).toEqual([{ base: 'GBP', quote: 'USD', invert: true }]);
  });
  it('crosses through USD before EUR', () => {
    expect(fxRoute(pairs, 'GBP', 'EUR')).toEqual([
      { base: 'GBP', quote: 'USD', invert: false },
      { base: 'EUR', quote: 'USD', invert: true },
    ]);
    expect(fxRoute(pairs, 'JPY', 'USD')).toEqual([
      { base: 'EUR', quote: 'JPY', invert: true },
      { base: 'EUR', quote: 'USD', invert: false },
    ]);
  });
  it('is null without a route', () => {
    expect(fxRoute(pairs, 'CHF', 'USD')).toBeNull();
  });
});
