import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { bundledDemoDir } from '@truth-spine/orchestrator';
import {
  addPortfolio,
  BooksEditError,
  listPortfolios,
  removePortfolio,
  restorePortfolio,
} from '@truth-spine/books';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import { UsageError } from '../cli/usageError.js';
import { exitThreeWhenBusy, withDatabase } from './dbSession.js';
import { parseBooksArgs, printResult, reportBooksErrors } from './portfoliosArgs.js';

const usage =
  'usage: portfolios add ID --base-currency CCY --benchmark SYMBOL [--name TEXT] ' +
  '[--inception YYYY-MM-DD] [--ledger FILE] [--json] | portfolios list [--all] [--json] | ' +
  'portfolios remove ID [--force] [--json] | portfolios restore ID [--json]';

const addOptions = {
  'base-currency': { type: 'string' },
  benchmark: { type: 'string' },
  name: { type: 'string' },
  inception: { type: 'string' },
  ledger: { type: 'string' },
} as const;

/**
 * `portfolios add ID --base-currency CCY --benchmark SYMBOL`: adds a portfolio (name
 * defaults to the id, inception to today in UTC — `transactions import` moves it back to
 * the first trade). `--ledger FILE` copies the ledger to `<LEDGER_DIR>/<ID>.beancount`,
 * where reconciliation reads it (refused while LEDGER_DIR is the bundled demo's, or if a
 * different ledger is already there). `portfolios list`: the active portfolios (`--all`:
 * archived ones too, marked). `portfolios remove ID`: deletes the portfolio and its
 * transactions while no stored result references it, else exits 1 naming the tables and
 * `--force` (historical results are never deleted). `--force` archives it instead: later
 * nights leave it out, its books and results stay (the kept row counts are printed).
 * `portfolios restore ID` brings an archived portfolio back into the next night.
 */
export const portfoliosCommand: Command = {
  name: 'portfolios',
  summary:
    'portfolios add ID … | list [--all] | remove ID [--force] | restore ID: the portfolios the night runs',
  run: (args, io) =>
    exitThreeWhenBusy(io, 'portfolios', async () => {
      const [sub, ...rest] = args;
      if (sub === 'add') {
        const { positionals, values } = parseBooksArgs(rest, addOptions, 1, usage);
        const currency = values['base-currency'];
        const benchmark = values.benchmark;
        if (currency === undefined || benchmark === undefined)
          throw new UsageError(`--base-currency and --benchmark are required\n${usage}`);
        const id = positionals[0] as string;
        const json = values.json === true;
        const ledger = values.ledger === undefined ? null : resolve(io.cwd, values.ledger);
        return withDatabase(io, (db, config) =>
          reportBooksErrors(io, 'portfolios', json, async () => {
            const target = join(config.ledgerDir, `${id}.beancount`);
            const copy = ledger === null ? false : await ledgerNeedsCopy(ledger, target);
            await addPortfolio(db, {
              id,
              name: values.name ?? id,
              baseCurrency: currency,
              benchmark,
              inception: values.inception ?? new Date().toISOString().slice(0, 10),
            });
            if (copy && ledger !== null) {
              await mkdir(config.ledgerDir, { recursive: true });
              await copyFile(ledger, target);
            }
            printResult(
              io,
              json,
              { added: id, ledger: ledger === null ? null : target, ledger_copied: copy },
              [`added portfolio ${id}${ledger === null ? '' : `; its ledger is ${target}`}`],
            );
            return ExitCode.ok;
          }),
        );
      }
      if (sub === 'list') {
        const { values } = parseBooksArgs(rest, { all: { type: 'boolean' } }, 0, usage);
        return withDatabase(io, async (db) => {
          const all = await listPortfolios(db, { includeArchived: values.all === true });
          printResult(
            io,
            values.json === true,
            { portfolios: all },
            all.length === 0
              ? ['no portfolios']
              : all.map((p) =>
                  [
                    p.id,
                    p.baseCurrency,
                    `benchmark ${p.benchmark}`,
                    `since ${p.inception}`,
                    `${p.transactions} transaction(s)`,
                    p.name,
                    ...(p.archivedAt === null ? [] : [`archived ${p.archivedAt.toISOString()}`]),
                  ].join('  '),
                ),
          );
          return ExitCode.ok;
        });
      }
      if (sub === 'remove') {
        const { positionals, values } = parseBooksArgs(
          rest,
          { force: { type: 'boolean' } },
          1,
          usage,
        );
        const id = positionals[0] as string;
        const json = values.json === true;
        return withDatabase(io, (db) =>
          reportBooksErrors(io, 'portfolios', json, async () => {
            const removed = await removePortfolio(db, id, { force: values.force === true });
            if (removed.outcome === 'deleted') {
              printResult(io, json, { removed: id, transactions: removed.transactions }, [
                `removed portfolio ${id} and its ${removed.transactions} transaction(s)`,
              ]);
              return ExitCode.ok;
            }
            const kept = Object.entries(removed.kept).map(([table, n]) => `${table} ${n}`);
            printResult(
              io,
              json,
              {
                archived: id,
                archivedAt: removed.archivedAt,
                alreadyArchived: removed.alreadyArchived,
                kept: removed.kept,
              },
              [
                `${removed.alreadyArchived ? 'already archived' : 'archived'} portfolio ${id} (${removed.archivedAt.toISOString()}): later nights leave it out`,
                `kept: ${kept.join(', ')}`,
                `bring it back with: portfolios restore ${id}`,
              ],
            );
            return ExitCode.ok;
          }),
        );
      }
      if (sub === 'restore') {
        const { positionals, values } = parseBooksArgs(rest, {}, 1, usage);
        const id = positionals[0] as string;
        const json = values.json === true;
        return withDatabase(io, (db) =>
          reportBooksErrors(io, 'portfolios', json, async () => {
            const restored = await restorePortfolio(db, id);
            printResult(io, json, { restored: id, archivedAt: restored.archivedAt }, [
              `restored portfolio ${id} (archived ${restored.archivedAt.toISOString()}): the next night includes it again`,
            ]);
            return ExitCode.ok;
          }),
        );
      }
      throw new UsageError(usage);
    }),
};

/**
 * Whether `ledger` must be copied to `target`: false when the same text is already
 * there; refused when another ledger is there, or when `target` is in the bundled demo.
 */
async function ledgerNeedsCopy(ledger: string, target: string): Promise<boolean> {
  if (!relative(bundledDemoDir, target).startsWith('..')) {
    throw new BooksEditError(
      'invalid_field',
      `--ledger: LEDGER_DIR is the bundled demo's (${bundledDemoDir}); set LEDGER_DIR (or BOOKS_DIR) to your own directory first`,
    );
  }
  const text = await readFile(ledger, 'utf8').catch(() => {
    throw new BooksEditError('invalid_field', `--ledger: cannot read ${ledger}`);
  });
  const existing = await readFile(target, 'utf8').catch(() => null);
  if (existing === null) return true;
  if (existing === text) return false;
  throw new BooksEditError(
    'invalid_field',
    `--ledger: ${target} already holds a different ledger; move it away first`,
  );
}
