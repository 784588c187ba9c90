import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  balancesAsOf,
  formatDiagnostic,
  holdingsAsOf,
  loadLedgerFile,
  PriceHistory,
  type LoadedLedger,
} from '@truth-spine/ledger';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';
import { balancesJson, diagnosticJson, holdingJson } from './ledgerJson.js';

const USAGE =
  'usage: ledger check FILE | ledger balances FILE --date YYYY-MM-DD [--json] | ledger holdings FILE --date YYYY-MM-DD [--json]';

/**
 * `ledger check FILE` — like bean-check: every error as `file:line: message` on stderr,
 * a JSON summary `{"errors": [...]}` on stdout, exit 1 when there is any error.
 * `ledger balances FILE --date D` — every account's inventory at the end of D (as
 * bean-query `FROM CLOSE ON D+1`) as `{"<account>": [{units, currency, cost_number,
 * cost_currency, cost_date, cost_label}]}`.
 * `ledger holdings FILE --date D` — positions held at cost on `Assets:` accounts with
 * cost basis and market value at the latest price dated ≤ D, as a JSON list.
 * Relative paths are read from the directory the command was started in; file names
 * are reported as given. Ledger errors do not stop balances/holdings (they go to stderr).
 */
export const ledgerCommand: Command = {
  name: 'ledger',
  summary: 'check a Beancount ledger, or print its balances or holdings at a date as JSON',
  async run(args, io) {
    const [sub, file, ...rest] = args;
    if (file === undefined || file.startsWith('--')) throw new UsageError(USAGE);
    switch (sub) {
      case 'check': {
        if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"; ${USAGE}`);
        const ledger = load(file, io);
        for (const e of ledger.errors) io.stderr(`${formatDiagnostic(e)}\n`);
        io.stdout(`${JSON.stringify({ errors: ledger.errors.map(diagnosticJson) }, null, 1)}\n`);
        return ledger.errors.length > 0 ? ExitCode.failed : ExitCode.ok;
      }
      case 'balances':
      case 'holdings': {
        const date = parseDate(rest);
        const ledger = load(file, io);
        reportErrors(ledger, io);
        const result =
          sub === 'balances'
            ? balancesJson(balancesAsOf(ledger.entries, date))
            : holdingsAsOf(ledger.entries, new PriceHistory(ledger.entries), date).map(holdingJson);
        io.stdout(`${JSON.stringify(result, null, 1)}\n`);
        return ExitCode.ok;
      }
      default:
        throw new UsageError(USAGE);
    }
  },
};

function load(file: string, io: CliIo): LoadedLedger {
  const base = io.env['INIT_CWD'] ?? io.cwd;
  return loadLedgerFile(file, (path) => {
    try {
      return readFileSync(resolve(base, path), 'utf8');
    } catch {
      return null;
    }
  });
}

function reportErrors(ledger: LoadedLedger, io: CliIo): void {
  if (ledger.errors.length === 0) return;
  io.stderr(
    `ledger: ${ledger.errors.length} error(s) in the ledger; run "ledger check" for details\n`,
  );
}

function parseDate(args: readonly string[]): string {
  let date: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') continue;
    if (arg === '--date') date = args[++i];
    else if (arg.startsWith('--date=')) date = arg.slice('--date='.length);
    else throw new UsageError(`unexpected argument "${arg}"; ${USAGE}`);
  }
  if (date === undefined) throw new UsageError(`--date is required; ${USAGE}`);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new UsageError(`--date: "${date}" is not a date (YYYY-MM-DD)`);
  }
  return date;
}
