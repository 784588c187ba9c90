import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark } from '../cli/benchmark.js';
import { buildDemoDataSet } from './buildDemoDataSet.js';
import { demoDataSpec } from './demoDataSpec.js';
import { writeDemoDataSet } from './writeDemoDataSet.js';

/**
 * `npm run bench -- demo-data --source DIR --out DIR`: regenerates the bundled demo data set
 * from the upstream files under DIR (those listed in data/demo/market/SOURCES.md). Prints `{"files", "bytes", "last_date",
 * "seconds"}` on stdout, a one-line summary on stderr; 64 on bad usage.
 */
export const demoDataBenchmark: Benchmark = {
  name: 'demo-data',
  summary: 'regenerate the bundled demo data set: --source SOURCE_DIR --out data/demo',
  async run(args, io) {
    const options = parseOptions(args);
    if (typeof options === 'string') {
      io.stderr(`bench demo-data: ${options}\nusage: bench demo-data --source DIR --out DIR\n`);
      return 64;
    }
    const started = performance.now();
    const set = buildDemoDataSet(demoDataSpec, (path) =>
      readFileSync(join(options.source, path), 'utf8'),
    );
    writeDemoDataSet(options.out, set.files);
    const bytes = [...set.files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
    const lastDate = set.market.calendar.days.at(-1) ?? null;
    const seconds = Math.round(performance.now() - started) / 1000;
    io.stdout(
      `${JSON.stringify({ files: set.files.size, bytes, last_date: lastDate, seconds })}\n`,
    );
    io.stderr(
      `demo-data: wrote ${set.files.size} files (${bytes} bytes) to ${options.out}, last date ${lastDate}, in ${seconds} s\n`,
    );
    return 0;
  },
};

function parseOptions(args: readonly string[]): { source: string; out: string } | string {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] as string;
    const value = args[i + 1];
    if ((flag !== '--source' && flag !== '--out') || value === undefined)
      return `unexpected argument ${flag}`;
    values.set(flag, value);
  }
  const source = values.get('--source');
  const out = values.get('--out');
  if (source === undefined || out === undefined) return 'both --source and --out are required';
  return { source, out };
}
