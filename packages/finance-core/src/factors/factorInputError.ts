/** Why a factor-kernel input was rejected; stable, so callers can match on it. */
export type FactorInputErrorCode =
  | 'length_mismatch'
  | 'names_mismatch'
  | 'index_out_of_range'
  | 'invalid_window'
  | 'non_positive_level'
  | 'missing_series'
  | 'invalid_option';

/**
 * A factor kernel was called with inputs that cannot describe one aligned data set
 * (series of different lengths, a name per factor missing, a window or index outside the
 * series, a non-positive level where a log return is asked for). The message names the
 * argument and the offending value so the caller can fix the call, not the data.
 */
export class FactorInputError extends Error {
  constructor(
    readonly code: FactorInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FactorInputError';
  }
}

/** Throws {@link FactorInputError} `length_mismatch` unless every series has `length` rows. */
export function assertSameLength(
  length: number,
  series: readonly Float64Array[],
  what: string,
): void {
  for (let s = 0; s < series.length; s++) {
    const n = series[s]!.length;
    if (n !== length) {
      throw new FactorInputError(
        'length_mismatch',
        `${what} ${s} has ${n} rows but the dependent series has ${length}; align them on one calendar first`,
      );
    }
  }
}

/** Throws {@link FactorInputError} `invalid_window` unless `window` is an integer ≥ `minimum`. */
export function assertWindow(window: number, minimum: number, what: string): void {
  if (!Number.isInteger(window) || window < minimum) {
    throw new FactorInputError(
      'invalid_window',
      `${what} must be an integer ≥ ${minimum}, got ${window}`,
    );
  }
}

/** Throws {@link FactorInputError} `index_out_of_range` unless `0 ≤ index < length`. */
export function assertIndex(index: number, length: number, what: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    throw new FactorInputError(
      'index_out_of_range',
      `${what} ${index} is outside the series (0…${length - 1})`,
    );
  }
}
