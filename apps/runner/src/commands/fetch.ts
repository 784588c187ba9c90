import {
  createHttpProviders,
  loadProviderConfig,
  ProviderConfigError,
  Redactor,
  type HttpProviders,
} from '@truth-spine/providers';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';
import { FetchOptions } from './fetchOptions.js';
import { recordOfflineDataSet } from './fetchRecord.js';
import { loadRunnerConfig } from '../runtime/runnerConfig.js';

const usage = [
  'usage: fetch <what> [options] --json',
  '  prices       --provider polygon|fmp --symbols A,B --from D --to D',
  '  grouped      --provider polygon --date D',
  '  dividends    --provider polygon|fmp --symbols A,B --from D --to D',
  '  splits       --provider polygon|fmp --symbols A,B --from D --to D',
  '  fx           --provider polygon|fmp --pairs EURUSD --from D --to D',
  '  fred         --series DGS10,DFII10 --from D --to D',
  '  fundamentals --symbols KO',
  '  news         --query TEXT | --symbols A,B --from D [--to D]',
  '  record       --out DIR --from D --to D [--provider polygon|fmp] [--symbols A,B]',
  '               [--pairs EURUSD] [--series DGS10] [--fundamentals] [--news-query TEXT]',
].join('\n');

type Subcommand = (options: FetchOptions, providers: HttpProviders, io: CliIo) => Promise<unknown>;

/** Each subcommand: the normalised records it prints. */
const subcommands: Readonly<Record<string, Subcommand>> = {
  prices: (o, p) =>
    p[o.provider(['polygon', 'fmp'])].dailyBars({ symbols: o.symbols(), ...o.range() }),
  grouped: (o, p) => p[o.provider(['polygon'])].groupedDaily(o.date('date')),
  dividends: (o, p) =>
    p[o.provider(['polygon', 'fmp'])].dividends({ symbols: o.symbols(), ...o.range() }),
  splits: (o, p) =>
    p[o.provider(['polygon', 'fmp'])].splits({ symbols: o.symbols(), ...o.range() }),
  fx: (o, p) => p[o.provider(['polygon', 'fmp'])].fxRates({ pairs: o.pairs(), ...o.range() }),
  fred: (o, p) => p[o.provider(['fred'])].macroSeries({ seriesIds: o.series(), ...o.range() }),
  fundamentals: (o, p) => p[o.provider(['fmp'])].fundamentals(o.symbols()),
  news: (o, p) => {
    const symbols = o.optional('symbols') === undefined ? undefined : o.symbols();
    const query =
      symbols === undefined || o.optional('query') !== undefined ? o.required('query') : undefined;
    const to = o.optional('to') === undefined ? undefined : o.date('to');
    return p[o.provider(['newsapi'])].news({ query, symbols, from: o.date('from'), to });
  },
  record: recordOfflineDataSet,
};

/** Every configured key, so no output line can carry one (defence in depth). */
function redactorFor(env: CliIo['env']): Redactor {
  return new Redactor(
    Object.entries(env)
      .filter(([name]) => name.endsWith('_API_KEY'))
      .map(([, value]) => value),
  );
}

/**
 * `fetch <what> …`: calls a market-data provider (FMP, Polygon/Massive, FRED, NewsAPI;
 * settings from the configuration, see @truth-spine/providers `loadProviderConfig`) and
 * prints the normalised records as one JSON document on stdout. Any failure prints ONE
 * line on stderr naming provider, endpoint and reason (never a key) and exits 1; bad
 * arguments or settings exit 64.
 */
export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'fetch market data from a provider (prices, grouped, dividends, fx, fred, …) as JSON',
  async run(args, io) {
    const [what, ...rest] = args;
    const subcommand = what === undefined ? undefined : subcommands[what];
    if (subcommand === undefined) {
      if (what === undefined) {
        io.stderr(`${usage}\n`);
        return ExitCode.usage;
      }
      if (what === 'help' || what === '--help') {
        io.stdout(`${usage}\n`);
        return ExitCode.ok;
      }
      throw new UsageError(
        `unknown subcommand "${what}"; one of ${Object.keys(subcommands).join(', ')}`,
      );
    }
    const settings = loadRunnerConfig(io).settings;
    const redactor = redactorFor(settings);
    const oneLine = (error: unknown) =>
      redactor
        .redact(error instanceof Error ? error.message : String(error))
        .replace(/\s*\n\s*/g, ' ');
    try {
      const options = FetchOptions.parse(rest);
      const providers = createHttpProviders(loadProviderConfig(settings));
      const result = await subcommand(options, providers, io);
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return ExitCode.ok;
    } catch (error) {
      if (error instanceof UsageError || error instanceof ProviderConfigError) {
        io.stderr(`fetch ${what}: ${oneLine(error)}\n`);
        return ExitCode.usage;
      }
      io.stderr(`fetch ${what}: ${oneLine(error)}\n`);
      return ExitCode.failed;
    }
  },
};
