import type { Benchmark } from '../cli/benchmark.js';
import { distributedBenchmark } from '../distributed/distributedBenchmark.js';
import { commandOptions, integerOption, UsageError } from './commandOptions.js';
import { scaleCacheRoot } from './generateScaleDataSet.js';
import { nightlyJson, nightlyTable } from './nightlyReport.js';
import { scaleParamOptions, scaleParamsFromOptions } from './scaleParamsFromOptions.js';
import { scaleNightly } from './scaleNightly.js';

/**
 * `npm run bench -- nightly --portfolios N [--holdings 30 --years 5 --securities S …]
 * [--database postgres://…] [--keep] [--max-seconds S] [--json]`: see {@link scaleNightly}.
 * Exit 0 when every verdict holds, 1 on a miss, 64 on bad usage. With `--workers K[,K…]`
 * (PostgreSQL only) it is the scale-out measurement of {@link distributedBenchmark}: steps
 * 3–5 of night D single-process and with K local worker processes.
 */
export const nightlyBenchmark: Benchmark = {
  name: 'nightly',
  summary:
    'runs the real pipeline on a generated set (night D-1 cold, night D steady state) and checks the SLOs: --portfolios N [--holdings H --years Y --securities S --database URL --keep --max-seconds S --json]; with --workers K[,K…] --database postgres://… the scale-out measurement of bench distributed',
  async run(args, io) {
    if (args.some((a) => a === '--workers' || a.startsWith('--workers=')))
      return distributedBenchmark.run(args, io);
    let options;
    let maxSeconds: number | undefined;
    try {
      options = commandOptions(
        args,
        [...scaleParamOptions, 'database', 'max-seconds'],
        ['json', 'keep'],
      );
      scaleParamsFromOptions(options);
      maxSeconds = options.has('max-seconds')
        ? integerOption(options, 'max-seconds', 0)
        : undefined;
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`bench nightly: ${error.message}\n`);
        return 64;
      }
      throw error;
    }
    const database = options.get('database');
    const result = await scaleNightly(scaleParamsFromOptions(options), {
      cacheRoot: scaleCacheRoot(process.env, process.cwd()),
      keep: options.has('keep'),
      ...(database === undefined ? {} : { database }),
      ...(maxSeconds === undefined ? {} : { maxSeconds }),
    });
    if (options.has('json')) io.stdout(`${JSON.stringify(nightlyJson(result))}\n`);
    else io.stdout(nightlyTable(result));
    return result.slo.ok ? 0 : 1;
  },
};
