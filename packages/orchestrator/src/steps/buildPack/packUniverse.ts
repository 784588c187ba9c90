import type { Database } from '@truth-spine/store';
import { activePortfolioSql } from '@truth-spine/books';

/** The macro series every pack carries (factors and regime). */
export const packMacroSeries = ['DFII10', 'T10YIE', 'BAMLC0A0CM', 'DTWEXBGS', 'DGS10'] as const;

/** A conversion of `currency` into a portfolio's `base` currency. */
export interface Conversion {
  readonly currency: string;
  readonly base: string;
}

/** What build_pack covers for D, read from the books in the database. */
export interface PackUniverse {
  /** Symbols that must have a close on D: held on D by any portfolio, benchmarks, the calendar symbol. */
  readonly required: readonly string[];
  /** ADR underlyings of held ADRs: priced when a source has them, never required. */
  readonly optional: readonly string[];
  /** Every symbol the history store keeps: ever traded, benchmarks, calendar, underlyings. */
  readonly historySymbols: readonly string[];
  /** Currency of each symbol (underlyings: the underlying currency). */
  readonly currencyOf: ReadonlyMap<string, string>;
  /**
   * Every conversion into a portfolio's base currency that any day of its history may
   * need (currencies of its transactions, of the securities it ever traded and of its
   * benchmark), sorted. The pack carries all of them, so a cash account that is empty on
   * D (but exists in the ledger) can still be valued.
   */
  readonly conversions: readonly Conversion[];
  /** The earliest portfolio inception (null when there is no portfolio). */
  readonly earliestInception: string | null;
}

interface SecurityRow extends Record<string, unknown> {
  symbol: string;
  currency: string;
  underlying: string | null;
  underlying_currency: string | null;
}

/** The active portfolios' transactions, joined to their portfolio (raw SQL fragment). */
const activeTransactions = `transactions join portfolios on portfolios.id = transactions.portfolio_id
  where ${activePortfolioSql}`;

/**
 * Reads the universe of the pack for `asOf` from the loaded books of the active portfolios:
 * held positions on D, benchmarks, the calendar symbol, ADR underlyings, and the FX
 * conversions of every holding/cash/benchmark currency into each portfolio's base
 * currency. History keys cover everything ever traded.
 *
 * Scale: the database folds the books — a position is held on D when the exact
 * `numeric` sum of its buys and splits minus its sells dated ≤ D is not zero (the same
 * fold as `holdingsOnDate`) — and returns only distinct symbols, currencies and
 * benchmarks, so the step never loads every portfolio's transactions.
 */
export async function packUniverse(
  db: Database,
  asOf: string,
  calendarSymbol: string,
): Promise<PackUniverse> {
  const securities = await db.query<SecurityRow>(
    'select symbol, currency, underlying, underlying_currency from securities',
  );
  const held = await db.query<{ symbol: string }>(
    `select distinct symbol from (
       select transactions.portfolio_id, transactions.symbol
         from ${activeTransactions}
          and transactions.trade_date <= $1 and transactions.symbol is not null
          and transactions.quantity is not null and transactions.type in ('buy', 'split', 'sell')
        group by transactions.portfolio_id, transactions.symbol
       having sum(case when transactions.type = 'sell' then -transactions.quantity
                       else transactions.quantity end) <> 0) as positions`,
    [asOf],
  );
  const tradedByBase = await db.query<{ symbol: string; base_currency: string }>(
    `select distinct transactions.symbol, portfolios.base_currency
       from ${activeTransactions} and transactions.symbol is not null`,
  );
  const cashByBase = await db.query<{ currency: string; base_currency: string }>(
    `select distinct transactions.currency, portfolios.base_currency from ${activeTransactions}`,
  );
  const benchmarks = await db.query<{ benchmark: string; base_currency: string }>(
    `select distinct benchmark, base_currency from portfolios where ${activePortfolioSql}`,
  );
  const [inception] = await db.query<{ earliest: string | null }>(
    `select min(inception)::text as earliest from portfolios where ${activePortfolioSql}`,
  );
  const security = new Map(securities.map((s) => [s.symbol, s]));
  const currencyOf = new Map<string, string>();
  for (const s of securities) {
    currencyOf.set(s.symbol, s.currency);
    if (s.underlying !== null && s.underlying_currency !== null)
      currencyOf.set(s.underlying, s.underlying_currency);
  }

  const required = new Set<string>([calendarSymbol]);
  const optional = new Set<string>();
  const history = new Set<string>([calendarSymbol]);
  const conversions = new Map<string, Conversion>();
  const need = (currency: string | undefined, base: string) => {
    if (currency !== undefined && currency !== base)
      conversions.set(`${currency}${base}`, { currency, base });
  };
  const underlyingOf = (symbol: string) => security.get(symbol)?.underlying ?? null;

  for (const b of benchmarks) {
    required.add(b.benchmark);
    history.add(b.benchmark);
    need(currencyOf.get(b.benchmark), b.base_currency);
  }
  for (const { symbol } of held) {
    required.add(symbol);
    const underlying = underlyingOf(symbol);
    if (underlying !== null) optional.add(underlying);
  }
  for (const c of cashByBase) need(c.currency, c.base_currency);
  for (const t of tradedByBase) {
    history.add(t.symbol);
    need(currencyOf.get(t.symbol), t.base_currency);
    const underlying = underlyingOf(t.symbol);
    if (underlying !== null) history.add(underlying);
  }
  const byKey = (a: Conversion, b: Conversion) =>
    `${a.currency}${a.base}`.localeCompare(`${b.currency}${b.base}`);
  return {
    required: [...required].sort(),
    optional: [...optional].filter((s) => !required.has(s)).sort(),
    historySymbols: [...history].sort(),
    currencyOf,
    conversions: [...conversions.values()].sort(byKey),
    earliestInception: inception?.earliest ?? null,
  };
}
