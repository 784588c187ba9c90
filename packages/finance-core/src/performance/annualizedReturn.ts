import { undefinedValue, type UndefinedValue } from '../result/undefinedValue.js';

/** Reason given when a period is too short to annualise. */
export const SUB_YEAR_PERIOD = 'period shorter than one year is not annualised';

/**
 * Actual/365 annualisation of a cumulative return over `days` calendar days:
 * (1 + R)^(365 / days) − 1. Periods under a year (days < 365) are never annualised
 * (CONVENTIONS.md) and give `null` with a reason; so does a total loss (1 + R ≤ 0).
 *
 * @example annualizedReturn(0.21, 730) // 0.1 (approximately)
 */
export function annualizedReturn(cumulative: number, days: number): number | UndefinedValue {
  if (days < 365) return undefinedValue(SUB_YEAR_PERIOD);
  if (1 + cumulative <= 0) return undefinedValue('total loss: (1 + R) ≤ 0');
  return Math.pow(1 + cumulative, 365 / days) - 1;
}
