/**
 * Days since 1970-01-01 of a valid (year, month 1–12, day) triple, proleptic Gregorian
 * (H. Hinnant's "days_from_civil"). No validation: see `isoToEpochDay` for that.
 *
 * @example epochDayFromCivil(1970, 1, 2) // 1
 */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
