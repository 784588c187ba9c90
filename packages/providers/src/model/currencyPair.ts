/** A currency pair: `EURUSD` → base EUR, quote USD (the rate is USD per 1 EUR). */
export interface CurrencyPair {
  readonly pair: string;
  readonly base: string;
  readonly quote: string;
}

/** Splits `EURUSD` (six letters, any case) into base and quote; null when malformed. */
export function parseCurrencyPair(text: string): CurrencyPair | null {
  const pair = text.trim().toUpperCase();
  if (!/^[A-Z]{6}$/.test(pair)) return null;
  return { pair, base: pair.slice(0, 3), quote: pair.slice(3) };
}
