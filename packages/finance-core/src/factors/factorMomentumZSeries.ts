import { isUndefinedValue } from '../result/undefinedValue.js';
import { factorMomentumZ, type FactorMomentumOptions } from './factorMomentumZ.js';

/**
 * {@link factorMomentumZ} at every row, with the same window, options and undefined cases;
 * NaN where undefined (ask {@link factorMomentumZ} for the reason). Each row is computed
 * exactly by two passes over its window, O(n·window): this runs once per market series
 * per night, not per portfolio.
 *
 * @example factorMomentumZSeries(t10yieLevels)[asOfRow]
 */
export function factorMomentumZSeries(
  series: Float64Array,
  window = 90,
  options: FactorMomentumOptions = {},
): Float64Array {
  const out = new Float64Array(series.length);
  for (let i = 0; i < series.length; i++) {
    const z = factorMomentumZ(series, i, window, options);
    out[i] = isUndefinedValue(z) ? NaN : z.value;
  }
  return out;
}
