import type { Database } from '../../db/database.js';
import { holdingsOnDate, type HoldingMovement } from './holdingsOnDate.js';
import { activePortfolioSql } from '../../books/activePortfolios.js';

/** The macro series every pack carries (factors and regime, SPEC §7). */
export const packMacroSeries = ['DFII10', 'T10YIE', 'BAMLC0A0CM', 'DTWEXBGS', 'DGS10'] as const;
/** The risk-free series (3-month Treasury yield, percent). */
export const riskFreeSeries = 'DGS3MO';

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
interface PortfolioRow extends Record<string, unknown> {
  id: string;
  base_currency: string;
  benchmark: string;
  inception: string;
}
interface TransactionRow extends Record<string, unknown> {
  portfolio_id: string;
  trade_date: string;
  type: string;
  symbol: string | null;
  quantity: string | null;
  amount: string;
  currency: string;
}

/**
 * Reads the universe of the pack for `asOf` from the loaded books: held positions and
 * cash on D (big.js fold of the transactions), benchmarks, the calendar symbol, ADR
 * underlyings, and the FX conversions of every holding/cash/benchmark currency into each
 * portfolio's base currency. History keys cover everything ever traded.
 */
export async function packUniverse(
  db: Database,
  asOf: string,
  calendarSymbol: string,
): Promise<PackUniverse> {
  const securities = await db.query<SecurityRow>(
    'select symbol, currency, underlying, underlying_currency from securities',
  );
  const portfolios = await db.query<PortfolioRow>(
    `select id, base_currency, benchmark, inception::text as inception from portfolios
      where ${activePortfolioSql} order by id`,
  );
  const transactions = await db.query<TransactionRow>(
    `select portfolio_id, trade_date::text as trade_date, type, symbol, quantity::text as quantity,
            amount::text as amount, currency
       from transactions order by portfolio_id, trade_date, id`,
  );
  const security = new Map(securities.map((s) => [s.symbol, s]));
  const currencyOf = new Map<string, string>();
  for (const s of securities) {
    currencyOf.set(s.symbol, s.currency);
    if (s.underlying !== null && s.underlying_currency !== null)
      currencyOf.set(s.underlying, s.underlying_currency);
  }
  const byPortfolio = new Map<string, HoldingMovement[]>();
  for (const t of transactions) {
    const list = byPortfolio.get(t.portfolio_id) ?? [];
    list.push({
      tradeDate: t.trade_date,
      type: t.type,
      symbol: t.symbol,
      quantity: t.quantity,
      amount: t.amount,
      currency: t.currency,
    });
    byPortfolio.set(t.portfolio_id, list);
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

  for (const p of portfolios) {
    const movements = byPortfolio.get(p.id) ?? [];
    const held = holdingsOnDate(movements, asOf);
    required.add(p.benchmark);
    history.add(p.benchmark);
    need(currencyOf.get(p.benchmark), p.base_currency);
    for (const symbol of held.positions.keys()) {
      required.add(symbol);
      const underlying = underlyingOf(symbol);
      if (underlying !== null) optional.add(underlying);
    }
    for (const m of movements) {
      need(m.currency, p.base_currency);
      if (m.symbol === null) continue;
      history.add(m.symbol);
      need(currencyOf.get(m.symbol), p.base_currency);
      const underlying = underlyingOf(m.symbol);
      if (underlying !== null) history.add(underlying);
    }
  }
  const byKey = (a: Conversion, b: Conversion) =>
    `${a.currency}${a.base}`.localeCompare(`${b.currency}${b.base}`);
  return {
    required: [...required].sort(),
    optional: [...optional].filter((s) => !required.has(s)).sort(),
    historySymbols: [...history].sort(),
    currencyOf,
    conversions: [...conversions.values()].sort(byKey),
    earliestInception: portfolios.reduce<string | null>(
      (min, p) => (min === null || p.inception < min ? p.inception : min),
      null,
    ),
  };
}
