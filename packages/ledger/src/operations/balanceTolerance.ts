import { Decimal } from '../core/decimal.js';
import type { Balance } from '../core/types.js';
import type { LedgerOptions } from '../parser/options.js';

/**
 * Beancount 2.3.5 `get_balance_tolerance`: the explicit `~ tolerance` if written, else
 * for an amount with n decimals `2 × inferred_tolerance_multiplier × 10^-n` (0.01 for
 * `975.00` with the default 0.5), and zero (exact) for an integer amount.
 */
export function balanceTolerance(
  entry: Pick<Balance, 'amount' | 'tolerance'>,
  options: LedgerOptions,
): Decimal {
  if (entry.tolerance !== null) return entry.tolerance;
  const scale = entry.amount.number.scale;
  if (scale <= 0) return Decimal.ZERO;
  const multiplier = options.inferredToleranceMultiplier;
  return multiplier.mul(Decimal.fromInt(2)).mul(Decimal.unit(scale));
}
