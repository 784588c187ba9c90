import type { Benchmark } from '../cli/benchmark.js';
import { commandOptions, integerOption, UsageError } from '../scale/commandOptions.js';
import { scaleCacheRoot } from '../scale/generateScaleDataSet.js';
import { scaleParamOptions, scaleParamsFromOptions } from '../scale/scaleParamsFromOptions.js';
import { distributedScaling, type DistributedScalingResult } from './distributedScaling.js';

/**
 * `npm run bench -- distributed --portfolios N --workers 1,2,3 --database postgres://…
 * [--batch-size B] [--holdings …] [--json]`: steps 3–5 of night D single-process and with
 * K local worker processes for each K ({@link distributedScaling}). Exit 0 when every
 * night succeeded, 1 otherwise, 64 on bad usage.
 */
export const distributedBenchmark: Benchmark = {
  name: 'distributed',
  summary:
    'steps 3–5 single-process vs K local worker processes (pg-boss): --portfolios N --workers 1,2,3 --database postgres://… [--batch-size B --json]',
  async run(args, io) {
    let options;
    let workers: number[];
    try {
      options = commandOptions(
        args,
        [...scaleParamOptions, 'database', 'workers', 'batch-size'],
        ['json'],
      );
      scaleParamsFromOptions(options);
      if (!/^postgres(ql)?:\/\//.test(options.get('database') ?? ''))
        throw new UsageError('--database postgres://… is required (workers share PostgreSQL)');
      workers = (options.get('workers') ?? '1,2').split(',').map((w) => Number(w.trim()));
      if (!workers.every((w) => Number.isInteger(w) && w >= 1))
        throw new UsageError('--workers must be a list of whole numbers ≥ 1, e.g. 1,2,3');
      integerOption(options, 'batch-size', 500);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`bench distributed: ${error.message}\n`);
        return 64;
      }
      throw error;
    }
    const result = await distributedScaling(scaleParamsFromOptions(options), {
      database: options.get('database')!,
      workers,
      batchSize: Math.max(1, integerOption(options, 'batch-size', 500)),
      cacheRoot: scaleCacheRoot(process.env, process.cwd()),
    });
    if (options.has('json')) io.stdout(`${JSON.stringify(result)}\n`);
    else io.stdout(distributedTable(result));
    return result.measurements.every((m) => m.status === 'succeeded') ? 0 : 1;
  },
};

/** The human summary: one row per K. */
export function distributedTable(result: DistributedScalingResult): string {
  const lines = [
    `steps 3–5 of ${result.asOf}, ${result.params.portfolios} portfolios, batches of ${result.batchSize}`,
    'workers  status     steps 3–5 s  portfolios/s  batches  Σ batch s  overhead s/batch',
  ];
  for (const m of result.measurements) {
    lines.push(
      [
        (m.workers === 0 ? 'single' : String(m.workers)).padEnd(7),
        m.status.padEnd(10),
        m.stepsSeconds.toFixed(2).padStart(11),
        m.portfoliosPerSecond.toFixed(1).padStart(12),
        String(m.batches).padStart(7),
        m.batchSeconds.toFixed(2).padStart(9),
        (m.overheadSecondsPerBatch === null ? '-' : m.overheadSecondsPerBatch.toFixed(3)).padStart(
          16,
        ),
      ].join('  '),
    );
  }
  return `${lines.join('\n')}\n`;
}
