import { describe, expect, it } from 'vitest';
import { heldSecurities, portfoliosInScope } from './scope.js';

const p1 = { id: 'p1', metrics: {}, holdings: ['MSFT', 'AAPL', 'AAPL'] };
const p2 = { id: 'p2', metrics: {}, holdings: ['AAPL', 'KO'] };

describe('portfoliosInScope', () => {
  it('selects all, one, or none', () => {
    expect(portfoliosInScope('all', [p1, p2])).toEqual([p1, p2]);
    expect(portfoliosInScope('p2', [p1, p2])).toEqual([p2]);
    expect(portfoliosInScope('p3', [p1, p2])).toBeNull();
  });
});

describe('heldSecurities', () => {
  it('lists each symbol once, by symbol, with its holders', () => {
    expect(heldSecurities([p1, p2])).toEqual([
      ['AAPL', ['p1', 'p2']],
      ['KO', ['p2']],
      ['MSFT', ['p1']],
    ]);
  });
});
