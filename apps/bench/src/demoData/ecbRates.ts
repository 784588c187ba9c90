import Big from 'big.js';
import { readCsvTable } from './csv.js';
import { isPlainDecimal } from './decimalText.js';
import { DemoDataError } from './demoDataError.js';
import { isIsoDate } from './isoDate.js';

/** A daily rate series: ascending dates and the rate (quote currency per 1 base) as text. */
export interface RateSeries {
  readonly pair: string;
  readonly dates: readonly string[];
  readonly rates: ReadonlyMap<string, string>;
}

/**
 * Reads the ECB's `eurofxref-hist.csv` (Date column, one column per currency, newest
 * first, `N/A` or blank when no rate) and returns `EUR<CCY>` series (CCY per 1 EUR) for
 * `currencies`, dated `from`..`to`, ascending, with the ECB's decimal strings unchanged.
 */
export function readEcbRates(
  text: string,
  file: string,
  currencies: readonly string[],
  from: string,
  to: string,
): RateSeries[] {
  const table = readCsvTable(text, file);
  const dateCol = table.column('date');
  return currencies.map((currency) => {
    const col = table.column(currency);
    const rates = new Map<string, string>();
    for (const { line, fields } of table.rows) {
      const date = fields[dateCol]?.trim() ?? '';
      if (!isIsoDate(date)) {
        throw new DemoDataError(
          'DEMO_SOURCE_MALFORMED',
          `${file}:${line}: expected a date YYYY-MM-DD, found "${date}"`,
        );
      }
      const value = fields[col]?.trim() ?? '';
      if (date < from || date > to || value === '' || value === 'N/A') continue;
      if (!isPlainDecimal(value)) {
        throw new DemoDataError(
          'DEMO_SOURCE_MALFORMED',
          `${file}:${line}: expected a decimal ${currency} rate, found "${value}"`,
        );
      }
      rates.set(date, value);
    }
    return { pair: `EUR${currency}`, dates: [...rates.keys()].sort(), rates };
  });
}

/** Decimals kept in a derived cross rate (≥ 8 significant digits for JPY, the smallest). */
export const crossRateDecimals = 10;

/**
 * The cross rate BASE→QUOTE from two EUR reference rates on each day both exist:
 *   QUOTE per BASE = (QUOTE per EUR) / (BASE per EUR),
 * e.g. GBPUSD = EURUSD / EURGBP, rounded half-even to {@link crossRateDecimals} decimals
 * and written without trailing zeros. This is how the ECB itself says crosses are formed.
 */
export function crossRates(
  eurBase: RateSeries,
  eurQuote: RateSeries,
  base: string,
  quote: string,
): RateSeries {
  const rates = new Map<string, string>();
  for (const date of eurQuote.dates) {
    const b = eurBase.rates.get(date);
    const q = eurQuote.rates.get(date) as string;
    if (b === undefined) continue;
    rates.set(date, new Big(q).div(b).round(crossRateDecimals, Big.roundHalfEven).toFixed());
  }
  return { pair: `${base}${quote}`, dates: [...rates.keys()], rates };
}
