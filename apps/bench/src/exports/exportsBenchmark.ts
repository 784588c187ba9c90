import { resolve } from 'node:path';
import type { Benchmark, BenchIo } from '../cli/benchmark.js';
import { commandOptions, UsageError } from '../scale/commandOptions.js';
import { scaleCacheRoot } from '../scale/generateScaleDataSet.js';
import { scaleParamOptions, scaleParamsFromOptions } from '../scale/scaleParamsFromOptions.js';
import { EXPORT_FILE_NAMES, readExportFixtures, writeExportFixtures } from './exportFixtures.js';
import { firstDifference } from './firstDifference.js';
import { nightExports } from './nightExports.js';

/** Longest line shown of a difference (exports hold long JSON lines). */
const SHOWN_CHARS = 160;

/**
 * `npm run bench -- exports --portfolios N [generator options] (--out DIR | --compare DIR)`:
 * runs nights D − 1 and D of a generated set on a fresh embedded store and exports night
 * D's metrics, factors and ratings as the runner prints them (`nightExports`). `--out`
 * writes them as a fixture directory (gzipped exports + night.json); `--compare` checks
 * them against one: exit 0 when every export and the pack's SHA-256 are identical, 1 naming
 * each differing file with its first differing line, 64 on bad usage or an unreadable
 * directory. The byte-identity proof of an optimisation: fixtures written by the code
 * before it (apps/bench/fixtures/exports-before), compared by the code after it.
 */
export const exportsBenchmark: Benchmark = {
  name: 'exports',
  summary:
    'exports a generated night (metrics, factors, ratings as the runner prints them): --portfolios N [--holdings H --years Y …] --out DIR | --compare DIR',
  async run(args, io) {
    let options;
    let params;
    let expected;
    try {
      options = commandOptions(args, [...scaleParamOptions, 'out', 'compare']);
      params = scaleParamsFromOptions(options);
      const out = options.get('out');
      const compare = options.get('compare');
      if ((out === undefined) === (compare === undefined))
        throw new UsageError('give exactly one of --out DIR and --compare DIR');
      if (compare !== undefined) {
        try {
          expected = readExportFixtures(resolve(compare));
        } catch (error) {
          throw new UsageError(`--compare: ${(error as Error).message}`);
        }
      }
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`bench exports: ${error.message}\n`);
        return 64;
      }
      throw error;
    }
    const started = performance.now();
    const actual = await nightExports(params, scaleCacheRoot(process.env, process.cwd()));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stderr(
      `bench exports: ${params.portfolios} portfolios, pack ${actual.night.pack_id} sha256 ${actual.night.pack_sha256} (${seconds} s)\n`,
    );
    if (expected === undefined) {
      const dir = resolve(options.get('out')!);
      writeExportFixtures(dir, actual.night, actual.files);
      io.stdout(`wrote ${EXPORT_FILE_NAMES.join(', ')} (gzipped) and night.json to ${dir}\n`);
      return 0;
    }
    return reportComparison(expected, actual, io);
  },
};

function reportComparison(
  expected: ReturnType<typeof readExportFixtures>,
  actual: Awaited<ReturnType<typeof nightExports>>,
  io: BenchIo,
): number {
  let differing = 0;
  if (expected.night.pack_sha256 !== actual.night.pack_sha256) {
    differing++;
    io.stdout(
      `night.json: pack sha256 ${actual.night.pack_sha256} differs from the fixture's ${expected.night.pack_sha256}\n`,
    );
  }
  for (const name of EXPORT_FILE_NAMES) {
    const difference = firstDifference(expected.files.get(name)!, actual.files.get(name)!);
    if (difference === null) {
      io.stdout(`${name}: identical\n`);
      continue;
    }
    differing++;
    const shown = (line: string | null) =>
      line === null
        ? '(no line)'
        : line.length > SHOWN_CHARS
          ? `${line.slice(0, SHOWN_CHARS)}…`
          : line;
    io.stdout(
      `${name}: differs at line ${difference.line}\n  fixture: ${shown(difference.expected)}\n  now:     ${shown(difference.actual)}\n`,
    );
  }
  return differing === 0 ? 0 : 1;
}
