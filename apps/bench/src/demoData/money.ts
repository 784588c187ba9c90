import Big from 'big.js';

/** Digits after the decimal point of each currency's minor unit (ISO 4217). */
const minorUnitDigits: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  JPY: 0,
  CHF: 2,
};

/** Number of decimals a broker books cash in for `currency` (ISO 4217 minor unit). */
export function minorUnits(currency: string): number {
  const digits = minorUnitDigits[currency];
  if (digits === undefined) throw new Error(`no minor unit known for currency ${currency}`);
  return digits;
}

/**
 * Rounds a cash amount to the currency's minor unit, half away from zero (how brokers round
 * a trade's consideration or a dividend), and formats it with exactly that many decimals.
 *
 * @example roundCash(new Big('7895.9999'), 'USD') // '7896.00'
 */
export function roundCash(amount: Big, currency: string): string {
  const digits = minorUnits(currency);
  return amount.round(digits, Big.roundHalfUp).toFixed(digits);
}

/** A decimal in plain notation, unrounded (big.js `toString` may use exponents). */
export function plain(value: Big): string {
  return value.toFixed();
}

/**
 * The negation of a cash amount already in minor units, formatted like {@link roundCash}
 * (the other leg of a cash posting).
 *
 * @example negateCash('12.50', 'USD') // '-12.50'
 */
export function negateCash(amount: string, currency: string): string {
  return roundCash(new Big(amount).neg(), currency);
}
