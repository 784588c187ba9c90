import type { BooksTransaction } from '../portfolioBooks.js';

/** A generated ledger (top file and one include) and books that mostly agree with it. */
export interface GeneratedLedger {
  readonly portfolioId: string;
  /** Text of `<ID>.beancount`; it includes `<ID>-more.beancount` (and, odd seeds, a missing file). */
  readonly top: string;
  /** Text of `<ID>-more.beancount`. */
  readonly included: string;
  /** Books rows in trade-date order; about one ledger transaction in eight has none. */
  readonly books: readonly BooksTransaction[];
  /** Every transaction date, ascending (for choosing as-of dates around them). */
  readonly dates: readonly string[];
}

const SYMBOLS = ['GA', 'GB', 'GC'] as const;

/**
 * A seeded random ledger of portfolio `P-GEN-<seed>` (base USD): deposits, buys at cost,
 * FIFO sells at a price (realised gains), dividends, EUR bought with USD at an `@` rate,
 * correct and (sometimes) wrong `balance` assertions, a transaction on
 * another portfolio's accounts — spread over the top file and an include; odd seeds also
 * include a file that does not exist (a ledger error). Exact decimals throughout.
 */
export function generatedLedger(seed: number): GeneratedLedger {
  let state = seed * 2654435761 + 1;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = (n: number) => Math.floor(random() * n);
  const id = `P-GEN-${seed}`;
  const cash = (c: string) => `Assets:${id}:Cash:${c}`;
  const sec = (s: string) => `Assets:${id}:Securities:${s}`;
  const top: string[] = [
    `option "operating_currency" "USD"`,
    `option "booking_method" "FIFO"`,
    `include "${id}-more.beancount"`,
    ...(seed % 2 === 1 ? [`include "${id}-missing.beancount"`] : []),
    `2020-01-01 open ${cash('USD')} USD`,
    `2020-01-01 open ${cash('EUR')} EUR`,
    ...SYMBOLS.map((s) => `2020-01-01 open ${sec(s)} ${s}`),
    `2020-01-01 open Equity:${id}:Contributions`,
    `2020-01-01 open Income:${id}:Dividends`,
    `2020-01-01 open Income:${id}:Gains`,
    `2020-01-01 open Assets:P-OTHER:Cash:USD USD`,
    `2020-01-01 open Equity:P-OTHER:Contributions`,
  ];
  const included: string[] = [];
  const books: BooksTransaction[] = [];
  const dates: string[] = [];
  const held = new Map<string, number>(SYMBOLS.map((s) => [s, 0]));
  let usdCents = 0;
  let eurCents = 0;
  let day = Date.UTC(2021, 0, 4);
  let n = 0;
  const money = (cents: number) => (cents / 100).toFixed(2);
  const row = (
    date: string,
    type: string,
    amountCents: number,
    currency: string,
    symbol: string | null = null,
    quantity: string | null = null,
  ) => {
    n++;
    if (pick(8) === 0) return; // the books lack it: a break
    books.push({
      externalId: `${id}-${n}`,
      tradeDate: date,
      type,
      symbol,
      quantity,
      amount: money(amountCents),
      currency,
      description: `${type} ${n}`,
    });
  };
  for (let i = 0; i < 60; i++) {
    day += (1 + pick(9)) * 86_400_000;
    const date = new Date(day).toISOString().slice(0, 10);
    dates.push(date);
    const out = pick(2) === 0 ? top : included;
    const kind = i < 2 ? 0 : pick(7);
    if (kind === 0) {
      const cents = (1 + pick(50)) * 100_000 + pick(100);
      usdCents += cents;
      out.push(
        `${date} * "Deposit"`,
        `  ${cash('USD')} ${money(cents)} USD`,
        `  Equity:${id}:Contributions`,
      );
      row(date, 'deposit', cents, 'USD');
    } else if (kind === 1 || kind === 2) {
      const s = SYMBOLS[pick(SYMBOLS.length)]!;
      const units = 1 + pick(40);
      const priceCents = 1000 + pick(20_000);
      if (units * priceCents > usdCents) continue;
      usdCents -= units * priceCents;
      held.set(s, held.get(s)! + units);
      out.push(
        `${date} * "Buy ${s}"`,
        `  ${sec(s)} ${units} ${s} {${money(priceCents)} USD}`,
        `  ${cash('USD')}`,
      );
      row(date, 'buy', -units * priceCents, 'USD', s, String(units));
    } else if (kind === 3) {
      const s = SYMBOLS[pick(SYMBOLS.length)]!;
      const units = Math.min(held.get(s)!, 1 + pick(30));
      if (units === 0) continue;
      const priceCents = 1000 + pick(20_000);
      usdCents += units * priceCents;
      held.set(s, held.get(s)! - units);
      out.push(
        `${date} * "Sell ${s}"`,
        `  ${sec(s)} -${units} ${s} {} @ ${money(priceCents)} USD`,
        `  ${cash('USD')} ${money(units * priceCents)} USD`,
        `  Income:${id}:Gains`,
      );
      row(date, 'sell', units * priceCents, 'USD', s, String(units));
    } else if (kind === 4) {
      const cents = 1 + pick(50_000);
      usdCents += cents;
      out.push(
        `${date} * "Dividend"`,
        `  ${cash('USD')} ${money(cents)} USD`,
        `  Income:${id}:Dividends`,
      );
      row(date, 'dividend', cents, 'USD');
    } else if (kind === 5) {
      const eur = (1 + pick(100)) * 100;
      const rate = 100 + pick(20); // USD cents per EUR
      if ((eur * rate) / 100 > usdCents) continue;
      usdCents -= (eur * rate) / 100;
      eurCents += eur;
      out.push(
        `${date} * "Buy EUR"`,
        `  ${cash('EUR')} ${money(eur)} EUR @ ${money(rate)} USD`,
        `  ${cash('USD')} -${money((eur * rate) / 100)} USD`,
      );
      row(date, 'fx', (-eur * rate) / 100, 'USD');
    } else if (i % 3 === 0) {
      // not this portfolio's: neither side has it
      out.push(
        `${date} * "Other portfolio"`,
        `  Assets:P-OTHER:Cash:USD 5.00 USD`,
        `  Equity:P-OTHER:Contributions`,
      );
    } else {
      const wrong = pick(2) === 0 ? 100 : 0;
      out.push(`${date} balance ${cash('EUR')} ${money(eurCents + wrong)} EUR`);
    }
  }
  return {
    portfolioId: id,
    top: `${top.join('\n')}\n`,
    included: `${included.join('\n')}\n`,
    books,
    dates,
  };
}
