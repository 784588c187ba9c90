import { InvalidRunDateError } from './pipelineErrors.js';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks that `text` is a real calendar date `YYYY-MM-DD`; throws {@link InvalidRunDateError}. */
export function assertIsoDate(text: string, what: string): string {
  const match = isoDatePattern.exec(text);
  if (match !== null) {
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    if (date.toISOString().slice(0, 10) === text) return text;
  }
  throw new InvalidRunDateError(`${what} ${JSON.stringify(text)} is not a date YYYY-MM-DD`);
}

/** `date` plus `days` calendar days (UTC), e.g. addDays('2024-02-28', 2) = '2024-03-01'. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
