import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Big from 'big.js';
import { importTransactions, type TransactionsImportReport } from '@truth-spine/books';
import { type Database } from '@truth-spine/store';

/** A deposit booked late: its trade date lies before nights the store has already run. */
export interface BackdatedDeposit {
  readonly portfolioId: string;
  /** External id of the new books row (and `external_id` metadata of the ledger entry). */
  readonly externalId: string;
  /** Trade and settle date, YYYY-MM-DD. */
  readonly date: string;
  /** Positive decimal with two places, e.g. `7500.00`. */
  readonly amount: string;
  readonly currency: string;
}

/**
 * Books `deposit` everywhere a user would, in a generated data set's directories:
 * 1. appends the row to `<booksDir>/transactions/<ID>.csv` and imports that file into the
 *    store with the runner's `transactions import` (`importTransactions`: validated, only
 *    the new row added — throws if the import adds anything else);
 * 2. adds the matching transaction (cash account against contributions) to
 *    `<ledgerDir>/<ID>.beancount` and raises that cash account's closing `balance`
 *    assertion by the amount, so the ledger still checks and reconciliation still agrees.
 * Throws when the ledger has no `balance` line for the cash account.
 */
export async function bookBackdatedDeposit(
  db: Database,
  dirs: { readonly booksDir: string; readonly ledgerDir: string },
  deposit: BackdatedDeposit,
  today: string,
): Promise<TransactionsImportReport> {
  const { portfolioId: id, externalId, date, amount, currency } = deposit;
  const description = `Deposit ${currency} ${amount} (booked late)`;
  const csv = join(dirs.booksDir, 'transactions', `${id}.csv`);
  appendFileSync(
    csv,
    `${externalId},${date},${date},deposit,,,,${amount},${currency},,,${description}\n`,
  );
  const report = await importTransactions(db, { portfolioId: id, file: csv, dryRun: false, today });
  if (report.added.length !== 1 || report.added[0] !== externalId || report.changed.length > 0)
    throw new Error(
      `${csv}: importing the deposit added ${JSON.stringify(report.added)} and changed ${report.changed.length} row(s)`,
    );

  const ledgerFile = join(dirs.ledgerDir, `${id}.beancount`);
  const lines = readFileSync(ledgerFile, 'utf8').split('\n');
  const cash = `Assets:${id}:Cash:${currency}`;
  const balance = new RegExp(
    `^(\\d{4}-\\d{2}-\\d{2} balance ${cash}\\s+)(-?[\\d.]+)( ${currency})$`,
  );
  const at = lines.findIndex((line) => balance.test(line));
  if (at < 0) throw new Error(`${ledgerFile}: no balance assertion for ${cash}`);
  lines[at] = lines[at]!.replace(
    balance,
    (_, head: string, value: string, tail: string) =>
      `${head}${new Big(value).plus(amount).toFixed(2)}${tail}`,
  );
  const firstBalance = lines.findIndex((line) => / balance /.test(line));
  lines.splice(
    firstBalance,
    0,
    `${date} * "${description}"`,
    `  external_id: "${externalId}"`,
    `  ${cash}  ${amount} ${currency}`,
    `  Equity:${id}:Contributions  ${new Big(amount).neg().toFixed(2)} ${currency}`,
    '',
  );
  writeFileSync(ledgerFile, lines.join('\n'));
  return report;
}
