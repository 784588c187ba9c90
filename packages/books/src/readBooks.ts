import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type, type Type } from 'arktype';
import { transactionTypes } from '@truth-spine/store/schema';
import { BooksError, type BookProblem } from './booksError.js';
import { isCurrencyCode } from './currencyCodes.js';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './parseCsv.js';
import { checkTransactionMarket, type BooksMarketFacts } from './transactionMarketRules.js';

/** A portfolio from portfolios.json. */
export interface BookPortfolio {
  readonly id: string;
  readonly name: string;
  readonly baseCurrency: string;
  readonly benchmark: string;
  readonly inception: string;
}

/** A row of securities.csv (decimals stay strings). */
export interface BookSecurity {
  readonly symbol: string;
  readonly name: string;
  readonly currency: string;
  readonly kind: 'equity' | 'etf' | 'adr' | 'fund' | 'cash';
  readonly country: string | null;
  readonly adrRatio: string | null;
  readonly underlying: string | null;
  readonly underlyingCurrency: string | null;
}

/** A row of transactions/<ID>.csv (decimals stay strings; blanks are null). */
export interface BookTransaction {
  readonly portfolioId: string;
  readonly externalId: string;
  readonly tradeDate: string;
  readonly settleDate: string | null;
  readonly type: (typeof transactionTypes)[number];
  readonly symbol: string | null;
  readonly quantity: string | null;
  readonly price: string | null;
  readonly amount: string;
  readonly currency: string;
  readonly exDate: string | null;
  readonly payDate: string | null;
  readonly description: string;
}

/** A validated books directory. */
export interface Books {
  readonly portfolios: readonly BookPortfolio[];
  readonly securities: readonly BookSecurity[];
  readonly transactions: readonly BookTransaction[];
}

const maxProblems = 100;
const isoDate = type(/^\d{4}-\d{2}-\d{2}$/)
  .describe('a date YYYY-MM-DD')
  .narrow(
    (s, ctx) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s) || ctx.mustBe('a real date'),
  );
const optionalDate = type("''").or(isoDate);
const decimal = type(/^-?\d+(\.\d+)?$/).describe('a decimal like 12.50');
const optionalDecimal = type("''").or(decimal);
const currency = type('string').narrow(
  (s, ctx) => isCurrencyCode(s) || ctx.mustBe('an ISO 4217 currency code like USD'),
);
const symbol = type(/^[A-Z0-9][A-Z0-9.'_/-]*$/).describe('a symbol like AAPL or BRK-B');
const anyText = type('string');
const required = type('string > 0').describe('present');

export const securityColumns = {
  symbol,
  name: required,
  currency,
  kind: type("'equity' | 'etf' | 'adr' | 'fund' | 'cash'"),
  country: type("''").or(type(/^[A-Z]{2}$/).describe('an ISO 3166 code like US')),
  adr_ratio: optionalDecimal,
  underlying: type("''").or(symbol),
  underlying_currency: type("''").or(currency),
} satisfies Record<string, Type<string>>;

const transactionColumns = {
  external_id: required,
  trade_date: isoDate,
  settle_date: optionalDate,
  type: type.enumerated(...transactionTypes),
  symbol: type("''").or(symbol),
  quantity: optionalDecimal,
  price: optionalDecimal,
  amount: decimal,
  currency,
  ex_date: optionalDate,
  pay_date: optionalDate,
  description: anyText,
} satisfies Record<string, Type<string>>;

/** One entry of portfolios.json (docs/DATA-FORMATS.md#portfoliosjson). */
export const portfolioEntry = type({
  id: type(/^[A-Za-z0-9][A-Za-z0-9_-]*$/).describe('an id of letters, digits, - and _'),
  name: 'string > 0',
  base_currency: currency,
  benchmark: symbol,
  inception: isoDate,
});

const portfoliosJson = type({ portfolios: portfolioEntry.array() });

/** Which transaction types need a security, and the sign their amount must have. */
const typeRules: Record<BookTransaction['type'], { security: boolean; sign: -1 | 0 | 1 | null }> = {
  buy: { security: true, sign: -1 },
  sell: { security: true, sign: 1 },
  dividend: { security: true, sign: 1 },
  interest: { security: false, sign: null },
  fee: { security: false, sign: -1 },
  deposit: { security: false, sign: 1 },
  withdrawal: { security: false, sign: -1 },
  split: { security: true, sign: 0 },
  fx: { security: false, sign: null },
};

/**
 * Reads and validates a books directory (docs/DATA-FORMATS.md#books): `portfolios.json`,
 * `securities.csv` and `transactions/<ID>.csv` for every portfolio. Checks every field
 * (arktype), cross-field rules (a buy needs a security, quantity and price and a negative
 * amount; a dividend needs ex and pay dates; ADR fields only on ADRs; …), references
 * (symbols and benchmarks in securities.csv), each transaction against the market
 * (`checkTransactionMarket`: currencies, FX data, dates, amount = quantity × price) and
 * unique external ids per portfolio. Throws {@link BooksError} listing every problem with file, line and column.
 */
export async function readBooks(dir: string, options: BooksReadOptions = {}): Promise<Books> {
  const problems: BookProblem[] = [];
  const report = (p: BookProblem) => {
    if (problems.length < maxProblems) problems.push(p);
  };

  const portfolios = await readPortfolios(dir, report);
  const securities = await readCsv(
    dir,
    'securities.csv',
    securityColumns,
    report,
    (values, record, at) => ({
      ...securityFromFields(values, (name, message) => report(at(name, message))),
      line: record.line,
    }),
  );
  const symbols = new Set<string>();
  for (const s of securities) {
    if (symbols.has(s.symbol)) {
      report({
        file: 'securities.csv',
        line: s.line,
        column: 'column 1 (symbol)',
        message: `${s.symbol} is listed twice`,
      });
    }
    symbols.add(s.symbol);
  }
  for (const [index, p] of portfolios.entries()) {
    if (securities.length > 0 && !symbols.has(p.benchmark)) {
      report({
        file: 'portfolios.json',
        line: null,
        column: `portfolios[${index}].benchmark`,
        message: `${p.benchmark} is not a known security (add it to securities.csv)`,
      });
    }
  }

  const transactions: BookTransaction[] = [];
  const files = await readdir(join(dir, 'transactions')).catch(() => [] as string[]);
  const portfolioIds = new Set(portfolios.map((p) => p.id));
  for (const file of files.filter((f) => f.endsWith('.csv'))) {
    const id = file.slice(0, -'.csv'.length);
    if (!portfolioIds.has(id)) {
      report({
        file: `transactions/${file}`,
        line: null,
        column: null,
        message: `no portfolio ${id} in portfolios.json`,
      });
    }
  }
  const facts: BooksMarketFacts = {
    securities: securities.length > 0 ? new Map(securities.map((s) => [s.symbol, s])) : null,
    addSecurityHint: () => 'add it to securities.csv',
    fxPairs: options.fxPairs ?? null,
    today: options.today ?? todayUtc(),
  };
  for (const portfolio of portfolios) {
    const file = `transactions/${portfolio.id}.csv`;
    transactions.push(...(await readTransactionsFile(dir, file, portfolio, facts, report)));
  }
  if (problems.length > 0) throw new BooksError(dir, problems);
  return {
    portfolios,
    securities: securities.map(({ line: _line, ...s }) => s),
    transactions,
  };
}

/** What {@link readBooks} checks transactions against besides the books themselves. */
export interface BooksReadOptions {
  /** FX pairs of the configured market data (`EURUSD`); absent/null = not checked. */
  readonly fxPairs?: ReadonlySet<string> | null;
  /** Today, YYYY-MM-DD (default: the UTC date now). */
  readonly today?: string;
}

/** Today's UTC date, YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The fields of a securities.csv row, each already valid for its column type. */
export type SecurityFields = Record<keyof typeof securityColumns, string>;

/**
 * Builds a security from fields that passed {@link securityColumns}, checking the rules
 * across fields: the ADR fields (a positive adr_ratio, underlying, underlying_currency)
 * are required for an ADR and must be blank otherwise. Problems go to `problem`.
 */
export function securityFromFields(
  values: SecurityFields,
  problem: (column: keyof SecurityFields, message: string) => void,
): BookSecurity {
  const isAdr = values.kind === 'adr';
  const adrFields = ['adr_ratio', 'underlying', 'underlying_currency'] as const;
  for (const name of adrFields) {
    if (isAdr && values[name] === '') problem(name, 'is required for an ADR');
    if (!isAdr && values[name] !== '')
      problem(name, `must be blank unless kind is adr (kind is ${values.kind})`);
  }
  if (isAdr && values.adr_ratio !== '' && Number(values.adr_ratio) <= 0)
    problem('adr_ratio', 'must be positive');
  return {
    symbol: values.symbol,
    name: values.name,
    currency: values.currency,
    kind: values.kind as BookSecurity['kind'],
    country: blankToNull(values.country),
    adrRatio: blankToNull(values.adr_ratio),
    underlying: blankToNull(values.underlying),
    underlyingCurrency: blankToNull(values.underlying_currency),
  };
}

/**
 * Reads and validates one `transactions/<ID>.csv` file (docs/TRANSACTIONS-CSV.md) of portfolio
 * `portfolioId`: every field's type, the rules of its transaction type (security,
 * quantity and price where needed, positive quantity on buys and sells, ex and pay dates
 * on dividends, the amount's sign), unique external ids, and each row against the market
 * it describes ({@link checkTransactionMarket} with `facts`: known security, its
 * currency, convertible to the portfolio's base, dates, amount = quantity × price).
 * Problems go to `report`; rows with a bad field are left out of the result.
 */
export async function readTransactionsFile(
  dir: string,
  file: string,
  portfolio: { readonly id: string; readonly baseCurrency: string },
  facts: BooksMarketFacts,
  report: (p: BookProblem) => void,
): Promise<BookTransaction[]> {
  const seen = new Map<string, number>();
  const portfolioId = portfolio.id;
  return readCsv(dir, file, transactionColumns, report, (values, record, at) => {
    const rules = typeRules[values.type as BookTransaction['type']];
    if (rules.security && values.symbol === '')
      report(at('symbol', `is required for a ${values.type}`));
    if (
      (values.type === 'buy' || values.type === 'sell') &&
      values.quantity !== '' &&
      Number(values.quantity) <= 0
    ) {
      report(at('quantity', `must be positive for a ${values.type} (was ${values.quantity})`));
    }
    if (
      (values.type === 'buy' || values.type === 'sell') &&
      (values.quantity === '' || values.price === '')
    ) {
      report(at(values.quantity === '' ? 'quantity' : 'price', `is required for a ${values.type}`));
    }
    if (values.type === 'split' && values.quantity === '')
      report(at('quantity', 'is required for a split (shares added)'));
    if (values.type === 'dividend') {
      if (values.ex_date === '') report(at('ex_date', 'is required for a dividend'));
      if (values.pay_date === '') report(at('pay_date', 'is required for a dividend'));
    }
    if (rules.sign !== null && values.amount !== '') {
      const sign = Math.sign(Number(values.amount));
      if (rules.sign === 0 ? sign !== 0 : sign === -rules.sign) {
        const wanted =
          rules.sign === 0
            ? 'zero'
            : rules.sign < 0
              ? 'negative (cash paid)'
              : 'positive (cash received)';
        report(at('amount', `must be ${wanted} for a ${values.type} (was ${values.amount})`));
      }
    }
    const previous = seen.get(values.external_id);
    if (previous !== undefined)
      report(at('external_id', `${values.external_id} repeats line ${previous}`));
    seen.set(values.external_id, record.line);
    const row: BookTransaction = {
      portfolioId,
      externalId: values.external_id,
      tradeDate: values.trade_date,
      settleDate: blankToNull(values.settle_date),
      type: values.type as BookTransaction['type'],
      symbol: blankToNull(values.symbol),
      quantity: blankToNull(values.quantity),
      price: blankToNull(values.price),
      amount: values.amount,
      currency: values.currency,
      exDate: blankToNull(values.ex_date),
      payDate: blankToNull(values.pay_date),
      description: values.description,
    };
    checkTransactionMarket(row, portfolio.baseCurrency, facts, (column, message) =>
      report(at(column, message)),
    );
    return row;
  });
}

async function readPortfolios(
  dir: string,
  report: (p: BookProblem) => void,
): Promise<BookPortfolio[]> {
  const file = 'portfolios.json';
  const text = await readText(dir, file, report);
  if (text === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const { line, column } =
      position === null ? { line: null, column: null } : lineAndColumn(text, Number(position[1]));
    report({
      file,
      line,
      column: column === null ? null : `column ${column}`,
      message: `not valid JSON: ${(error as Error).message}`,
    });
    return [];
  }
  const checked = portfoliosJson(json);
  if (checked instanceof type.errors) {
    for (const e of checked)
      report({ file, line: null, column: e.path.stringify() || null, message: e.problem });
    return [];
  }
  const ids = new Set<string>();
  return checked.portfolios.map((p, index) => {
    if (ids.has(p.id))
      report({
        file,
        line: null,
        column: `portfolios[${index}].id`,
        message: `${p.id} is listed twice`,
      });
    ids.add(p.id);
    return {
      id: p.id,
      name: p.name,
      baseCurrency: p.base_currency,
      benchmark: p.benchmark,
      inception: p.inception,
    };
  });
}

/**
 * Reads a CSV whose header must be exactly the keys of `columns`, checks each field with
 * its arktype type, and maps every record whose fields are all valid with `build`.
 */
async function readCsv<Columns extends Record<string, Type<string>>, Row>(
  dir: string,
  file: string,
  columns: Columns,
  report: (p: BookProblem) => void,
  build: (
    values: Record<keyof Columns, string>,
    record: CsvRecord,
    at: (column: keyof Columns & string, message: string) => BookProblem,
  ) => Row,
): Promise<Row[]> {
  const text = await readText(dir, file, report);
  if (text === null) return [];
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    report({
      file,
      line: error.line,
      column: `column ${error.column}`,
      message: error.message.replace(/^line \d+, column \d+: /, ''),
    });
    return [];
  }
  const names = Object.keys(columns);
  if (table.header.join(',') !== names.join(',')) {
    report({
      file,
      line: 1,
      column: null,
      message: `header must be ${names.join(',')} (was ${table.header.join(',')})`,
    });
    return [];
  }
  const rows: Row[] = [];
  for (const record of table.records) {
    const at = (name: string, message: string): BookProblem => ({
      file,
      line: record.line,
      column: `column ${names.indexOf(name) + 1} (${name})`,
      message,
    });
    if (record.fields.length !== names.length) {
      report({
        file,
        line: record.line,
        column: null,
        message: `has ${record.fields.length} fields, expected ${names.length}`,
      });
      continue;
    }
    let valid = true;
    const values = {} as Record<keyof Columns, string>;
    names.forEach((name, index) => {
      const raw = record.fields[index] ?? '';
      const checked = (columns[name] as Type<string>)(raw);
      if (checked instanceof type.errors) {
        report(at(name, checked.summary));
        valid = false;
      }
      values[name as keyof Columns] = raw;
    });
    if (valid) rows.push(build(values, record, at));
  }
  return rows;
}

async function readText(
  dir: string,
  file: string,
  report: (p: BookProblem) => void,
): Promise<string | null> {
  try {
    return await readFile(join(dir, file), 'utf8');
  } catch (error) {
    report({
      file,
      line: null,
      column: null,
      message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    });
    return null;
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

function blankToNull(text: string): string | null {
  return text === '' ? null : text;
}
