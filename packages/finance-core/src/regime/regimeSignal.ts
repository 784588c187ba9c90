import { factorChanges } from '../factors/factorChanges.js';
import { FactorInputError } from '../factors/factorInputError.js';
import { factorMomentumZSeries } from '../factors/factorMomentumZSeries.js';
import type { RegimeSignalSpec } from './regimeOptions.js';

/**
 * One regime axis at every row: sign × momentum z-score (see `factorMomentumZ`, window
 * rows including the row, ddof 1) of the spec's FRED series — its level, or its daily
 * change in level units. NaN where the momentum is undefined (short history, missing value).
 * Throws {@link FactorInputError} `missing_series` when `levels` lacks the series.
 *
 * @example regimeSignal({ T10YIE }, DEFAULT_REGIME_OPTIONS.inflation)
 */
export function regimeSignal(
  levels: Readonly<Record<string, Float64Array>>,
  spec: RegimeSignalSpec,
): Float64Array {
  const series = levels[spec.series];
  if (series === undefined) {
    throw new FactorInputError(
      'missing_series',
      `regime signal needs the FRED series ${spec.series}, which was not given`,
    );
  }
  const basis = spec.basis === 'level' ? series : factorChanges(series, 'difference');
  const z = factorMomentumZSeries(basis, spec.window);
  if (spec.sign === -1) for (let i = 0; i < z.length; i++) z[i] = -z[i]!;
  return z;
}
