/** A base-currency return split into its local, currency and cross parts. */
export interface CurrencyReturnDecomposition {
  /** Return in the asset's own currency. */
  readonly local: number;
  /** Return of the currency against the base currency. */
  readonly fx: number;
  /** Interaction term local × fx. */
  readonly cross: number;
  /** (1 + local)(1 + fx) − 1 = local + fx + cross. */
  readonly total: number;
}

/**
 * Splits the base-currency return of a foreign asset: (1 + r_base) = (1 + r_local)(1 + r_fx),
 * so r_base = r_local + r_fx + r_local·r_fx, where r_fx is the change in base units per
 * local unit. The parts sum exactly to the total by construction.
 *
 * @example decomposeCurrencyReturn(0.1, 0.05) // { local: 0.1, fx: 0.05, cross: 0.005, total: 0.155 }
 */
export function decomposeCurrencyReturn(local: number, fx: number): CurrencyReturnDecomposition {
  const cross = local * fx;
  return { local, fx, cross, total: local + fx + cross };
}
