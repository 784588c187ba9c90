const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Normalises a written date (`2020-01-05`, `2020-1-5`, `2020/01/05`) to ISO
 * `YYYY-MM-DD`, or returns null for an impossible calendar date ({@link dateError} says
 * why). An ISO date is returned as the same string, without allocating.
 */
export function normaliseDate(text: string): string | null {
  const parts = splitDate(text);
  if (dateProblem(parts[0], parts[1], parts[2]) !== null) return null;
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) return text;
  const mm = parts[1] < 10 ? `0${parts[1]}` : String(parts[1]);
  const dd = parts[2] < 10 ? `0${parts[2]}` : String(parts[2]);
  return `${text.slice(0, 4)}-${mm}-${dd}`;
}

/** The Python `ValueError` text Beancount 2.3.5 reports for an impossible date, else null. */
export function dateError(text: string): string | null {
  const parts = splitDate(text);
  return dateProblem(parts[0], parts[1], parts[2]);
}

const scratch: [number, number, number] = [0, 0, 0];

/** Year, month, day of a lexed date token (digits separated by `-` or `/`). */
function splitDate(text: string): [number, number, number] {
  let part = 0;
  scratch[0] = scratch[1] = scratch[2] = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 47) part++;
    else scratch[part] = (scratch[part] as number) * 10 + (c - 48);
  }
  return scratch;
}

function dateProblem(year: number, month: number, day: number): string | null {
  if (year < 1) return `ValueError: year ${year} is out of range`;
  if (month < 1 || month > 12) return 'ValueError: month must be in 1..12';
  const days = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day < 1 || day > days) return 'ValueError: day is out of range for month';
  return null;
}
