import { roundToMinorUnit } from '@truth-spine/books';

/**
 * Money for people: the exact decimal rounded half away from zero to the currency's minor
 * unit (USD 2, JPY 0, KWD 3; 2 for an unknown code), with thousands separated by commas:
 * `196813.48982070984266373949` EUR → `196,813.49`. JSON output keeps the exact decimal.
 */
export function formatMoney(amount: string, currency: string): string {
  const fixed = roundToMinorUnit(amount, currency);
  const [whole = '', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A statistic for people: integers as they are, anything else to 6 significant digits
 * with trailing zeros dropped (`0.5607594220148012` → `0.560759`,
 * `0.00044648917814674204` → `0.000446489`); magnitudes below 1e-6 in exponent form.
 * JSON output keeps the shortest round-trip double.
 */
export function formatStatistic(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) < 1e-6) return value.toExponential(5).replace(/\.?0+e/, 'e');
  const text = value.toPrecision(6);
  return text.includes('e') ? text : text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/**
 * Lines of cells as aligned columns, two spaces apart: columns listed in `right` are
 * right-aligned (numbers), the rest left-aligned; trailing spaces trimmed.
 */
export function alignColumns(
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number>,
): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) =>
        right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}
