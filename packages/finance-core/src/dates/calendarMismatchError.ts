import { epochDayToIso } from './epochDayToIso.js';

/** A series date that is not a date of the master calendar it is being aligned to. */
export class CalendarMismatchError extends Error {
  readonly code = 'calendar_mismatch' as const;
  constructor(
    /** Index of the offending row in the series. */
    readonly index: number,
    readonly epochDay: number,
  ) {
    super(`date ${epochDayToIso(epochDay)} is not a date of the master calendar`);
    this.name = 'CalendarMismatchError';
  }
}
