import { writeFileSync } from 'node:fs';
import type { Benchmark } from '../cli/benchmark.js';
import { commandOptions, UsageError } from './commandOptions.js';
import { scaleCacheRoot } from './generateScaleDataSet.js';
import { growthExponents, type StepSeries } from './growthExponents.js';
import { nightlyJson } from './nightlyReport.js';
import { scaleParamOptions, scaleParamsFromOptions } from './scaleParamsFromOptions.js';
import { scaleNightly, type ScaleNightlyResult } from './scaleNightly.js';
import { scalingSvg } from './scalingSvg.js';

/**
 * `npm run bench -- scaling --sizes 1000,10000,100000 [--database URL] [--svg FILE]
 * [--json] [generator options]`: runs `nightly` for each size (smallest first), prints the
 * steady-state per-step seconds per size, the growth exponent of each step (log-log
 * slope) and which steps are not linear and why, and writes the SVG chart. Exit 1 when
 * any size missed a verdict.
 */
export const scalingBenchmark: Benchmark = {
  name: 'scaling',
  summary:
    'how each step grows with N: --sizes 1000,10000,100000 [--database URL --svg FILE --json + generator options]',
  async run(args, io) {
    let options;
    let sizes: number[];
    try {
      options = commandOptions(
        args,
        [...scaleParamOptions.filter((o) => o !== 'portfolios'), 'sizes', 'database', 'svg'],
        ['json'],
      );
      sizes = (options.get('sizes') ?? '').split(',').map((s) => Number(s.trim()));
      if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1))
        throw new UsageError('--sizes needs at least two whole numbers, e.g. 1000,10000,100000');
      sizes.sort((a, b) => a - b);
      for (const n of sizes) scaleParamsFromOptions(options, n);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`bench scaling: ${error.message}\n`);
        return 64;
      }
      throw error;
    }
    const database = options.get('database');
    const results: ScaleNightlyResult[] = [];
    for (const n of sizes) {
      io.stderr(`bench scaling: ${n} portfolios…\n`);
      results.push(
        await scaleNightly(scaleParamsFromOptions(options, n), {
          cacheRoot: scaleCacheRoot(process.env, process.cwd()),
          ...(database === undefined ? {} : { database }),
        }),
      );
    }
    const stepNames = results[0]?.nightly.steps.map((s) => s.name) ?? [];
    const series: StepSeries[] = [
      ...stepNames.map((name) => ({
        name,
        seconds: results.map((r) => r.nightly.steps.find((s) => s.name === name)?.seconds ?? 0),
      })),
      { name: 'total', seconds: results.map((r) => r.nightly.totalSeconds) },
    ];
    const coldSeries: StepSeries = {
      name: 'total (cold D-1)',
      seconds: results.map((r) => r.cold.totalSeconds),
    };
    const growth = growthExponents(sizes, [...series, coldSeries]);
    const svgPath = options.get('svg');
    if (svgPath !== undefined)
      writeFileSync(
        svgPath,
        scalingSvg(
          `Steady-state night per step vs portfolios (${results[0]?.database ?? ''})`,
          sizes,
          series,
        ),
      );
    if (options.has('json')) {
      io.stdout(
        `${JSON.stringify({
          sizes,
          growth,
          runs: results.map(nightlyJson),
          svg: svgPath ?? null,
        })}\n`,
      );
    } else {
      const head = `${'step'.padEnd(24)}${sizes.map((n) => `${n}`.padStart(12)).join('')}${'exponents'.padStart(22)}  shape`;
      const lines = [head];
      for (const g of growth) {
        const s = [...series, coldSeries].find((x) => x.name === g.name) as StepSeries;
        lines.push(
          `${g.name.padEnd(24)}${s.seconds.map((t) => `${t.toFixed(2)} s`.padStart(12)).join('')}${g.exponents
            .map((e) => (e === null ? '–' : e.toFixed(2)))
            .join(' → ')
            .padStart(22)}  ${g.shape}`,
        );
      }
      lines.push('');
      for (const g of growth.filter((x) => x.shape !== 'linear'))
        lines.push(`${g.name} is ${g.shape} (overall ${g.overall?.toFixed(2) ?? '–'}): ${g.why}`);
      if (svgPath !== undefined) lines.push(`chart written to ${svgPath}`);
      io.stdout(`${lines.join('\n')}\n`);
    }
    return results.every((r) => r.slo.ok) ? 0 : 1;
  },
};
