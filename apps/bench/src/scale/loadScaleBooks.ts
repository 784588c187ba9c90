import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { insertRows, type Database } from '@truth-spine/store';
import type { PortfolioEntry } from './syntheticPortfolio.js';

/** What {@link loadScaleBooks} inserted. */
export interface ScaleBooksLoad {
  readonly portfolios: number;
  readonly securities: number;
  readonly transactions: number;
  readonly seconds: number;
}

const transactionColumns = [
  'portfolio_id',
  'external_id',
  'trade_date',
  'settle_date',
  'type',
  'symbol',
  'quantity',
  'price',
  'amount',
  'currency',
  'ex_date',
  'pay_date',
  'description',
] as const;
/** Rows per insert statement (one `insert … select from unnest(…)` each). */
const rowsPerStatement = 20_000;

/**
 * Loads a generated books directory into an EMPTY store with the bulk path: `insertRows`
 * (one `INSERT … SELECT FROM unnest(arrays)` statement per 20,000 rows), streaming the
 * transaction files portfolio by portfolio, each chunk in its own transaction. It trusts
 * the generator's output (the straightforward `loadBooks` validates the same files; the
 * bench test checks both load the same rows) and only checks each row's field count,
 * naming file and line. Blank optional cells become NULL, as `readBooks` makes them.
 */
export async function loadScaleBooks(db: Database, booksDir: string): Promise<ScaleBooksLoad> {
  const started = performance.now();
  const securities = csvRows(join(booksDir, 'securities.csv'), 8).map((r) =>
    r.map((cell, i) => (i >= 4 && cell === '' ? null : cell)),
  );
  const { portfolios } = JSON.parse(readFileSync(join(booksDir, 'portfolios.json'), 'utf8')) as {
    portfolios: PortfolioEntry[];
  };
  await db.drizzle.transaction(async (tx) => {
    await insertRows(
      tx,
      'securities',
      [
        'symbol',
        'name',
        'currency',
        'kind',
        'country',
        'adr_ratio',
        'underlying',
        'underlying_currency',
      ],
      securities,
    );
    for (let i = 0; i < portfolios.length; i += rowsPerStatement)
      await insertRows(
        tx,
        'portfolios',
        ['id', 'name', 'base_currency', 'benchmark', 'inception'],
        portfolios
          .slice(i, i + rowsPerStatement)
          .map((p) => [p.id, p.name, p.base_currency, p.benchmark, p.inception]),
      );
  });
  let transactions = 0;
  let pending: (string | null)[][] = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    transactions += rows.length;
    await db.drizzle.transaction(async (tx) => {
      await insertRows(tx, 'transactions', transactionColumns, rows);
    });
  };
  for (const portfolio of portfolios) {
    for (const cells of csvRows(join(booksDir, 'transactions', `${portfolio.id}.csv`), 12))
      pending.push([
        portfolio.id,
        ...cells.slice(0, 11).map((cell, i) => (cell === '' && i !== 7 ? null : cell)),
        cells[11] as string,
      ]);
    if (pending.length >= rowsPerStatement) await flush();
  }
  if (pending.length > 0) await flush();
  return {
    portfolios: portfolios.length,
    securities: securities.length,
    transactions,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The data rows of a generated CSV (no quoting is ever written), each with `fields` cells. */
function csvRows(path: string, fields: number): string[][] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const cells = line.split(',');
    if (cells.length !== fields)
      throw new Error(`${path}:${i + 1}: expected ${fields} fields, found ${cells.length}`);
    rows.push(cells);
  }
  return rows;
}
