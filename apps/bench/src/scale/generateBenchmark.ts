import type { Benchmark } from '../cli/benchmark.js';
import { commandOptions, UsageError } from './commandOptions.js';
import {
  cachedScaleDataSet,
  generateScaleDataSet,
  scaleCacheRoot,
} from './generateScaleDataSet.js';
import { scaleParamOptions, scaleParamsFromOptions } from './scaleParamsFromOptions.js';

/**
 * `npm run bench -- generate --portfolios N [--holdings H --securities S --years Y
 * --currencies USD,EUR,GBP --seed X --breaks K] [--out DIR]`: writes (or reuses) a
 * deterministic synthetic data set; without --out, into the cache (.bench-cache/<key>).
 * Prints a JSON summary on stdout.
 */
export const generateBenchmark: Benchmark = {
  name: 'generate',
  summary:
    'writes a deterministic synthetic data set (market, books, ledgers): --portfolios N [--holdings H --securities S --years Y --currencies USD,EUR,GBP --seed X --breaks K --out DIR]',
  async run(args, io) {
    try {
      const options = commandOptions(args, [...scaleParamOptions, 'out']);
      const params = scaleParamsFromOptions(options);
      const out = options.get('out');
      const set =
        out === undefined
          ? cachedScaleDataSet(params, scaleCacheRoot(process.env, process.cwd()))
          : generateScaleDataSet(params, out);
      io.stdout(
        `${JSON.stringify({
          dir: set.dir,
          reused: set.reused,
          seconds: Math.round(set.seconds * 100) / 100,
          portfolios: params.portfolios,
          securities: params.securities,
          transactions: set.transactions,
          broken_portfolios: set.brokenPortfolios,
          nights: [set.previousDay, set.lastDay],
        })}\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`bench generate: ${error.message}\n`);
        return 64;
      }
      throw error;
    }
  },
};
