import { daysInMonth } from './daysInMonth.js';
import { epochDayFromCivil } from './epochDayFromCivil.js';
import { InvalidDateError } from './invalidDateError.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a calendar date (proleptic Gregorian), from the integer
 * algorithm "days_from_civil" (H. Hinnant). Throws {@link InvalidDateError} for anything
 * but a real `YYYY-MM-DD` date.
 *
 * @example isoToEpochDay('1970-01-02') // 1
 * @example isoToEpochDay('2024-02-29') // 19782
 */
export function isoToEpochDay(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (match === null) throw new InvalidDateError(iso);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidDateError(iso);
  }
  return epochDayFromCivil(year, month, day);
}
