import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { fxToBase, type PackPricing } from './packPricing.js';

describe('fxToBase', () => {
  const pricing: PackPricing = {
    prices: new Map(),
    fx: [
      { base: 'EUR', quote: 'USD', rate: new Big('1.25') },
      { base: 'GBP', quote: 'USD', rate: new Big('1.5') },
      { base: 'EUR', quote: 'GBP', rate: new Big('0.8') },
    ],
  };
  it('uses direct pairs as is and inverts pairs quoted the other way (hand-computed)', () => {
    const toUsd = fxToBase(pricing, 'USD');
    expect(toUsd.get('EUR')?.toString()).toBe('1.25');
    expect(toUsd.get('GBP')?.toString()).toBe('1.5');
    const toEur = fxToBase(pricing, 'EUR');
    expect(toEur.get('USD')?.toString()).toBe('0.8'); // 1 / 1.25
    expect(toEur.get('GBP')?.toString()).toBe('1.25'); // 1 / 0.8
    expect(fxToBase(pricing, 'GBP').get('EUR')?.toString()).toBe('0.8');
  });
  it('has no rate for a currency without a pair (no crosses)', () => {
    expect(fxToBase(pricing, 'JPY').size).toBe(0);
  });
});
