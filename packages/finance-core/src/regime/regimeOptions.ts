/** How one regime axis is read from a FRED level series. */
export interface RegimeSignalSpec {
  /** FRED series id, a key of the levels passed to `detectRegimes`. */
  readonly series: string;
  /** Rows of the momentum window. */
  readonly window: number;
  /** +1 when a rising series means the axis is up, −1 when it means down. */
  readonly sign: 1 | -1;
  /**
   * `level`: z-score of today's level against its window (is the series above its recent
   * history?); `change`: z-score of today's daily change (is it moving unusually today?).
   */
  readonly basis: 'level' | 'change';
}

/** Settings of `detectRegimes`; every field has a documented default. */
export interface RegimeOptions {
  /** Default: 90-row momentum of the T10YIE level (10-year breakeven inflation), sign +1. */
  readonly inflation: RegimeSignalSpec;
  /** Default: negative 90-row momentum of the BAMLC0A0CM level (credit spread), sign −1. */
  readonly growth: RegimeSignalSpec;
  /**
   * Hysteresis band half-width in signal units (z-scores). An axis that is up turns down only
   * when its signal falls below −threshold, and back up only above +threshold. Default 0.5.
   */
  readonly threshold: number;
  /** Signal (in z) at which an axis counts as fully certain; default 2. */
  readonly confidenceScale: number;
}

/** The documented defaults of {@link RegimeOptions} (docs/FACTORS.md). */
export const DEFAULT_REGIME_OPTIONS: RegimeOptions = {
  inflation: { series: 'T10YIE', window: 90, sign: 1, basis: 'level' },
  growth: { series: 'BAMLC0A0CM', window: 90, sign: -1, basis: 'level' },
  threshold: 0.5,
  confidenceScale: 2,
};
