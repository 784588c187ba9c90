/**
 * One value in a pricing pack, with its provenance: which provider gave it,
 * whether the fallback provider was used, and — when the value was carried forward from
 * an earlier observation — the date it was observed. Decimals are strings, never floats.
 */
export interface PackRow {
  /** `price` (a security's close), `fx` (units of quote per one base, e.g. EURUSD), `macro`. */
  readonly kind: 'price' | 'fx' | 'macro';
  /** Symbol, FX pair (`EURUSD`) or FRED series id. */
  readonly key: string;
  /** ISO date the value is for. */
  readonly date: string;
  /** Decimal string; `null` only for a macro observation the source marks missing. */
  readonly value: string | null;
  /** Currency of a price; `null` for FX and macro rows. */
  readonly currency: string | null;
  readonly provider: string;
  readonly fallbackUsed: boolean;
  /** Date of the observation a carried-forward value repeats; `null` when observed on `date`. */
  readonly carriedForwardFrom: string | null;
}
