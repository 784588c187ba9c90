import { describe, expect, it } from 'vitest';
import { winLossStats } from './winLossStats.js';

describe('winLossStats', () => {
  it('counts zero days as observations but not wins (hand-computed)', () => {
    expect(winLossStats(Float64Array.of(0.02, -0.01, 0, 0.04, Number.NaN), 0, 5)).toEqual({
      nObs: 4,
      nWins: 2,
      nLosses: 1,
      nZero: 1,
      winRate: 0.5,
      avgWin: 0.03,
      avgLoss: -0.01,
      payoffRatio: 3,
    });
  });
  it('gives reasons when there is no winning or losing day or no observation', () => {
    const s = winLossStats(Float64Array.of(0.01, 0.02), 0, 2);
    expect(s).toMatchObject({ winRate: 1, avgLoss: { value: null }, payoffRatio: { value: null } });
    expect(winLossStats(Float64Array.of(Number.NaN), 0, 1)).toMatchObject({ value: null });
  });
});
