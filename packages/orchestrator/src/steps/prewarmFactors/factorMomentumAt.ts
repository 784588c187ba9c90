import { factorMomentumZ, isUndefinedValue } from '@truth-spine/finance-core';
import type { JsonValue } from '../../pipeline/stepBody.js';

/** Rows of the factor momentum window (finance-core docs/FACTORS.md). */
export const MOMENTUM_ROWS = 90;

/**
 * Factor momentum `(f(as_of) − mean) / std` over the 90 rows ending at `row`, per factor,
 * including and excluding the current row (finance-core `factorMomentumZ`) — a market-wide
 * fact, so stored once per pack (regimes.details); an undefined value is null beside
 * `<factor>_reason`.
 */
export function factorMomentumAt(
  names: readonly string[],
  changes: readonly Float64Array[],
  row: number,
): { [key: string]: JsonValue } {
  const reading = (excludeCurrent: boolean): { [key: string]: JsonValue } => {
    const out: { [key: string]: JsonValue } = {};
    names.forEach((name, j) => {
      const z = factorMomentumZ(changes[j]!, row, MOMENTUM_ROWS, { excludeCurrent });
      out[name] = isUndefinedValue(z) ? null : z.value;
      if (isUndefinedValue(z)) out[`${name}_reason`] = z.reason;
    });
    return out;
  };
  return { z90: reading(false), z90_excl_current: reading(true) };
}
