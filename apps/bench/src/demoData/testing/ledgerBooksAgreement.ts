import Big from 'big.js';
import { parseCsv } from '../csv.js';

/** One disagreement between a ledger and its books, or an unbalanced ledger transaction. */
export interface Disagreement {
  readonly date: string;
  readonly what: string;
}

interface LedgerPosting {
  readonly account: string;
  readonly units: Big;
  readonly commodity: string;
  readonly weight: { readonly number: Big; readonly currency: string };
}

/** Largest residual a transaction may leave per currency (Beancount's 0.5 × 10^-2 for cents). */
const tolerance = new Big('0.005');

/**
 * Checks, independently of the generator's own model, that a Beancount ledger text and a
 * books CSV (docs/DATA-FORMATS.md) describe the same portfolio: after every date on which
 * either changes, units per security (`Assets:<ID>:Securities:<SYM>` vs buy/sell/split
 * rows) and cash per currency (`Assets:<ID>:Cash:<CCY>` vs the sum of `amount`) are equal;
 * every ledger transaction balances within 0.005 per currency (cost `{}` weighs units ×
 * cost, `@` units × price, `@@` the total); dividend income per symbol and currency equals
 * the books' dividend amounts; and the ledger's balance assertions hold. Reads the ledger
 * with a deliberately small line parser that only understands what the writer emits.
 */
export function ledgerBooksAgreement(
  id: string,
  ledgerText: string,
  booksCsv: string,
): Disagreement[] {
  const problems: Disagreement[] = [];
  const ledger = new Map<string, Big>();
  const books = new Map<string, Big>();
  const dividendsLedger = new Map<string, Big>();
  const dividendsBooks = new Map<string, Big>();
  const add = (map: Map<string, Big>, key: string, value: Big): void => {
    map.set(key, (map.get(key) ?? new Big(0)).plus(value));
  };

  const ledgerByDate = new Map<string, LedgerPosting[][]>();
  const balances: { date: string; account: string; units: Big; commodity: string }[] = [];
  let current: LedgerPosting[] | undefined;
  for (const line of ledgerText.split('\n')) {
    const txn = /^(\d{4}-\d{2}-\d{2}) \* "/.exec(line);
    const balance = /^(\d{4}-\d{2}-\d{2}) balance (\S+)\s+(\S+) (\S+)$/.exec(line);
    const posting =
      /^ {2}([A-Z][\w:-]*)\s+(-?[\d.]+) ([A-Z][A-Z0-9'._-]*)(?: \{([\d.]+) ([A-Z]+)(?:, [\d-]+)?\})?(?: (@@?) ([\d.]+) ([A-Z]+))?$/.exec(
        line,
      );
    if (txn !== null) {
      current = [];
      const date = txn[1] as string;
      ledgerByDate.set(date, [...(ledgerByDate.get(date) ?? []), current]);
    } else if (balance !== null) {
      const [, date, account, units, commodity] = balance as unknown as [
        string,
        string,
        string,
        string,
        string,
      ];
      balances.push({ date, account, units: new Big(units), commodity });
      current = undefined;
    } else if (posting !== null && current !== undefined) {
      const [, account, unitsText, commodity, cost, costCcy, at, price, priceCcy] = posting;
      const units = new Big(unitsText as string);
      const weight =
        cost !== undefined
          ? { number: units.times(cost), currency: costCcy as string }
          : at === '@'
            ? { number: units.times(price as string), currency: priceCcy as string }
            : at === '@@'
              ? { number: new Big(price as string).times(units.s), currency: priceCcy as string }
              : { number: units, currency: commodity as string };
      current.push({ account: account as string, units, commodity: commodity as string, weight });
    } else if (line.trim() === '' || !line.startsWith('  ')) {
      current = undefined;
    }
  }

  const [header, ...rows] = parseCsv(booksCsv, `transactions/${id}.csv`);
  const col = (name: string): number => (header ?? []).indexOf(name);
  const booksByDate = new Map<string, string[][]>();
  for (const row of rows) {
    const date = row[col('trade_date')] as string;
    booksByDate.set(date, [...(booksByDate.get(date) ?? []), row]);
  }

  const dates = [
    ...new Set([...ledgerByDate.keys(), ...booksByDate.keys(), ...balances.map((b) => b.date)]),
  ].sort();
  for (const date of dates) {
    for (const b of balances.filter((x) => x.date === date)) {
      const held = ledger.get(`${b.account} ${b.commodity}`) ?? new Big(0);
      if (!held.eq(b.units))
        problems.push({
          date,
          what: `balance ${b.account} asserts ${b.units.toFixed()} ${b.commodity}, ledger has ${held.toFixed()}`,
        });
    }
    for (const postings of ledgerByDate.get(date) ?? []) {
      const residual = new Map<string, Big>();
      for (const p of postings) {
        add(residual, p.weight.currency, p.weight.number);
        if (p.account.startsWith(`Assets:${id}:`))
          add(ledger, `${p.account} ${p.commodity}`, p.units);
        if (p.account.startsWith(`Income:${id}:Dividends:`))
          add(dividendsLedger, `${p.account.split(':').at(-1)} ${p.commodity}`, p.units.neg());
      }
      for (const [currency, r] of residual) {
        if (r.abs().gt(tolerance))
          problems.push({
            date,
            what: `unbalanced transaction: residual ${r.toFixed()} ${currency}`,
          });
      }
    }
    for (const row of booksByDate.get(date) ?? []) {
      const type = row[col('type')] as string;
      const symbol = row[col('symbol')] as string;
      const currency = row[col('currency')] as string;
      const amount = new Big(row[col('amount')] as string);
      add(books, `Assets:${id}:Cash:${currency} ${currency}`, amount);
      if (type === 'buy' || type === 'split')
        add(
          books,
          `Assets:${id}:Securities:${symbol} ${symbol}`,
          new Big(row[col('quantity')] as string),
        );
      if (type === 'sell')
        add(
          books,
          `Assets:${id}:Securities:${symbol} ${symbol}`,
          new Big(row[col('quantity')] as string).neg(),
        );
      if (type === 'dividend') add(dividendsBooks, `${symbol} ${currency}`, amount);
    }
    for (const key of new Set([...ledger.keys(), ...books.keys()])) {
      const inLedger = ledger.get(key) ?? new Big(0);
      const inBooks = books.get(key) ?? new Big(0);
      if (!inLedger.eq(inBooks))
        problems.push({
          date,
          what: `${key}: ledger ${inLedger.toFixed()} vs books ${inBooks.toFixed()}`,
        });
    }
  }
  for (const key of new Set([...dividendsLedger.keys(), ...dividendsBooks.keys()])) {
    const inLedger = dividendsLedger.get(key) ?? new Big(0);
    const inBooks = dividendsBooks.get(key) ?? new Big(0);
    if (!inLedger.eq(inBooks))
      problems.push({
        date: 'total',
        what: `dividends ${key}: ledger ${inLedger.toFixed()} vs books ${inBooks.toFixed()}`,
      });
  }
  return problems;
}
