/**
 * A rating option or portfolio holding that cannot be used: an unknown security kind, a
 * negative or non-finite weight, a market value that is not a finite non-negative number.
 * `setting` names the offending option or holding.
 */
export class InvalidRatingInputError extends Error {
  readonly code = 'invalid_rating_input' as const;
  constructor(
    readonly setting: string,
    readonly detail: string,
  ) {
    super(`quality rating input "${setting}": ${detail}`);
    this.name = 'InvalidRatingInputError';
  }
}
