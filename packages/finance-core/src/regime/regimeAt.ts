import { FactorInputError } from '../factors/factorInputError.js';
import { undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import type { RegimeSeries } from './classifyRegimes.js';
import { REGIME_NAMES, type RegimeName } from './regime.js';

/** The regime on one row, as reported: signals, confidence, changed (docs/FACTORS.md). */
export interface RegimeReading {
  readonly regime: RegimeName;
  readonly growth: 'up' | 'down';
  readonly inflation: 'up' | 'down';
  readonly growth_signal: number;
  readonly inflation_signal: number;
  /** In [0, 1], see `classifyRegimes`. */
  readonly confidence: number;
  /** Differs from the previous row's regime. */
  readonly changed: boolean;
}

/** Reason given when a regime signal is undefined on the row. */
export const SIGNAL_UNDEFINED = 'regime signal undefined (too little history or missing data)';

/**
 * The {@link RegimeReading} on `row` of a {@link RegimeSeries}; an {@link UndefinedValue}
 * when either signal is undefined there. Throws {@link FactorInputError} for a row outside it.
 *
 * @example regimeAt(detectRegimes(levels).rows, asOfRow)
 */
export function regimeAt(series: RegimeSeries, row: number): RegimeReading | UndefinedValue {
  if (!Number.isInteger(row) || row < 0 || row >= series.regimes.length) {
    throw new FactorInputError(
      'index_out_of_range',
      `regime row ${row} is outside the series (0…${series.regimes.length - 1})`,
    );
  }
  const name = REGIME_NAMES[series.regimes[row]!];
  if (name === null || name === undefined) return undefinedValue(SIGNAL_UNDEFINED);
  return {
    regime: name,
    growth: series.growth_direction[row]! > 0 ? 'up' : 'down',
    inflation: series.inflation_direction[row]! > 0 ? 'up' : 'down',
    growth_signal: series.growth_signal[row]!,
    inflation_signal: series.inflation_signal[row]!,
    confidence: series.confidence[row]!,
    changed: series.changed[row] === 1,
  };
}
