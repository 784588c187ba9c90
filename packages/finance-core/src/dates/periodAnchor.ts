import { epochDayFromCivil } from './epochDayFromCivil.js';
import { epochDayToCivil } from './epochDayToCivil.js';
import { minusCalendarYears } from './minusCalendarYears.js';

/** Calendar periods whose window is `(anchor, as_of]`; 1D is a row window (see `rowWindow`). */
export type CalendarPeriod = 'MTD' | 'QTD' | 'YTD' | '1Y' | '3Y' | '5Y' | 'inception';

/**
 * The anchor (exclusive start) of a calendar period ending at `asOfDay` (epoch days):
 * MTD = last day of the previous month, QTD = last day of the previous quarter,
 * YTD = 31 December of the previous year, nY = as-of minus n calendar years (29 Feb →
 * 28 Feb), inception = `inceptionDay`. The caller decides what an anchor before
 * inception means (CONVENTIONS: `null`, "insufficient history").
 *
 * @example periodAnchor('QTD', isoToEpochDay('2024-12-31'), 0) // epoch day of 2024-09-30
 */
export function periodAnchor(
  period: CalendarPeriod,
  asOfDay: number,
  inceptionDay: number,
): number {
  const { year, month } = epochDayToCivil(asOfDay);
  switch (period) {
    case 'MTD':
      return epochDayFromCivil(year, month, 1) - 1;
    case 'QTD':
      return epochDayFromCivil(year, month - ((month - 1) % 3), 1) - 1;
    case 'YTD':
      return epochDayFromCivil(year, 1, 1) - 1;
    case '1Y':
      return minusCalendarYears(asOfDay, 1);
    case '3Y':
      return minusCalendarYears(asOfDay, 3);
    case '5Y':
      return minusCalendarYears(asOfDay, 5);
    case 'inception':
      return inceptionDay;
  }
}
