import { isIsoDate } from '@truth-spine/providers';
import { InvalidRunDateError } from './pipelineErrors.js';

/** `date` plus `days` calendar days (UTC), e.g. addDays('2024-02-28', 2) = '2024-03-01'. */
export { addDays } from '@truth-spine/providers';

/** Checks that `text` is a real calendar date `YYYY-MM-DD`; throws {@link InvalidRunDateError}. */
export function assertIsoDate(text: string, what: string): string {
  if (isIsoDate(text)) return text;
  throw new InvalidRunDateError(`${what} ${JSON.stringify(text)} is not a date YYYY-MM-DD`);
}
