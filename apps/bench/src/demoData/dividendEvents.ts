import { DemoDataError } from './demoDataError.js';
import { addDays } from './isoDate.js';
import type { InferredDividend } from './inferDividends.js';
import type { TradingCalendar } from './tradingCalendar.js';
import type { DeclaredDividend, DividendEvent, SecurityInfo } from './types.js';

/**
 * Completes inferred ex-dates into dividend events of `security`:
 * - amount and currency: as inferred (the security's trading currency), unless a declared
 *   dividend exists for the same ex-date, which replaces both (SAP declares in EUR);
 * - record date: the trading day after the ex-date (T+2 settlement, before May 2024);
 * - pay date: the first trading day at least `payLagDays` after the ex-date (the sources
 *   carry no pay dates: sample data, labelled so in SOURCES.md).
 * A declared dividend whose ex-date the price series does not show is an error: the two
 * sources would disagree.
 */
export function dividendEvents(
  security: SecurityInfo,
  inferred: readonly InferredDividend[],
  declared: readonly DeclaredDividend[],
  calendar: TradingCalendar,
): DividendEvent[] {
  const own = declared.filter((d) => d.symbol === security.symbol);
  for (const d of own) {
    if (!inferred.some((i) => i.exDate === d.exDate)) {
      throw new DemoDataError(
        'DEMO_SOURCE_MALFORMED',
        `declared dividend ${d.symbol} ex ${d.exDate}: the price source shows no dividend on that date`,
      );
    }
  }
  return inferred.map((i) => {
    const override = own.find((d) => d.exDate === i.exDate);
    return {
      symbol: security.symbol,
      exDate: i.exDate,
      recordDate: calendar.after(i.exDate, 1),
      payDate: calendar.onOrAfter(addDays(i.exDate, security.payLagDays)),
      amount: override?.amount ?? i.amount,
      currency: override?.currency ?? security.currency,
    };
  });
}
