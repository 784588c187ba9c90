import { daysInMonth } from './daysInMonth.js';
import { epochDayFromCivil } from './epochDayFromCivil.js';
import { epochDayToCivil } from './epochDayToCivil.js';

/**
 * The same calendar day `years` years earlier; a 29 February with no counterpart becomes
 * 28 February (the CONVENTIONS.md rule for nY anchors).
 *
 * @example epochDayToIso(minusCalendarYears(isoToEpochDay('2024-02-29'), 1)) // '2023-02-28'
 */
export function minusCalendarYears(epochDay: number, years: number): number {
  const { year, month, day } = epochDayToCivil(epochDay);
  const target = year - years;
  return epochDayFromCivil(target, month, Math.min(day, daysInMonth(target, month)));
}
