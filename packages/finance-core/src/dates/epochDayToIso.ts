import { epochDayToCivil } from './epochDayToCivil.js';

/**
 * The `YYYY-MM-DD` form of a day count since 1970-01-01.
 *
 * @example epochDayToIso(0) // '1970-01-01'
 */
export function epochDayToIso(epochDay: number): string {
  const { year, month, day } = epochDayToCivil(epochDay);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
