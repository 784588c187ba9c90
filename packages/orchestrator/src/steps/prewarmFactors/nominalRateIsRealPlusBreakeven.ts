import type { MetricSetInput } from '@truth-spine/finance-core';

/** Largest |ΔDGS10 − (ΔDFII10 + ΔT10YIE)| still counted as the identity, in percentage points. */
export const COLLINEARITY_TOLERANCE_PP = 1e-9;

/**
 * True when Δ DGS10 = Δ DFII10 + Δ T10YIE holds within {@link COLLINEARITY_TOLERANCE_PP} on
 * every complete row (the return and every factor observed) of rows [start, end) and there
 * is at least one such row — FRED defines T10YIE = DGS10 − DFII10, so on real data the three
 * change columns are exactly linearly dependent and the five-factor design is singular.
 * False when one of the three factors is not in `factorNames`.
 *
 * @example nominalRateIsRealPlusBreakeven(input, 0, input.returns.length)
 */
export function nominalRateIsRealPlusBreakeven(
  input: Pick<MetricSetInput, 'returns' | 'factors' | 'factorNames'>,
  start: number,
  end: number,
): boolean {
  const column = (id: string) => input.factors[input.factorNames.indexOf(id)];
  const real = column('DFII10');
  const breakeven = column('T10YIE');
  const nominal = column('DGS10');
  if (real === undefined || breakeven === undefined || nominal === undefined) return false;
  let completeRows = 0;
  for (let i = start; i < end; i++) {
    if (Number.isNaN(input.returns[i]!) || input.factors.some((f) => Number.isNaN(f[i]!))) {
      continue;
    }
    completeRows++;
    const gap = nominal[i]! - real[i]! - breakeven[i]!;
    if (!(Math.abs(gap) <= COLLINEARITY_TOLERANCE_PP)) return false;
  }
  return completeRows > 0;
}
