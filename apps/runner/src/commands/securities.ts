import { addSecurity, listSecurities } from '@truth-spine/books';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import { UsageError } from '../cli/usageError.js';
import { exitThreeWhenBusy, withDatabase } from './dbSession.js';
import { parseBooksArgs, printResult, reportBooksErrors } from './portfoliosArgs.js';

const usage =
  'usage: securities add SYMBOL --currency CCY [--name TEXT] [--kind equity|etf|adr|fund|cash] ' +
  '[--country XX] [--adr-ratio N --underlying SYMBOL --underlying-currency CCY] [--json] | ' +
  'securities list [--json]';

const addOptions = {
  currency: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  country: { type: 'string' },
  'adr-ratio': { type: 'string' },
  underlying: { type: 'string' },
  'underlying-currency': { type: 'string' },
} as const;

/**
 * `securities add SYMBOL --currency CCY …`: adds a security to the store, validated like
 * a securities.csv row (kind defaults to equity, name to the symbol; `--adr-ratio` =
 * underlying shares per one ADR); exit 1 naming the bad option, or if it exists.
 * `securities list`: every stored security. `--json` for JSON on stdout.
 */
export const securitiesCommand: Command = {
  name: 'securities',
  summary: 'securities add SYMBOL --currency CCY … | securities list: reference data',
  run: (args, io) =>
    exitThreeWhenBusy(io, 'securities', async () => {
      const [sub, ...rest] = args;
      if (sub === 'add') {
        const { positionals, values } = parseBooksArgs(rest, addOptions, 1, usage);
        if (values.currency === undefined) throw new UsageError(`--currency is required\n${usage}`);
        const symbol = positionals[0] as string;
        const json = values.json === true;
        return withDatabase(io, (db) =>
          reportBooksErrors(io, 'securities', json, async () => {
            const security = await addSecurity(db, {
              symbol,
              name: values.name ?? symbol,
              currency: values.currency ?? '',
              kind: values.kind ?? 'equity',
              country: values.country ?? '',
              adr_ratio: values['adr-ratio'] ?? '',
              underlying: values.underlying ?? '',
              underlying_currency: values['underlying-currency'] ?? '',
            });
            printResult(io, json, { added: security }, [
              `added security ${security.symbol} (${security.kind}, ${security.currency})`,
            ]);
            return ExitCode.ok;
          }),
        );
      }
      if (sub === 'list') {
        const { values } = parseBooksArgs(rest, {}, 0, usage);
        return withDatabase(io, async (db) => {
          const all = await listSecurities(db);
          printResult(
            io,
            values.json === true,
            { securities: all },
            all.length === 0
              ? ['no securities']
              : all.map(
                  (s) =>
                    [s.symbol, s.currency, s.kind, s.country ?? '-', s.name].join('  ') +
                    (s.adrRatio === null ? '' : `  ADR: ${s.adrRatio} ${s.underlying} per ADR`),
                ),
          );
          return ExitCode.ok;
        });
      }
      throw new UsageError(usage);
    }),
};
