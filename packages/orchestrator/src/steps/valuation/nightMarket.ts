import { epochDayToIso } from '@truth-spine/finance-core';
import type { Database } from '@truth-spine/store';
import { readCloseHistory } from '../history/readCloseHistory.js';
import { readFxToBase } from '../history/readFxToBase.js';
import { readTradingCalendar } from '../history/readTradingCalendar.js';
import { carriedForward } from './carriedForward.js';

/**
 * The market history one night's valuations share: the trading calendar from the earliest
 * inception to D, each security's currency, and — loaded lazily, then kept for the night —
 * closes per symbol (as observed, and carried forward) and conversion factors per base
 * currency. Everything from market history tables only (reproducible from the database).
 */
export class NightMarket {
  readonly #closes = new Map<string, Float64Array>();
  readonly #closesCarried = new Map<string, Float64Array>();
  readonly #toBase = new Map<string, Map<string, Float64Array>>();

  private constructor(
    private readonly db: Database,
    /** Trading calendar rows, ascending epoch days, ending at D. */
    readonly calendar: Int32Array,
    /** Quote currency of every security. */
    readonly securityCurrency: ReadonlyMap<string, string>,
    /** Every currency a security or a transaction uses. */
    readonly currencies: readonly string[],
  ) {}

  /** Loads the calendar (calendar symbol's closes from the earliest inception to `asOf`) and securities. */
  static async open(db: Database, calendarSymbol: string, asOf: string): Promise<NightMarket> {
    const [earliest] = await db.query<{ first: string | null }>(
      `select min(inception)::text as first from portfolios`,
    );
    const calendar = await readTradingCalendar(db, calendarSymbol, earliest?.first ?? asOf, asOf);
    const securities = await db.query<{ symbol: string; currency: string }>(
      `select symbol, currency from securities`,
    );
    const currencies = await db.query<{ currency: string }>(
      `select currency from securities union select distinct currency from transactions order by 1`,
    );
    return new NightMarket(
      db,
      calendar,
      new Map(securities.map((s) => [s.symbol, s.currency])),
      currencies.map((c) => c.currency),
    );
  }

  /** The as-of date of the calendar's last row. */
  get lastDate(): string {
    return epochDayToIso(this.calendar[this.calendar.length - 1]!);
  }

  /** Loads closes of the symbols not loaded yet (one query). */
  async loadCloses(symbols: Iterable<string>): Promise<void> {
    const missing = [...new Set(symbols)].filter((s) => !this.#closes.has(s));
    if (missing.length === 0) return;
    const read = await readCloseHistory(this.db, missing, this.calendar, 'missing');
    for (const [symbol, closes] of read) {
      this.#closes.set(symbol, closes);
      this.#closesCarried.set(symbol, carriedForward(closes));
    }
  }

  /** Observed closes (NaN on rows without a close); `loadCloses` first. */
  observedCloses(symbol: string): Float64Array {
    const closes = this.#closes.get(symbol);
    if (closes === undefined) throw new Error(`closes of ${symbol} were not loaded`);
    return closes;
  }

  /** Closes carried forward, for every loaded symbol. */
  get carriedCloses(): ReadonlyMap<string, Float64Array> {
    return this.#closesCarried;
  }

  /** Units of `base` per unit of every currency, per row (read once per base currency). */
  async toBase(base: string): Promise<ReadonlyMap<string, Float64Array>> {
    let factors = this.#toBase.get(base);
    if (factors === undefined) {
      factors = await readFxToBase(this.db, this.currencies, base, this.calendar);
      this.#toBase.set(base, factors);
    }
    return factors;
  }
}
