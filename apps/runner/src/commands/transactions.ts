import { resolve } from 'node:path';
import {
  importLedger,
  importTransactions,
  type TransactionsImportReport,
} from '@truth-spine/books';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import { UsageError } from '../cli/usageError.js';
import { loadCheckedSettings } from '../runtime/runnerConfig.js';
import { booksMarketOptions } from './booksMarketOptions.js';
import { exitThreeWhenBusy, withDatabase } from './dbSession.js';
import { parseBooksArgs, printResult, reportBooksErrors } from './portfoliosArgs.js';

const usage =
  'usage: transactions import FILE.csv --portfolio ID [--dry-run] [--json] | ' +
  'transactions from-ledger FILE.beancount --portfolio ID [--dry-run] [--json]';

const options = { portfolio: { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;

/**
 * `transactions import FILE.csv --portfolio ID`: imports a transactions CSV
 * (docs/TRANSACTIONS-CSV.md) — every row validated, errors with file, line and column,
 * nothing written unless the whole file is valid, idempotent by external id.
 * `transactions from-ledger FILE --portfolio ID`: bootstraps the books from a Beancount
 * ledger and reports what was mapped and what was skipped and why. `--dry-run` shows
 * the added / unchanged / changed rows without writing. Exit 1 on invalid input.
 */
export const transactionsCommand: Command = {
  name: 'transactions',
  summary: 'transactions import FILE.csv | from-ledger FILE --portfolio ID: the books',
  run: (args, io) =>
    exitThreeWhenBusy(io, 'transactions', async () => {
      const [sub, ...rest] = args;
      if (sub !== 'import' && sub !== 'from-ledger') throw new UsageError(usage);
      const { positionals, values } = parseBooksArgs(rest, options, 1, usage);
      const portfolioId = values.portfolio;
      if (portfolioId === undefined) throw new UsageError(`--portfolio is required\n${usage}`);
      const file = resolve(io.cwd, positionals[0] as string);
      const dryRun = values['dry-run'] === true;
      const json = values.json === true;
      const { MARKET_DATA } = loadCheckedSettings(io, ['market']);
      return withDatabase(io, (db, config) =>
        reportBooksErrors(io, 'transactions', json, async () => {
          const market = await booksMarketOptions(MARKET_DATA, config);
          if (sub === 'import') {
            const report = await importTransactions(db, { portfolioId, file, dryRun, ...market });
            printResult(io, json, report, summary(report));
            return ExitCode.ok;
          }
          const report = await importLedger(db, {
            portfolioId,
            ledgerFile: file,
            dryRun,
            ...market,
          });
          const mapped = Object.entries(report.mapped).map(([type, n]) => `${type} ${n}`);
          printResult(io, json, report, [
            ...summary(report),
            `mapped: ${mapped.join(', ') || 'nothing'}; ${report.otherTransactions} transaction(s) of other portfolios ignored`,
            `skipped: ${report.skipped.length}`,
            ...report.skipped.map(
              (s) => `  ${s.file}:${s.line}: ${s.date} "${s.narration}": ${s.reason}`,
            ),
          ]);
          return ExitCode.ok;
        }),
      );
    }),
};

function summary(report: TransactionsImportReport): string[] {
  const verb = report.dryRun ? 'would add' : 'added';
  return [
    `${report.file} → ${report.portfolioId}: ${verb} ${report.added.length}, ` +
      `${report.dryRun ? 'would change' : 'changed'} ${report.changed.length}, ` +
      `unchanged ${report.unchanged.length}${report.dryRun ? ' (dry run: nothing written)' : ''}`,
    ...(report.dryRun ? addedTable(report.addedRows) : []),
    ...report.changed.map(
      (c) =>
        `  changed ${c.externalId}: ` +
        Object.entries(c.fields)
          .map(([field, [before, after]]) => `${field} ${before ?? '∅'} → ${after ?? '∅'}`)
          .join(', '),
    ),
    ...(report.inceptionMovedTo === null
      ? []
      : [
          `  inception ${report.dryRun ? 'would move' : 'moved'} back to ${report.inceptionMovedTo}`,
        ]),
  ];
}

/**
 * The rows a dry run would add, one aligned line each (id, dates, type, symbol, then
 * quantity, price and amount right-aligned as written, and the currency).
 */
function addedTable(rows: TransactionsImportReport['addedRows']): string[] {
  const cells = rows.map((r) => [
    r.externalId,
    r.tradeDate,
    r.type,
    r.symbol ?? '',
    r.quantity ?? '',
    r.price ?? '',
    r.amount,
    r.currency,
  ]);
  const rightAligned = new Set([4, 5, 6]);
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length))) ?? [];
  return cells.map(
    (c) =>
      '  + ' +
      c
        .map((cell, i) =>
          rightAligned.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd(),
  );
}
