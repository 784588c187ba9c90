/** The four growth × inflation regimes (docs/FACTORS.md). */
export type RegimeName = 'Goldilocks' | 'Reflation' | 'Stagflation' | 'Deflation';

/** Direction of one axis: +1 up, −1 down; 0 where the signal is undefined. */
export type Direction = -1 | 0 | 1;

/** Regime codes of {@link RegimeSeries.regimes}; 0 = undefined. */
export const REGIME_NAMES: readonly (RegimeName | null)[] = [
  null,
  'Goldilocks',
  'Reflation',
  'Stagflation',
  'Deflation',
];

/**
 * The regime of a growth and an inflation direction: Goldilocks (growth up, inflation down),
 * Reflation (up, up), Stagflation (down, up), Deflation (down, down). Returns its code in
 * {@link REGIME_NAMES}, 0 when either direction is undefined.
 *
 * @example REGIME_NAMES[regimeCode(1, -1)] // → 'Goldilocks'
 */
export function regimeCode(growth: Direction, inflation: Direction): number {
  if (growth === 0 || inflation === 0) return 0;
  if (growth > 0) return inflation < 0 ? 1 : 2;
  return inflation > 0 ? 3 : 4;
}
