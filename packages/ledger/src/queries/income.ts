import type { Decimal } from '../core/decimal.js';
import type { Directive } from '../core/types.js';

/** Income summed over one period for one account and currency. */
export interface PeriodIncome {
  /** `YYYY` for years, `YYYY-MM` for months. */
  readonly period: string;
  readonly account: string;
  readonly currency: string;
  /** Beancount-signed sum (income is negative). */
  readonly amount: Decimal;
}

/** Which accounts count and how to bucket dates. */
export interface IncomeQuery {
  readonly accounts: RegExp;
  readonly period: 'year' | 'month';
  /** Inclusive bounds on the entry date; omit for all. */
  readonly from?: string;
  readonly to?: string;
}

/** Dividend accounts as in the reference queries: `^Income:.*Dividend`. */
export const DIVIDEND_ACCOUNTS = /^Income:.*Dividend/;
/** Interest accounts: `^Income:.*Interest`. */
export const INTEREST_ACCOUNTS = /^Income:.*Interest/;

/**
 * Income per period, account and currency: the sum of the units of matching postings
 * (bean-query `SELECT year, account, currency, sum(number) … GROUP BY …`), sorted by
 * period, account, currency. Amounts keep Beancount's sign (income is negative).
 */
export function incomeByPeriod(entries: readonly Directive[], query: IncomeQuery): PeriodIncome[] {
  const rows = new Map<
    string,
    { period: string; account: string; currency: string; amount: Decimal }
  >();
  const cut = query.period === 'year' ? 4 : 7;
  for (const e of entries) {
    if (e.type !== 'Transaction') continue;
    if (
      (query.from !== undefined && e.date < query.from) ||
      (query.to !== undefined && e.date > query.to)
    )
      continue;
    const period = e.date.slice(0, cut);
    for (const p of e.postings) {
      if (!query.accounts.test(p.account)) continue;
      const key = `${period} ${p.account} ${p.units.currency}`;
      const row = rows.get(key);
      if (row === undefined)
        rows.set(key, {
          period,
          account: p.account,
          currency: p.units.currency,
          amount: p.units.number,
        });
      else row.amount = row.amount.add(p.units.number);
    }
  }
  return [...rows.values()].sort((a, b) => {
    const ka = `${a.period} ${a.account} ${a.currency}`;
    const kb = `${b.period} ${b.account} ${b.currency}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
