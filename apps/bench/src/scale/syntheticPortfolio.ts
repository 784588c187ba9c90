import Big from 'big.js';
import { centsText } from './minorUnits.js';
import type { ScaleParams } from './scaleParams.js';
import { seededStream } from './seededStream.js';
import { scaleLastDate, type SyntheticMarket, type SyntheticSecurity } from './syntheticMarket.js';

/** A portfolio's `portfolios.json` entry (docs/DATA-FORMATS.md#portfoliosjson). */
export interface PortfolioEntry {
  readonly id: string;
  readonly name: string;
  readonly base_currency: string;
  readonly benchmark: string;
  readonly inception: string;
}

/** One generated portfolio: its entry, its books CSV and its Beancount ledger. */
export interface GeneratedPortfolio {
  readonly entry: PortfolioEntry;
  /** `transactions/<ID>.csv` with its header. */
  readonly booksCsv: string;
  readonly ledger: string;
  readonly transactions: number;
}

/** Header of `transactions/<ID>.csv` (docs/TRANSACTIONS-CSV.md). */
export const transactionsHeader =
  'external_id,trade_date,settle_date,type,symbol,quantity,price,amount,currency,ex_date,pay_date,description';

/** The ledger's inception deposit exceeds the books' by this much when a break is injected. */
export const injectedBreakCents = 100;

/** Portfolio id of index `i` (0-based): `P000001`. */
export function portfolioId(index: number): string {
  return `P${String(index + 1).padStart(6, '0')}`;
}

interface Position {
  readonly security: SyntheticSecurity;
  units: number;
  /** Per-unit cost of the one lot (exact decimal; halves at each split). */
  cost: Big;
  readonly lotDate: string;
}

type PortfolioEvent =
  | { day: number; order: 0; kind: 'split'; symbol: string }
  | { day: number; order: 1; kind: 'ex'; symbol: string; dividend: number }
  | { day: number; order: 2; kind: 'flow' | 'sell' }
  | { day: number; order: 3; kind: 'pay'; symbol: string; dividend: number };

/**
 * Generates portfolio `index` of a data set (pure; its own seeded stream). Base currency
 * = currencies[index mod k], benchmark = that currency's index ETF, inception within the
 * first 20 trading days of the portfolio history. At inception: one deposit per currency
 * needed (what the buys cost + 5 %, rounded up to 100), then `holdings` distinct equities
 * bought at the close (2,000–20,000 worth each, at least one share). Then, in date order:
 * 2-for-1 splits of held equities (books `split` row of the added units; ledger lot
 * re-created at half the cost), dividends (units held at the ex-date × amount, paid on
 * the pay date if within the data), every 126 trading days a deposit (60 %) or a
 * withdrawal of at most half the base cash (40 %), and every 252 trading days the sale
 * of a third of one holding (lot reduced at cost, capital gain booked). The ledger holds
 * the same events (external_id metadata naming the book row) plus one `balance`
 * assertion per asset account the day after the last date. With `injectBreak`, the
 * ledger's inception deposit in the base currency is 1.00 larger than the books' — one
 * cash break for reconciliation to find.
 */
export function syntheticPortfolio(
  market: SyntheticMarket,
  params: ScaleParams,
  index: number,
  injectBreak: boolean,
): GeneratedPortfolio {
  const rng = seededStream(params.seed, 'portfolio', index);
  const id = portfolioId(index);
  const days = market.days;
  const base = params.currencies[index % params.currencies.length] as string;
  const firstHistoryDay = `${Number(scaleLastDate.slice(0, 4)) - params.years + 1}-01-01`;
  const inceptionIndex = days.findIndex((d) => d >= firstHistoryDay) + rng.int(20);
  const inception = days[inceptionIndex] as string;
  const entry: PortfolioEntry = {
    id,
    name: `Synthetic portfolio ${id} (${base})`,
    base_currency: base,
    benchmark: market.benchmarkOf.get(base) as string,
    inception,
  };

  const chosen = new Set<number>();
  while (chosen.size < params.holdings) chosen.add(rng.int(market.equities.length));
  const positions = new Map<string, Position>();
  const buys: { symbol: string; units: number; price: number }[] = [];
  const needed = new Map<string, number>();
  for (const i of chosen) {
    const security = market.equities[i] as SyntheticSecurity;
    const price = closeCents(market, security.symbol, inceptionIndex);
    const units = Math.max(1, Math.floor((rng.between(2000, 20000) * 100) / price));
    buys.push({ symbol: security.symbol, units, price });
    positions.set(security.symbol, { security, units, cost: new Big(0), lotDate: inception });
    needed.set(security.currency, (needed.get(security.currency) ?? 0) + units * price);
  }

  const books: string[] = [transactionsHeader];
  const ledger: string[] = [];
  const cash = new Map<string, number>();
  const accounts = new Map<string, Set<string>>();
  let sequence = 0;
  const account = (name: string, commodity: string): string => {
    const commodities = accounts.get(name) ?? new Set<string>();
    accounts.set(name, commodities.add(commodity));
    return name;
  };
  const cashAccount = (currency: string) => account(`Assets:${id}:Cash:${currency}`, currency);
  const securityAccount = (symbol: string) => account(`Assets:${id}:Securities:${symbol}`, symbol);
  const addCash = (currency: string, cents: number) =>
    cash.set(currency, (cash.get(currency) ?? 0) + cents);
  /** Appends one books row and returns its external id. */
  const row = (
    fields: [string, string, string, string, string, string, string, string, string, string],
    description: string,
  ): string => {
    sequence += 1;
    const externalId = `${id}-${String(sequence).padStart(4, '0')}`;
    books.push(`${externalId},${fields.join(',')},${description}`);
    return externalId;
  };
  const txn = (date: string, narration: string, externalId: string, lines: readonly string[]) =>
    ledger.push(
      [`${date} * "${narration}"`, `  external_id: "${externalId}"`, ...lines, ''].join('\n'),
    );

  // Inception: deposits (base first), then the buys.
  const currencies = [base, ...[...needed.keys()].filter((c) => c !== base).sort()];
  for (const currency of currencies) {
    const cents = Math.ceil(((needed.get(currency) ?? 0) * 1.05) / 10_000) * 10_000;
    const ledgerCents = cents + (injectBreak && currency === base ? injectedBreakCents : 0);
    const description = `Deposit ${currency} ${centsText(cents)}`;
    const externalId = row(
      [inception, inception, 'deposit', '', '', '', centsText(cents), currency, '', ''],
      description,
    );
    txn(inception, description, externalId, [
      `  ${cashAccount(currency)}  ${centsText(ledgerCents)} ${currency}`,
      `  ${account(`Equity:${id}:Contributions`, currency)}  ${centsText(-ledgerCents)} ${currency}`,
    ]);
    addCash(currency, cents);
  }
  for (const buy of buys) {
    const position = positions.get(buy.symbol) as Position;
    const currency = position.security.currency;
    const price = centsText(buy.price);
    position.cost = new Big(price);
    const amount = -buy.units * buy.price;
    const description = `Buy ${buy.units} ${buy.symbol} at ${price} ${currency}`;
    const externalId = row(
      [
        inception,
        inception,
        'buy',
        buy.symbol,
        String(buy.units),
        price,
        centsText(amount),
        currency,
        '',
        '',
      ],
      description,
    );
    txn(inception, description, externalId, [
      `  ${securityAccount(buy.symbol)}  ${buy.units} ${buy.symbol} {${price} ${currency}}`,
      `  ${cashAccount(currency)}  ${centsText(amount)} ${currency}`,
    ]);
    addCash(currency, amount);
  }

  // Later events in date order.
  const events: PortfolioEvent[] = [];
  for (const symbol of positions.keys()) {
    for (const split of market.splits.get(symbol) ?? [])
      if (split.dayIndex > inceptionIndex)
        events.push({ day: split.dayIndex, order: 0, kind: 'split', symbol });
    (market.dividends.get(symbol) ?? []).forEach((d, dividend) => {
      if (d.exIndex > inceptionIndex && d.payIndex < days.length) {
        events.push({ day: d.exIndex, order: 1, kind: 'ex', symbol, dividend });
        events.push({ day: d.payIndex, order: 3, kind: 'pay', symbol, dividend });
      }
    });
  }
  for (let day = inceptionIndex + 126; day < days.length; day += 126)
    events.push({ day, order: 2, kind: 'flow' });
  for (let day = inceptionIndex + 192; day < days.length; day += 252)
    events.push({ day, order: 2, kind: 'sell' });
  events.sort((a, b) => a.day - b.day || a.order - b.order);
  const entitled = new Map<string, number>();
  const symbols = [...positions.keys()];

  for (const event of events) {
    const date = days[event.day] as string;
    if (event.kind === 'split') {
      const p = positions.get(event.symbol) as Position;
      const currency = p.security.currency;
      const oldCost = p.cost.toFixed();
      p.cost = p.cost.div(2);
      const description = `${event.symbol} 2-for-1 split: ${p.units} shares added and lot cost halved`;
      const externalId = row(
        [date, date, 'split', event.symbol, String(p.units), '', '0.00', currency, '', ''],
        description,
      );
      txn(date, description, externalId, [
        `  ${securityAccount(event.symbol)}  ${-p.units} ${event.symbol} {${oldCost} ${currency}, ${p.lotDate}}`,
        `  ${securityAccount(event.symbol)}  ${p.units * 2} ${event.symbol} {${p.cost.toFixed()} ${currency}, ${p.lotDate}}`,
      ]);
      p.units *= 2;
    } else if (event.kind === 'ex') {
      entitled.set(
        `${event.symbol}/${event.dividend}`,
        (positions.get(event.symbol) as Position).units,
      );
    } else if (event.kind === 'pay') {
      const units = entitled.get(`${event.symbol}/${event.dividend}`) ?? 0;
      const d = (market.dividends.get(event.symbol) ?? [])[event.dividend];
      if (units === 0 || d === undefined) continue;
      const amount = units * d.amountCents;
      const exDate = days[d.exIndex] as string;
      const perShare = centsText(d.amountCents);
      const description = `${event.symbol} dividend ${d.currency} ${perShare} per share on ${units} shares held at ex-date ${exDate}`;
      const externalId = row(
        [
          date,
          date,
          'dividend',
          event.symbol,
          String(units),
          perShare,
          centsText(amount),
          d.currency,
          exDate,
          date,
        ],
        description,
      );
      txn(date, description, externalId, [
        `  ex_date: ${exDate}`,
        `  pay_date: ${date}`,
        `  ${cashAccount(d.currency)}  ${centsText(amount)} ${d.currency}`,
        `  ${account(`Income:${id}:Dividends:${event.symbol}`, d.currency)}  ${centsText(-amount)} ${d.currency}`,
      ]);
      addCash(d.currency, amount);
    } else if (event.kind === 'flow') {
      const balance = cash.get(base) ?? 0;
      const wanted = Math.round(rng.between(500, 5000)) * 100;
      const withdraw = rng.uniform() < 0.4;
      const cents = withdraw ? Math.min(wanted, Math.floor(balance / 200) * 100) : wanted;
      if (cents <= 0) continue;
      const type = withdraw ? 'withdrawal' : 'deposit';
      const signed = withdraw ? -cents : cents;
      const description = `${withdraw ? 'Withdrawal' : 'Deposit'} ${base} ${centsText(cents)}`;
      const externalId = row(
        [date, date, type, '', '', '', centsText(signed), base, '', ''],
        description,
      );
      txn(date, description, externalId, [
        `  ${cashAccount(base)}  ${centsText(signed)} ${base}`,
        `  ${account(`Equity:${id}:Contributions`, base)}  ${centsText(-signed)} ${base}`,
      ]);
      addCash(base, signed);
    } else {
      const p = positions.get(symbols[rng.int(symbols.length)] as string) as Position;
      const units = Math.floor(p.units / 3);
      if (units === 0) continue;
      const symbol = p.security.symbol;
      const currency = p.security.currency;
      const priceCents = closeCents(market, symbol, event.day);
      const price = centsText(priceCents);
      const proceeds = units * priceCents;
      const gain = new Big(centsText(proceeds)).minus(p.cost.times(units));
      const description = `Sell ${units} ${symbol} at ${price} ${currency}`;
      const externalId = row(
        [date, date, 'sell', symbol, String(units), price, centsText(proceeds), currency, '', ''],
        description,
      );
      txn(date, description, externalId, [
        `  ${securityAccount(symbol)}  ${-units} ${symbol} {${p.cost.toFixed()} ${currency}, ${p.lotDate}} @ ${price} ${currency}`,
        `  ${cashAccount(currency)}  ${centsText(proceeds)} ${currency}`,
        ...(gain.eq(0)
          ? []
          : [
              `  ${account(`Income:${id}:CapitalGains`, currency)}  ${gain.neg().toFixed()} ${currency}`,
            ]),
      ]);
      p.units -= units;
      addCash(currency, proceeds);
    }
  }

  const after = nextDay(scaleLastDate);
  const balances: string[] = [];
  for (const currency of [...cash.keys()].sort()) {
    const ledgerCents =
      (cash.get(currency) as number) + (injectBreak && currency === base ? injectedBreakCents : 0);
    balances.push(
      `${after} balance ${cashAccount(currency)}  ${centsText(ledgerCents)} ${currency}`,
    );
  }
  for (const symbol of [...positions.keys()].sort())
    balances.push(
      `${after} balance ${securityAccount(symbol)}  ${(positions.get(symbol) as Position).units} ${symbol}`,
    );
  const opens = [...accounts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, commodities]) => `${inception} open ${name} ${[...commodities].sort().join(',')}`);
  const header = [
    `; Beancount ledger of synthetic portfolio ${id}, base currency ${base}.`,
    '; Generated by apps/bench/src/scale (npm run bench -- generate); agrees with its books',
    '; row for row (metadata external_id) unless a break was injected on purpose.',
    '',
    `option "title" "${entry.name}"`,
    `option "operating_currency" "${base}"`,
    '',
    ...opens,
    '',
  ];
  return {
    entry,
    booksCsv: `${books.join('\n')}\n`,
    ledger: `${header.join('\n')}\n${ledger.join('\n')}\n${balances.join('\n')}\n`,
    transactions: books.length - 1,
  };
}

function closeCents(market: SyntheticMarket, symbol: string, day: number): number {
  return (market.closes.get(symbol) as Int32Array)[day] as number;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
