import { undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';
import { classifyRegimes, type RegimeSeries } from './classifyRegimes.js';
import { regimeAt, type RegimeReading } from './regimeAt.js';
import { DEFAULT_REGIME_OPTIONS, type RegimeOptions } from './regimeOptions.js';
import { regimeSignal } from './regimeSignal.js';

/** Regimes over a whole series and the one on its last row. */
export interface RegimeDetection {
  readonly rows: RegimeSeries;
  readonly latest: RegimeReading | UndefinedValue;
}

/**
 * Growth/inflation regime at every row of FRED level series on one calendar (docs/FACTORS.md).
 *
 * Signals per {@link RegimeOptions} (defaults {@link DEFAULT_REGIME_OPTIONS}: inflation =
 * 90-row momentum z of the T10YIE level, growth = − 90-row momentum z of the BAMLC0A0CM
 * level), then {@link classifyRegimes} (hysteresis ±0.5, confidence scale 2). The whole
 * series is processed so the hysteresis state carries from row to row; `latest` is the last
 * row's reading. `levels` maps series id → levels (NaN = missing); the signal series must
 * be present and of one length.
 *
 * @example detectRegimes({ T10YIE, BAMLC0A0CM }).latest // → { regime: 'Reflation', … }
 */
export function detectRegimes(
  levels: Readonly<Record<string, Float64Array>>,
  options: Partial<RegimeOptions> = {},
): RegimeDetection {
  const settings: RegimeOptions = { ...DEFAULT_REGIME_OPTIONS, ...options };
  const rows = classifyRegimes(
    regimeSignal(levels, settings.growth),
    regimeSignal(levels, settings.inflation),
    settings.threshold,
    settings.confidenceScale,
  );
  const last = rows.regimes.length - 1;
  return { rows, latest: last >= 0 ? regimeAt(rows, last) : undefinedValue('no rows') };
}
