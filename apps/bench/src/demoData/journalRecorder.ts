import Big from 'big.js';
import type { BookRow, BookType, JournalEntry, LedgerMeta, Posting } from './journal.js';

/**
 * The journal of one simulated portfolio as it is written: numbers its book rows
 * (`<portfolio id>-0001`, `-0002`, … in the order they are made), keeps the cash balance of
 * each currency (the sum of the recorded rows' amounts) and collects the journal entries —
 * the rows of one event with the ledger transaction that matches them, dated and narrated
 * by its first row, its `external_id` meta listing every row's id.
 */
export class JournalRecorder {
  private readonly entries: JournalEntry[] = [];
  private readonly cash = new Map<string, Big>();
  private sequence = 0;

  constructor(
    private readonly portfolioId: string,
    private readonly cashAccount: (currency: string) => string,
  ) {}

  /** The next book row: blank security fields, settled on `date`, unless `fields` say otherwise. */
  row(
    type: BookType,
    date: string,
    fields: Partial<BookRow> & { amount: string; currency: string; description: string },
  ): BookRow {
    this.sequence += 1;
    return {
      externalId: `${this.portfolioId}-${String(this.sequence).padStart(4, '0')}`,
      tradeDate: date,
      settleDate: date,
      type,
      symbol: '',
      quantity: '',
      price: '',
      exDate: '',
      payDate: '',
      ...fields,
    };
  }

  /** A posting of `amount` to the cash account of `currency`. */
  cashPosting(currency: string, amount: string): Posting {
    return { account: this.cashAccount(currency), units: amount, commodity: currency };
  }

  /** Records one event: its rows move the cash balances; `meta` follows `external_id`. */
  record(rows: BookRow[], postings: Posting[], meta: LedgerMeta[] = []): void {
    for (const row of rows)
      this.cash.set(row.currency, (this.cash.get(row.currency) ?? new Big(0)).plus(row.amount));
    const first = rows[0] as BookRow;
    this.entries.push({
      rows,
      transaction: {
        date: first.tradeDate,
        narration: first.description,
        meta: [
          { key: 'external_id', value: rows.map((r) => r.externalId).join(' '), kind: 'string' },
          ...meta,
        ],
        postings,
      },
    });
  }

  /** The cash balance of `currency`; undefined before any row in it. */
  cashBalance(currency: string): Big | undefined {
    return this.cash.get(currency);
  }

  /** Every currency's cash balance, in the order the currencies first appeared. */
  cashBalances(): ReadonlyMap<string, Big> {
    return this.cash;
  }

  /** The entries recorded so far, in order. */
  journal(): JournalEntry[] {
    return this.entries;
  }
}
