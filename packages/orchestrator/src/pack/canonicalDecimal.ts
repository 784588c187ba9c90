import Big from 'big.js';

/**
 * The one textual form of a decimal used in a pack's canonical serialisation: plain
 * notation (never exponent), no superfluous leading or trailing zeros, `-` only for
 * negative non-zero values. Equal numbers always give equal strings, so
 * `"101.50"`, `"101.5"` and `"1.015e2"` all become `"101.5"`; `"-0.00"` becomes `"0"`.
 *
 * Throws {@link InvalidDecimalError} when `text` is not a finite decimal.
 */
export function canonicalDecimal(text: string): string {
  let value: Big;
  try {
    value = new Big(text.trim());
  } catch {
    throw new InvalidDecimalError(text);
  }
  if (value.eq(0)) return '0';
  // big.js normalises its coefficient (no trailing zeros); toFixed() without an argument
  // prints exactly the stored digits in plain notation.
  return value.toFixed();
}

/** A value that should have been a decimal string was not. */
export class InvalidDecimalError extends Error {
  readonly code = 'invalid_decimal' as const;
  constructor(readonly text: string) {
    super(`not a finite decimal number: ${JSON.stringify(text)}`);
    this.name = 'InvalidDecimalError';
  }
}
