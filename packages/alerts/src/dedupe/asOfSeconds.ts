/**
 * Seconds since 1970-01-01T00:00Z of an as-of date `YYYY-MM-DD` at midnight UTC — the clock
 * of dedupe, so cooldowns and re-runs depend on the night evaluated, not on when it runs.
 * Throws {@link InvalidAsOfDateError} for anything that is not a real calendar date.
 */
export function asOfSeconds(asOf: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    if (
      back.getUTCFullYear() === year &&
      back.getUTCMonth() === month - 1 &&
      back.getUTCDate() === day
    ) {
      return ms / 1000;
    }
  }
  throw new InvalidAsOfDateError(asOf);
}

/** An as-of date given to the alert module is not `YYYY-MM-DD`. */
export class InvalidAsOfDateError extends Error {
  readonly code = 'invalid_as_of_date' as const;
  constructor(readonly asOf: string) {
    super(`alert facts: asOf must be a calendar date YYYY-MM-DD (was ${JSON.stringify(asOf)})`);
    this.name = 'InvalidAsOfDateError';
  }
}
