/**
 * A signed amount in minor units (cents) as a plain decimal with two places:
 * `-123456` → `-1234.56`. Every generated price and cash amount is a whole number of cents.
 */
export function centsText(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
