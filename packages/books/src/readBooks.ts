import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { securityColumns } from './bookColumns.js';
import type { Books, BookTransaction } from './bookRecords.js';
import { BooksError, type BookProblem } from './booksError.js';
import { readCheckedCsv } from './readCheckedCsv.js';
import { readPortfolios } from './readPortfolios.js';
import { readTransactionsFile } from './readTransactionsFile.js';
import { securityFromFields } from './securityFromFields.js';
import type { BooksMarketFacts } from './transactionMarketRules.js';

const maxProblems = 100;

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
  const securities = await readCheckedCsv(
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
