import { describe, expect, it } from 'vitest';
import { REGIME_NAMES, regimeCode } from './regime.js';

describe('regimeCode', () => {
  it('names the four quadrants and leaves an undefined axis undefined', () => {
    expect(REGIME_NAMES[regimeCode(1, -1)]).toBe('Goldilocks');
    expect(REGIME_NAMES[regimeCode(1, 1)]).toBe('Reflation');
    expect(REGIME_NAMES[regimeCode(-1, 1)]).toBe('Stagflation');
    expect(REGIME_NAMES[regimeCode(-1, -1)]).toBe('Deflation');
    expect(regimeCode(0, 1)).toBe(0);
    expect(regimeCode(1, 0)).toBe(0);
  });
});
