import Big from 'big.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Decimal } from '../core/decimal.js';
import { balancesAsOf } from '../queries/balancesAsOf.js';
import { cashAsOf } from '../queries/cash.js';
import { holdingsAsOf } from '../queries/holdings.js';
import { DIVIDEND_ACCOUNTS, incomeByPeriod } from '../queries/income.js';
import { PriceHistory } from '../queries/priceHistory.js';
import { loadLedgerFile } from './loadLedger.js';

/**
 * example-1 (bean-example, 9.6k lines) against Beancount 2.3.5's own numbers in
 * `expected/example-1.json`: holdings with lots and market value, cash, every account's
 * balance at each date, dividends per year, price and directive counts. Numbers are
 * compared as decimals with big.js.
 */
const ROOT = fileURLToPath(new URL('../__fixtures__/beancount/', import.meta.url));
const expected = JSON.parse(readFileSync(`${ROOT}expected/example-1.json`, 'utf8')) as {
  dates: string[];
  loader_error_count: number;
  holdings: Record<string, Record<string, unknown>[]>;
  cash: Record<string, { account: string; currency: string; balance: string }[]>;
  balances: Record<string, Record<string, Record<string, string | null>[]>>;
  dividends_by_year: { year: number; account: string; currency: string; amount: string }[];
  price_directives: { count: number; first_date: string; last_date: string; by_pair: unknown[] };
  directive_counts: Record<string, number>;
};
const ledger = loadLedgerFile(`${ROOT}ledgers/example-1.beancount`);
const prices = new PriceHistory(ledger.entries);

/** Decimal-string equality through big.js; null stays null. */
const dec = (d: Decimal | null) => (d === null ? null : new Big(d.toString()).toString());
const big = (s: unknown) => (s === null ? null : new Big(s as string).toString());

describe('example-1 agrees with Beancount 2.3.5', () => {
  it('loads without errors', () => {
    expect(ledger.errors).toHaveLength(expected.loader_error_count);
  });

  it('counts directives by type and prices by pair', () => {
    const counts: Record<string, number> = {};
    for (const e of ledger.entries) counts[e.type] = (counts[e.type] ?? 0) + 1;
    expect(counts).toEqual(expected.directive_counts);
    const priceDates = ledger.entries.filter((e) => e.type === 'Price').map((e) => e.date);
    expect(priceDates.length).toBe(expected.price_directives.count);
    expect(priceDates[0]).toBe(expected.price_directives.first_date);
    expect(priceDates[priceDates.length - 1]).toBe(expected.price_directives.last_date);
    expect(prices.pairs()).toEqual(expected.price_directives.by_pair);
  });

  describe.each(expected.dates)('as of %s', (date) => {
    it('has the same holdings, cost basis, price, market value and lots', () => {
      const ours = holdingsAsOf(ledger.entries, prices, date).map((h) => ({
        account: h.account,
        commodity: h.commodity,
        units: dec(h.units),
        cost_currency: h.costCurrency,
        cost_total: dec(h.costTotal),
        price: dec(h.price),
        price_date: h.priceDate,
        market_value: dec(h.marketValue),
        lot_count: h.lots.length,
        lots: h.lots.map((l) => ({
          units: dec(l.units.number),
          cost_number: dec(l.cost?.number ?? null),
          cost_currency: l.cost?.currency,
          cost_date: l.cost?.date,
          cost_label: l.cost?.label,
        })),
      }));
      const theirs = (expected.holdings[date] ?? []).map((h) => ({
        account: h['account'],
        commodity: h['commodity'],
        units: big(h['units']),
        cost_currency: h['cost_currency'],
        cost_total: big(h['cost_total']),
        price: big(h['price']),
        price_date: h['price_date'],
        market_value: big(h['market_value']),
        lot_count: h['lot_count'],
        lots: (h['lots'] as Record<string, string | null>[]).map((l) => ({
          units: big(l['units']),
          cost_number: big(l['cost_number']),
          cost_currency: l['cost_currency'],
          cost_date: l['cost_date'],
          cost_label: l['cost_label'],
        })),
      }));
      expect(ours).toEqual(theirs);
    });

    it('has the same cash per account and currency', () => {
      const ours = cashAsOf(ledger.entries, date).map((c) => [
        c.account,
        c.currency,
        dec(c.balance),
      ]);
      const theirs = (expected.cash[date] ?? []).map((c) => [
        c.account,
        c.currency,
        big(c.balance),
      ]);
      expect(ours).toEqual(theirs);
    });

    it('has the same inventory in every account', () => {
      const ours = Object.fromEntries(
        [...balancesAsOf(ledger.entries, date)].map(([account, inventory]) => [
          account,
          [...inventory].map((p) => ({
            units: dec(p.units.number),
            currency: p.units.currency,
            cost_number: dec(p.cost?.number ?? null),
            cost_currency: p.cost?.currency ?? null,
            cost_date: p.cost?.date ?? null,
            cost_label: p.cost?.label ?? null,
          })),
        ]),
      );
      const theirs = Object.fromEntries(
        Object.entries(expected.balances[date] ?? {}).map(([account, positions]) => [
          account,
          positions.map((p) => ({
            ...p,
            units: big(p['units']),
            cost_number: big(p['cost_number']),
          })),
        ]),
      );
      expect(ours).toEqual(theirs);
    });
  });

  it('has the same dividend income per year and account', () => {
    const ours = incomeByPeriod(ledger.entries, {
      accounts: DIVIDEND_ACCOUNTS,
      period: 'year',
    }).map((r) => [Number(r.period), r.account, r.currency, dec(r.amount)]);
    const theirs = expected.dividends_by_year.map((r) => [
      r.year,
      r.account,
      r.currency,
      big(r.amount),
    ]);
    expect(ours).toEqual(theirs);
  });
});
