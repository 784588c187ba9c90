import type { Benchmark } from '../cli/benchmark.js';
import { commandOptions, integerOption, UsageError } from './commandOptions.js';
import { scaleCacheRoot } from './generateScaleDataSet.js';
import { nightlyJson, nightlyTable } from './nightlyReport.js';
import { scaleParamOptions, scaleParamsFromOptions } from './scaleParamsFromOptions.js';
import { scaleNightly } from './scaleNightly.js';

/**
 * `npm run bench -- nightly --portfolios N [--holdings 30 --years 5 --securities S …]
 * [--database postgres://…] [--keep] [--max-seconds S] [--json]`: see {@link scaleNightly}.
 * Exit 0 when every verdict holds, 1 on a miss, 64 on bad usage.
 */
export const nightlyBenchmark: Benchmark = {
  name: 'nightly',
  summary:
    'runs the real pipeline on a generated set (night D-1 cold, night D steady state) and checks the SLOs: --portfolios N [--holdings H --years Y --securities S --database URL --keep --max-seconds S --json]',
  async run(args, io) {
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
