import { describe, expect, it } from 'vitest';
import { ruleFrom } from '../testing/rulesFrom.js';
import { priceMoveConditions } from './priceMoveConditions.js';

const portfolios = [
  { id: 'p1', metrics: {}, holdings: ['AAPL', 'KO', 'XOM'] },
  { id: 'p2', metrics: {}, holdings: ['AAPL', 'TSLA'] },
];
const moves = { AAPL: -0.062, KO: 0.01, TSLA: 0.051, XOM: null };

function holds(direction: string, scope = 'all') {
  const rule = ruleFrom({ id: 'move', kind: 'price_move', threshold: 0.05, direction, scope });
  return priceMoveConditions(rule, portfolios, moves).map((c) => [c.scopeKey, c.holds]);
}

describe('priceMoveConditions', () => {
  it('checks each held security once against the threshold in the chosen direction', () => {
    expect(holds('either')).toEqual([
      ['AAPL', true],
      ['KO', false],
      ['TSLA', true],
      ['XOM', null],
    ]);
    expect(holds('down')).toEqual([
      ['AAPL', true],
      ['KO', false],
      ['TSLA', false],
      ['XOM', null],
    ]);
    expect(holds('up')).toEqual([
      ['AAPL', false],
      ['KO', false],
      ['TSLA', true],
      ['XOM', null],
    ]);
    expect(holds('either', 'p2')).toEqual([
      ['AAPL', true],
      ['TSLA', true],
    ]);
  });

  it('says what moved, by how much, and who holds it', () => {
    const rule = ruleFrom({ id: 'move', kind: 'price_move', threshold: 0.05, scope: 'all' });
    expect(priceMoveConditions(rule, portfolios, moves)[0]).toMatchObject({
      message: 'AAPL moved -6.20% in a day (threshold 5.00% either), held in p1, p2',
      details: { symbol: 'AAPL', move: -0.062, portfolioIds: ['p1', 'p2'] },
    });
  });
});
