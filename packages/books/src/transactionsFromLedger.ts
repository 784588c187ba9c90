import { createHash } from 'node:crypto';
import Big from 'big.js';
import type { Directive, Posting, Transaction } from '@truth-spine/ledger';
import type { BookTransaction } from './bookRecords.js';

/** A ledger transaction that did not become books rows, and why. */
export interface SkippedLedgerEntry {
  readonly file: string;
  readonly line: number;
  readonly date: string;
  readonly narration: string;
  readonly reason: string;
}

/** The books rows a ledger maps to, with what was skipped. */
export interface LedgerMapping {
  readonly rows: readonly BookTransaction[];
  /** Where each row of `rows` comes from (same index): the ledger transaction's file and line. */
  readonly origins: readonly { readonly file: string; readonly line: number }[];
  /** Mapped rows per transaction type. */
  readonly mapped: Readonly<Partial<Record<BookTransaction['type'], number>>>;
  readonly skipped: readonly SkippedLedgerEntry[];
  /** Ledger transactions touching no account of the portfolio (ignored). */
  readonly otherTransactions: number;
}

type Row = Omit<BookTransaction, 'portfolioId' | 'externalId' | 'tradeDate' | 'description'>;
type Mapped = { rows: Row[] } | { skip: string };

const ZERO = new Big(0);

/**
 * Maps one portfolio's side of a booked Beancount ledger to books rows (docs/DATA-FORMATS.md#ledgers),
 * by the account conventions `Assets:<ID>:Cash:<CCY>`, `Assets:<ID>:Securities:<SYM>`,
 * `Income:<ID>:Dividends:<SYM>`, `Income:<ID>:Interest`, `Expenses:<ID>:Fees`,
 * `Equity:<ID>:Contributions`, `Income:<ID>:CapitalGains`. Per transaction:
 *
 * - units of one security in, cash out → `buy` (price = cost per unit); units out, cash
 *   in → `sell` (price = the `@` price, else cash ÷ units); a fee posting beside the
 *   trade becomes its own `fee` row and the trade's amount excludes it;
 * - units of one security only, netting to more → `split` (quantity = shares added);
 * - cash against `Dividends:<SYM>` → `dividend` (ex date from `ex_date` metadata, which
 *   is required; pay date from `pay_date` metadata, else the transaction date);
 * - cash against Interest / Fees / Contributions → `interest` / `fee` /
 *   `deposit` or `withdrawal` by the sign;
 * - cash in two currencies only → a pair of `fx` rows.
 *
 * External ids come from `external_id` metadata (two, space-separated, for an fx pair),
 * else a stable hash of the transaction's date, narration and postings. Anything else is
 * skipped with the reason; transactions touching none of the portfolio's accounts are
 * only counted.
 */
export function transactionsFromLedger(
  entries: readonly Directive[],
  portfolioId: string,
): LedgerMapping {
  const rows: BookTransaction[] = [];
  const origins: { file: string; line: number }[] = [];
  const mapped: Partial<Record<BookTransaction['type'], number>> = {};
  const skipped: SkippedLedgerEntry[] = [];
  let otherTransactions = 0;
  for (const entry of entries) {
    if (entry.type !== 'Transaction') continue;
    const own = entry.postings.filter((p) => accountOwner(p.account) === portfolioId);
    if (own.length === 0) {
      otherTransactions += 1;
      continue;
    }
    const result =
      own.length === entry.postings.length
        ? mapTransaction(entry, portfolioId)
        : { skip: `posts to accounts outside portfolio ${portfolioId}` };
    if ('skip' in result) {
      skipped.push({
        file: entry.file,
        line: entry.line,
        date: entry.date,
        narration: entry.narration,
        reason: result.skip,
      });
      continue;
    }
    const ids = externalIds(entry, result.rows.length);
    result.rows.forEach((row, index) => {
      rows.push({
        ...row,
        portfolioId,
        externalId: ids[index] as string,
        tradeDate: entry.date,
        description: entry.narration,
      });
      origins.push({ file: entry.file, line: entry.line });
      mapped[row.type] = (mapped[row.type] ?? 0) + 1;
    });
  }
  return { rows, origins, mapped, skipped, otherTransactions };
}

function mapTransaction(entry: Transaction, id: string): Mapped {
  const groups = new Map<string, Posting[]>();
  for (const p of entry.postings) {
    const group = postingGroup(p.account, id);
    groups.set(group, [...(groups.get(group) ?? []), p]);
  }
  const take = (name: string) => groups.get(name) ?? [];
  const unknown = [...groups.keys()].filter((g) => g.startsWith('?'));
  if (unknown.length > 0) {
    return {
      skip: `account ${unknown[0]?.slice(1)} is not one of the portfolio accounts of docs/DATA-FORMATS.md#ledgers`,
    };
  }
  const cash = sumByCurrency(take('cash'));
  const fees = take('fees');
  const fee = sumByCurrency(fees);
  if (fee.size > 1) return { skip: 'fees in more than one currency' };
  const units = take('securities');
  if (units.length > 0) {
    if (take('dividends').length + take('interest').length + take('contributions').length > 0)
      return { skip: 'mixes a trade with dividends, interest or contributions' };
    return mapTrade(units, cash, fee);
  }
  if (take('capitalGains').length > 0) return { skip: 'capital gains without a trade' };
  const others = ['dividends', 'interest', 'contributions'].filter((g) => groups.has(g));
  if (others.length + (fees.length > 0 ? 1 : 0) > 1)
    return { skip: 'mixes dividends, interest, fees or contributions in one transaction' };
  if (others.length === 0 && fees.length === 0) return mapCashOnly(cash);
  if (cash.size !== 1) return { skip: 'cash must move in exactly one currency' };
  const [[currency, amount]] = [...cash] as [[string, Big]];
  const plain = { symbol: null, quantity: null, price: null, settleDate: null };
  const noDates = { exDate: null, payDate: null };
  if (fees.length > 0) {
    if (!amount.lt(ZERO)) return { skip: 'a fee refund (cash in) is not a books fee' };
    return { rows: [{ ...plain, ...noDates, type: 'fee', amount: text(amount), currency }] };
  }
  if (others[0] === 'interest')
    return { rows: [{ ...plain, ...noDates, type: 'interest', amount: text(amount), currency }] };
  if (others[0] === 'contributions') {
    if (amount.eq(ZERO)) return { skip: 'a contribution of zero' };
    const type = amount.gt(ZERO) ? 'deposit' : 'withdrawal';
    return { rows: [{ ...plain, ...noDates, type, amount: text(amount), currency }] };
  }
  const accounts = new Set(take('dividends').map((p) => p.account));
  if (accounts.size !== 1) return { skip: 'a dividend of more than one security' };
  const symbol = [...accounts][0]?.split(':').at(-1) ?? '';
  if (!amount.gt(ZERO)) return { skip: 'a dividend reversal (cash out) is not a books dividend' };
  const exDate = dateMeta(entry, 'ex_date');
  if (exDate === null)
    return { skip: 'a dividend needs ex_date metadata (docs/DATA-FORMATS.md#ledgers)' };
  const payDate = dateMeta(entry, 'pay_date') ?? entry.date;
  return {
    rows: [
      {
        ...plain,
        symbol,
        type: 'dividend',
        amount: text(amount),
        currency,
        exDate,
        payDate,
      },
    ],
  };
}

function mapTrade(
  units: readonly Posting[],
  cash: Map<string, Big>,
  fee: Map<string, Big>,
): Mapped {
  const symbols = new Set(units.map((p) => p.units.currency));
  if (symbols.size !== 1) return { skip: 'moves units of more than one security' };
  const symbol = [...symbols][0] as string;
  const net = units.reduce((sum, p) => sum.plus(p.units.number.big), ZERO);
  const plain = { symbol, settleDate: null, exDate: null, payDate: null };
  if (cash.size === 0) {
    if (fee.size > 0) return { skip: 'a fee on a transaction that moves no cash' };
    if (net.lte(ZERO)) return { skip: 'units without cash that do not add shares' };
    const currency = units.find((p) => p.cost !== null)?.cost?.currency;
    if (currency === undefined) return { skip: 'a split whose lots have no cost currency' };
    return {
      rows: [{ ...plain, type: 'split', quantity: text(net), price: null, amount: '0', currency }],
    };
  }
  if (cash.size !== 1) return { skip: 'a trade settling in more than one currency' };
  const [[currency, cashAmount]] = [...cash] as [[string, Big]];
  const feeAmount = fee.get(currency);
  if (fee.size > 0 && feeAmount === undefined)
    return { skip: 'a fee in another currency than the trade' };
  const feeCash = feeAmount === undefined ? ZERO : feeAmount.neg();
  const tradeAmount = cashAmount.minus(feeCash);
  const feeRows: Row[] =
    feeAmount === undefined
      ? []
      : [
          {
            ...plain,
            symbol,
            type: 'fee',
            quantity: null,
            price: null,
            amount: text(feeCash),
            currency,
          },
        ];
  if (net.gt(ZERO) && tradeAmount.lt(ZERO)) {
    const cost = units.reduce(
      (sum, p) => (p.cost === null ? sum : sum.plus(p.units.number.big.times(p.cost.number.big))),
      ZERO,
    );
    const price = units.length === 1 && units[0]?.cost ? units[0].cost.number.big : cost.div(net);
    return {
      rows: [
        {
          ...plain,
          type: 'buy',
          quantity: text(net),
          price: text(price),
          amount: text(tradeAmount),
          currency,
        },
        ...feeRows,
      ],
    };
  }
  if (net.lt(ZERO) && tradeAmount.gt(ZERO)) {
    const quantity = net.neg();
    const priced = units.find((p) => p.price !== null)?.price?.number.big;
    return {
      rows: [
        {
          ...plain,
          type: 'sell',
          quantity: text(quantity),
          price: text(priced ?? tradeAmount.div(quantity)),
          amount: text(tradeAmount),
          currency,
        },
        ...feeRows,
      ],
    };
  }
  return { skip: 'units and cash move the same way (neither a buy nor a sell)' };
}

function mapCashOnly(cash: Map<string, Big>): Mapped {
  if (cash.size !== 2) return { skip: 'only moves cash within one currency' };
  const rows: Row[] = [...cash].map(([currency, amount]) => ({
    type: 'fx',
    symbol: null,
    quantity: null,
    price: null,
    settleDate: null,
    exDate: null,
    payDate: null,
    amount: text(amount),
    currency,
  }));
  const signs = [...cash.values()].map((a) => a.cmp(ZERO));
  if (!(signs.includes(1) && signs.includes(-1)))
    return { skip: 'a currency conversion must sell one currency and buy the other' };
  return { rows };
}

/** The group of a posting: cash, securities, dividends, … or `?account` if unknown. */
function postingGroup(account: string, id: string): string {
  const groups: [string, string][] = [
    [`Assets:${id}:Cash:`, 'cash'],
    [`Assets:${id}:Securities:`, 'securities'],
    [`Income:${id}:Dividends:`, 'dividends'],
    [`Income:${id}:Interest`, 'interest'],
    [`Expenses:${id}:Fees`, 'fees'],
    [`Equity:${id}:Contributions`, 'contributions'],
    [`Income:${id}:CapitalGains`, 'capitalGains'],
  ];
  for (const [prefix, group] of groups) {
    if (prefix.endsWith(':') ? account.startsWith(prefix) : account === prefix) return group;
  }
  return `?${account}`;
}

/** The portfolio id of a `<Root>:<ID>:…` account. */
function accountOwner(account: string): string | undefined {
  return account.split(':')[1];
}

function sumByCurrency(postings: readonly Posting[]): Map<string, Big> {
  const sums = new Map<string, Big>();
  for (const p of postings) {
    sums.set(p.units.currency, (sums.get(p.units.currency) ?? ZERO).plus(p.units.number.big));
  }
  return sums;
}

function dateMeta(entry: Transaction, key: string): string | null {
  const value = entry.meta.get(key);
  if (value === undefined) return null;
  if ((value.type === 'date' || value.type === 'str') && /^\d{4}-\d{2}-\d{2}$/.test(value.value))
    return value.value;
  return null;
}

function externalIds(entry: Transaction, count: number): string[] {
  const meta = entry.meta.get('external_id');
  if (meta?.type === 'str') {
    const ids = meta.value.split(/\s+/).filter((s) => s !== '');
    if (ids.length === count) return ids;
    if (ids.length === 1)
      return [ids[0] as string, ...range(count - 1).map((i) => `${ids[0]}-${i + 2}`)];
  }
  const hash = createHash('sha256')
    .update(
      [
        entry.date,
        entry.narration,
        ...entry.postings.map((p) => `${p.account} ${p.units.number} ${p.units.currency}`),
      ].join('\n'),
    )
    .digest('hex')
    .slice(0, 16);
  return count === 1 ? [`ledger-${hash}`] : range(count).map((i) => `ledger-${hash}-${i + 1}`);
}

function text(value: Big): string {
  return value.toFixed();
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
