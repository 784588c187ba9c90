import Big from 'big.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Decimal } from '../core/decimal.js';
import { atCost, type Inventory, type Position } from '../core/inventory.js';
import type { Amount, Cost, Directive, Meta, MetaValue } from '../core/types.js';
import { inventoriesAsOf } from '../queries/inventoriesAsOf.js';
import { holdingsAsOf } from '../queries/holdings.js';
import { PriceHistory } from '../queries/priceHistory.js';
import { realisedGains } from '../queries/realisedGains.js';
import { loadLedgerFile, type LoadedLedger } from './loadLedger.js';

/**
 * Conformance with Beancount 2.3.5: every case in `__fixtures__/beancount/cases` is
 * loaded and compared, number by number as decimals, with what Beancount computed
 * (errors with lines, kept/dropped entries after booking, final balances with lots,
 * case queries). Numbers are compared with big.js so `1.50` equals `1.5`.
 */
const ROOT = fileURLToPath(new URL('../__fixtures__/beancount/', import.meta.url));
const read = (path: string) => {
  try {
    return readFileSync(join(ROOT, path), 'utf8');
  } catch {
    return null;
  }
};
const load = (file: string): LoadedLedger => loadLedgerFile(file, read);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Rewrites every decimal-looking string into big.js canonical form, recursively. */
function canonical(value: Json): Json {
  if (typeof value === 'string') {
    return /^-?\d+(\.\d+)?$/.test(value) ? new Big(value).toString() : value;
  }
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

const num = (d: Decimal) => d.toString();
const amountJson = (a: Amount | null): Json =>
  a === null ? null : { number: num(a.number), currency: a.currency };
const costJson = (c: Cost | null): Json =>
  c === null ? null : { number: num(c.number), currency: c.currency, date: c.date, label: c.label };
const positionJson = (p: Position): Json => ({
  units: amountJson(p.units),
  cost: costJson(p.cost),
});

function metaValueJson(v: MetaValue): Json {
  if (v.type === 'number') return num(v.value);
  if (v.type === 'amount') return amountJson(v.value);
  return v.value;
}

function metaJson(meta: Meta): Json {
  return Object.fromEntries([...meta].map(([k, v]) => [k, metaValueJson(v)]));
}

/** Our entry in the shape of the expected JSON's `entries`. */
function entryJson(e: Directive): Json {
  const base = { type: e.type, date: e.date, file: e.file, line: e.line, meta: metaJson(e.meta) };
  switch (e.type) {
    case 'Open':
      return {
        ...base,
        account: e.account,
        currencies: e.currencies ? [...e.currencies] : null,
        booking: e.booking,
      };
    case 'Close':
      return { ...base, account: e.account };
    case 'Commodity':
      return { ...base, currency: e.currency };
    case 'Price':
      return { ...base, currency: e.currency, amount: amountJson(e.amount) };
    case 'Balance':
      return {
        ...base,
        account: e.account,
        amount: amountJson(e.amount),
        tolerance: e.tolerance === null ? null : num(e.tolerance),
        diff_amount: amountJson(e.diffAmount),
      };
    case 'Pad':
      return { ...base, account: e.account, source_account: e.sourceAccount };
    case 'Note':
      return { ...base, account: e.account, comment: e.comment };
    case 'Event':
      return { ...base, event_type: e.eventType, description: e.description };
    case 'Document':
      return { ...base, account: e.account, filename: e.filename };
    case 'Query':
      return { ...base, name: e.name, query_string: e.queryString };
    case 'Custom':
      return {
        ...base,
        custom_type: e.customType,
        values: e.values.map((v) => ({
          value: metaValueJson(v),
          dtype: v.type === 'amount' ? 'Amount' : v.type === 'number' ? 'Decimal' : v.type,
        })),
      };
    case 'Transaction':
      return {
        ...base,
        flag: e.flag,
        payee: e.payee,
        narration: e.narration,
        tags: [...e.tags].sort(),
        links: [...e.links].sort(),
        postings: e.postings.map((p) => ({
          account: p.account,
          units: amountJson(p.units),
          cost: costJson(p.cost),
          price: amountJson(p.price),
          flag: p.flag,
          meta: metaJson(p.meta),
        })),
      };
  }
}

/** Expected entries without the fields we do not model (`meta_types`). */
function expectedEntry(e: Record<string, Json>): Json {
  const { meta_types: _types, ...rest } = e;
  if (Array.isArray(rest['tags'])) rest['tags'] = [...(rest['tags'] as string[])].sort();
  if (Array.isArray(rest['links'])) rest['links'] = [...(rest['links'] as string[])].sort();
  return rest;
}

const sortPositions = (positions: Json[]) =>
  [...positions].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

function inventoryJson(inventory: Inventory): Json {
  return sortPositions([...inventory].map(positionJson));
}

/** bean-query `SELECT account, currency, units(sum(position)), cost(sum(position)) GROUP BY account, currency`. */
function balancesByAccountCurrency(entries: readonly Directive[]): Json[] {
  const groups = new Map<string, { units: Map<string, Decimal>; cost: Map<string, Decimal> }>();
  const add = (map: Map<string, Decimal>, a: Amount) => {
    const before = map.get(a.currency);
    map.set(a.currency, before === undefined ? a.number : before.add(a.number));
  };
  for (const e of entries) {
    if (e.type !== 'Transaction') continue;
    for (const p of e.postings) {
      const key = `${p.account}\u0000${p.units.currency}`;
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { units: new Map(), cost: new Map() }));
      add(group.units, p.units);
      add(group.cost, atCost(p));
    }
  }
  const column = (map: Map<string, Decimal>): Json =>
    [...map]
      .filter(([, n]) => !n.isZero())
      .map(([currency, n]) => ({ units: { number: num(n), currency }, cost: null }));
  return [...groups.keys()].sort().map((key) => {
    const [account, currency] = key.split('\u0000') as [string, string];
    const group = groups.get(key) as { units: Map<string, Decimal>; cost: Map<string, Decimal> };
    return [account, currency, column(group.units), column(group.cost)];
  });
}

interface CaseExpectation {
  bean_check: { exit_code: number; errors: { file: string; line: number; message: string }[] };
  loader_errors: { type: string; file: string; line: number; message: string }[];
  entry_count: number;
  entries: Record<string, Json>[];
  final_balances: Record<string, Json[]>;
  queries: Record<string, { rows: Json[][] }>;
}

const cases = readdirSync(join(ROOT, 'cases'))
  .filter((f) => f.endsWith('.beancount'))
  .sort();

describe.each(cases)('Beancount case %s', (name) => {
  const file = `cases/${name}`;
  const expected = JSON.parse(
    readFileSync(join(ROOT, 'cases', name.replace('.beancount', '.expected.json')), 'utf8'),
  ) as CaseExpectation;
  const ledger = load(file);

  it('reports the same errors, in order, with type, file and line', () => {
    expect(
      ledger.errors.map(({ type, file, line, message }) => ({ type, file, line, message })),
    ).toEqual(expected.loader_errors);
    expect(ledger.errors.length > 0 ? 1 : 0).toBe(expected.bean_check.exit_code);
  });

  it('keeps and drops the same entries and books them identically', () => {
    expect(ledger.entries.length).toBe(expected.entry_count);
    expect(canonical(ledger.entries.map(entryJson))).toEqual(
      canonical(expected.entries.map(expectedEntry)),
    );
  });

  it('ends with the same balances, lot by lot', () => {
    const ours = Object.fromEntries(
      [...inventoriesAsOf(ledger.entries, '9999-12-31')].map(([account, inv]) => [
        account,
        inventoryJson(inv),
      ]),
    );
    const theirs = Object.fromEntries(
      Object.entries(expected.final_balances).map(([account, positions]) => [
        account,
        sortPositions(positions),
      ]),
    );
    expect(canonical(ours)).toEqual(canonical(theirs));
  });

  it('agrees with bean-query on units and cost per account and currency', () => {
    expect(canonical(balancesByAccountCurrency(ledger.entries))).toEqual(
      canonical(expected.queries['balances_by_account_currency']?.rows as Json),
    );
  });
});

describe('case-specific queries', () => {
  const expectation = (name: string) =>
    JSON.parse(
      readFileSync(join(ROOT, 'cases', `${name}.expected.json`), 'utf8'),
    ) as CaseExpectation;

  it('01: realised P&L per sale equals Income:PnL, and holdings are valued at the last price', () => {
    const ledger = load('cases/01-lot-booking.beancount');
    const rows = expectation('01-lot-booking').queries;
    const pnlRows = rows['realized_pnl']?.rows ?? [];
    const gainsByTxn = new Map<string, Big>();
    for (const lot of realisedGains(ledger.entries)) {
      const key = `${lot.date} ${lot.line}`;
      gainsByTxn.set(key, (gainsByTxn.get(key) ?? new Big(0)).plus(lot.gain.big));
    }
    // Beancount books the gain as negative income on Income:PnL.
    const expectedGains = pnlRows.map((r) =>
      new Big((r[2] as { units: { number: string } }).units.number).neg().toString(),
    );
    const ourGains = [...gainsByTxn.values()].map((g) => g.toString());
    expect(ourGains.sort()).toEqual(expectedGains.sort());

    const prices = new PriceHistory(ledger.entries);
    const holdings = holdingsAsOf(ledger.entries, prices, '2020-06-30').filter((h) =>
      h.account.startsWith('Assets:Broker'),
    );
    const expectedRows = (rows['holdings_2020_06_30']?.rows ?? []).filter(
      (r) => (r[1] as Json[]).length > 0,
    );
    expect(
      canonical(
        holdings.map((h) => [
          h.account,
          num(h.units),
          num(h.costTotal),
          h.marketValue === null ? null : num(h.marketValue),
        ]),
      ),
    ).toEqual(
      canonical(
        expectedRows.map((r) => [
          r[0] as string,
          (r[1] as { units: { number: string } }[])[0]?.units.number ?? null,
          (r[2] as { units: { number: string } }[])[0]?.units.number ?? null,
          (r[3] as { units: { number: string } }[])[0]?.units.number ?? null,
        ]),
      ),
    );
  });

  it('04: balances as of a date exclude later entries (inclusive of the date)', () => {
    const ledger = load('cases/04-balance-pad.beancount');
    const rows = expectation('04-balance-pad').queries['balances_2022_01_31']?.rows ?? [];
    const ours = [...inventoriesAsOf(ledger.entries, '2022-01-31')]
      .filter(([account]) => account.startsWith('Assets'))
      .map(([account, inv]) => [account, inventoryJson(inv)]);
    expect(canonical(ours as Json)).toEqual(
      canonical(rows.map((r) => [r[0] as Json, sortPositions(r[1] as Json[])])),
    );
  });

  it('06: a split keeps lot dates and total cost; holdings are valued at the latest price', () => {
    const ledger = load('cases/06-stock-split.beancount');
    const rows = expectation('06-stock-split').queries;
    const prices = new PriceHistory(ledger.entries);
    for (const date of ['2019-06-30', '2019-07-01', '2019-12-31']) {
      const row = rows[`holdings_${date.replaceAll('-', '_')}`]?.rows[0] as Json[];
      const [h] = holdingsAsOf(ledger.entries, prices, date).filter(
        (x) => x.account === 'Assets:Broker:ACME',
      );
      expect(h).toBeDefined();
      if (h === undefined) throw new Error(`no ACME holding on ${date}`);
      const first = (cell: Json) =>
        (cell as { units: { number: string } }[])[0]?.units.number ?? null;
      expect(
        canonical([num(h.units), num(h.costTotal), h.marketValue && num(h.marketValue)]),
      ).toEqual(canonical([first(row[0] as Json), first(row[1] as Json), first(row[2] as Json)]));
      expect(canonical(sortPositions(h.lots.map(positionJson)))).toEqual(
        canonical(sortPositions(row[3] as Json[])),
      );
    }
  });
});
