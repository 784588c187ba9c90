import Big from 'big.js';

/**
 * A JSON number as a plain decimal string, exactly as JavaScript's shortest round-trip
 * form prints it but never in exponent notation: `236.85` → `"236.85"`,
 * `2.886e-7` → `"0.0000002886"`, `5.545036E7` → `"55450360"`. No re-rounding.
 */
export function decimalFromNumber(value: number): string {
  return new Big(value).toFixed();
}

/** Like {@link decimalFromNumber} but passes null (and undefined) through as null. */
export function decimalOrNull(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : decimalFromNumber(value);
}

/** Plain decimal strings as the offline files and providers' string fields carry them. */
export const decimalPattern = /^-?\d+(\.\d+)?$/;
