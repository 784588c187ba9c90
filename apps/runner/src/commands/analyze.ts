import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import {
  computeMetricSet,
  epochDayToIso,
  InvalidDateError,
  isoToEpochDay,
} from '@truth-spine/finance-core';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';
import { parseDatedCsv } from './analyzeCsv.js';
import { analyzeInput, MARKET_COLUMNS, PORTFOLIO_COLUMNS } from './analyzeInput.js';
import { AnalyzeInputError } from './analyzeInputError.js';

const USAGE = 'usage: analyze --portfolio FILE --market FILE --as-of YYYY-MM-DD';

/**
 * `analyze --portfolio FILE --market FILE --as-of YYYY-MM-DD`: reads a portfolio CSV
 * (`date,return,value,external_flow`) and a market CSV (`date,benchmark,rf_daily,rf_annual,
 * <factors…>`) and prints the whole metric set (finance-core `computeMetricSet`) as one
 * JSON document on stdout, laid out like the reference `expected/{P}_{as_of}.json`.
 * Bad input (missing column, unparsable number or date, unsorted or duplicate dates, a
 * portfolio date not in the market calendar, an as-of outside the data) prints one line
 * naming file, line and column on stderr and exits 64 (EX_USAGE, like every usage error).
 */
export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'print the metric set of one portfolio at one date as JSON',
  async run(args, io) {
    try {
      io.stdout(`${JSON.stringify(analyze(args, io), null, 1)}\n`);
      return ExitCode.ok;
    } catch (error) {
      if (!(error instanceof AnalyzeInputError)) throw error;
      io.stderr(`analyze: ${error.message}\n`);
      return ExitCode.usage;
    }
  },
};

function analyze(args: readonly string[], io: CliIo) {
  const options = parseOptions(args);
  const portfolioFile = options.get('--portfolio')!;
  const marketFile = options.get('--market')!;
  const asOfText = options.get('--as-of')!;
  let asOf: number;
  try {
    asOf = isoToEpochDay(asOfText);
  } catch (error) {
    if (error instanceof InvalidDateError) throw new UsageError(`--as-of: ${error.message}`);
    throw error;
  }
  const portfolio = parseDatedCsv(
    portfolioFile,
    readInput(io, portfolioFile, '--portfolio'),
    PORTFOLIO_COLUMNS,
  );
  const market = parseDatedCsv(marketFile, readInput(io, marketFile, '--market'), MARKET_COLUMNS);
  const input = analyzeInput(basename(portfolioFile, extname(portfolioFile)), portfolio, market);
  const first = portfolio.days[1] ?? portfolio.days[0]!;
  // Rows absent from the portfolio file are missing observations, so the data run to the
  // end of the market calendar.
  const last = market.days[market.days.length - 1]!;
  if (portfolio.days.length < 2 || asOf < first || asOf > last) {
    throw new UsageError(
      `--as-of ${asOfText} is outside the data: ${portfolioFile} and ${marketFile} cover ${epochDayToIso(first)} to ${epochDayToIso(last)}`,
    );
  }
  return computeMetricSet(input, asOf);
}

function parseOptions(args: readonly string[]): Map<string, string> {
  const known = ['--portfolio', '--market', '--as-of'];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!known.includes(name)) throw new UsageError(`unknown argument "${arg}"; ${USAGE}`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '')
      throw new UsageError(`${name} needs a value; ${USAGE}`);
    options.set(name, value);
  }
  for (const name of known) {
    if (!options.has(name)) throw new UsageError(`${name} is required; ${USAGE}`);
  }
  return options;
}

function readInput(io: CliIo, file: string, option: string): string {
  try {
    return readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `${option} ${file}: ${(error as NodeJS.ErrnoException).code ?? 'cannot read the file'}`,
    );
  }
}
