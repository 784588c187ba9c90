/**
 * A value that is undefined for a stated reason. finance-core never returns NaN,
 * ±Infinity or a made-up 0: where a statistic cannot be computed it returns this
 * record instead, e.g. `{ value: null, reason: 'insufficient history' }`.
 */
export interface UndefinedValue {
  readonly value: null;
  readonly reason: string;
}

/** Reasons shared across the library, so callers can match on them. */
export const Reason = {
  insufficientHistory: 'insufficient history',
  tooFewObservations: 'too few observations',
  zeroVariance: 'zero standard deviation',
  noRoot: 'no root',
  multipleRoots: 'more than one root',
  singularDesign: 'singular design matrix',
  nonPositiveValue: 'non-positive value',
} as const;

/** Builds an {@link UndefinedValue}. */
export function undefinedValue(reason: string): UndefinedValue {
  return { value: null, reason };
}

/** True when `x` is an {@link UndefinedValue} rather than a computed result. */
export function isUndefinedValue(x: unknown): x is UndefinedValue {
  return (
    typeof x === 'object' &&
    x !== null &&
    (x as { value?: unknown }).value === null &&
    typeof (x as { reason?: unknown }).reason === 'string'
  );
}
