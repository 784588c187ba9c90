const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Normalises a written date (`2020-1-5`, `2020/01/05`) to ISO `YYYY-MM-DD`, or returns
 * the Python `ValueError` text Beancount 2.3.5 reports for an impossible calendar date.
 */
export function normaliseDate(text: string): { date: string } | { error: string } {
  const parts = text.split(/[-/]/);
  const year = Number(parts[0]);
  const month = Number(parts[1]);
  const day = Number(parts[2]);
  if (year < 1) return { error: `ValueError: year ${year} is out of range` };
  if (month < 1 || month > 12) return { error: 'ValueError: month must be in 1..12' };
  const days = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day < 1 || day > days) return { error: 'ValueError: day is out of range for month' };
  const mm = month < 10 ? `0${month}` : String(month);
  const dd = day < 10 ? `0${day}` : String(day);
  return { date: `${parts[0]}-${mm}-${dd}` };
}
