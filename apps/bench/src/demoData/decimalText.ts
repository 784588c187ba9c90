/** A plain decimal as sources write it: optional sign, digits, optional fraction (no exponent). */
const plainDecimal = /^-?\d+(\.\d+)?$/;

/** True when `text` is a plain decimal string such as `157.919998` or `-0.5`. */
export function isPlainDecimal(text: string): boolean {
  return plainDecimal.test(text);
}
