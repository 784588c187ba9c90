/** Why a metric-set input was rejected; stable, so callers can match on it. */
export type MetricSetInputErrorCode = 'length_mismatch' | 'as_of_out_of_range';

/** Inputs that cannot describe one portfolio on one calendar, or an as-of date outside it. */
export class MetricSetInputError extends Error {
  constructor(
    readonly code: MetricSetInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MetricSetInputError';
  }
}
