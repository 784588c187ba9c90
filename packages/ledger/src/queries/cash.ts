import { Decimal } from '../core/decimal.js';
import type { Directive } from '../core/types.js';

/** Cash (units held without cost) of one account in one currency. */
export interface CashBalance {
  readonly account: string;
  readonly currency: string;
  readonly balance: Decimal;
}

const CASH_ACCOUNT = /^(Assets|Liabilities):/;

/**
 * Cash as of `date` (inclusive): Σ units of postings without cost on `Assets:` and
 * `Liabilities:` accounts, per account and currency, sorted. An account/currency that
 * had postings but sums to zero is listed with 0 (bean-query `sum(number)`).
 */
export function cashAsOf(entries: readonly Directive[], date: string): CashBalance[] {
  const sums = new Map<string, { account: string; currency: string; balance: Decimal }>();
  for (const e of entries) {
    if (e.type !== 'Transaction' || e.date > date) continue;
    for (const p of e.postings) {
      if (p.cost !== null || !CASH_ACCOUNT.test(p.account)) continue;
      const key = `${p.account} ${p.units.currency}`;
      const row = sums.get(key);
      if (row === undefined)
        sums.set(key, { account: p.account, currency: p.units.currency, balance: p.units.number });
      else row.balance = row.balance.add(p.units.number);
    }
  }
  return [...sums.values()].sort((a, b) =>
    a.account !== b.account ? (a.account < b.account ? -1 : 1) : a.currency < b.currency ? -1 : 1,
  );
}
