import { describe, expect, it } from 'vitest';
import { choleskyUpper } from './choleskyUpper.js';

describe('choleskyUpper', () => {
  it('factors a hand-computed 2 × 2 matrix: [[4, 2], [2, 5]] = RᵀR with R = [[2, 1], [0, 2]]', () => {
    expect(Array.from(choleskyUpper(Float64Array.of(4, 2, 2, 5), 2)!)).toEqual([2, 1, 0, 2]);
  });

  it('reproduces G = RᵀR for a 3 × 3 matrix', () => {
    const g = Float64Array.of(9, 3, 6, 3, 5, 4, 6, 4, 14);
    const r = choleskyUpper(g, 3)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += r[k * 3 + i]! * r[k * 3 + j]!;
        expect(s).toBeCloseTo(g[i * 3 + j]!, 12);
      }
    }
  });

  it('returns null for a singular or indefinite matrix', () => {
    expect(choleskyUpper(Float64Array.of(1, 1, 1, 1), 2)).toBeNull();
    expect(choleskyUpper(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
  });
});
