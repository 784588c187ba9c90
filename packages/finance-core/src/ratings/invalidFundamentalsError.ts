/**
 * Fundamentals that cannot be rated as given: a fiscal year that is not an integer, the
 * same fiscal year twice, or a figure that is not a finite decimal. Names the fiscal year
 * and field so the data can be fixed at its source.
 */
export class InvalidFundamentalsError extends Error {
  readonly code = 'invalid_fundamentals' as const;
  constructor(
    readonly fiscalYear: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`fundamentals for fiscal year ${fiscalYear}, field "${field}": ${detail}`);
    this.name = 'InvalidFundamentalsError';
  }
}
