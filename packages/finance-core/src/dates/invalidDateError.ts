/** A string that is not a real `YYYY-MM-DD` calendar date. */
export class InvalidDateError extends Error {
  readonly code = 'invalid_date' as const;
  constructor(readonly input: string) {
    super(`"${input}" is not a calendar date in the form YYYY-MM-DD`);
    this.name = 'InvalidDateError';
  }
}
