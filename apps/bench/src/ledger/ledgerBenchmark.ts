import { readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLedgerFile } from '@truth-spine/ledger';
import type { Benchmark } from '../cli/benchmark.js';
import { median } from './median.js';
import { scaleLedger } from './scaleLedger.js';

const USAGE =
  'usage: bench ledger FILE [--json] [--runs N] [--warmup N] [--copies N] [--target-ms MS]';
/** Target: 5× Beancount 2.3.5's 247 ms on a 16.8k-line, 824 KB ledger. */
const DEFAULT_TARGET_MS = 50;

interface LedgerBenchOptions {
  file: string;
  json: boolean;
  runs: number;
  warmup: number;
  copies: number;
  targetMs: number;
}

/**
 * `bench ledger FILE --json`: times a full load — read, parse, book, pad, balance
 * checks, validation — of a Beancount file: `warmup` loads, then the median of `runs`
 * timed loads. `--copies N` first writes N shifted copies of FILE (see
 * {@link scaleLedger}) to a temporary file and times that. Prints `{"load_ms": …}`
 * (wall-clock median); `--json` adds the minimum, the median CPU time of the process
 * (`cpu_ms`, steadier on a busy machine; it includes GC helper threads) and the file's
 * size. Exits 1 when the median exceeds `--target-ms` (default 50 ms) scaled to the
 * file's length per 16.8k lines.
 */
export const ledgerBenchmark: Benchmark = {
  name: 'ledger',
  summary: 'time loading a Beancount ledger (read, parse, book, validate); prints {"load_ms": …}',
  async run(args, io) {
    const options = parseOptions(args);
    let file = options.file;
    if (options.copies > 1) {
      const scaled = scaleLedger(readFileSync(file, 'utf8'), options.copies);
      file = join(
        mkdtempSync(join(tmpdir(), 'ledger-bench-')),
        `scaled-${options.copies}.beancount`,
      );
      writeFileSync(file, scaled);
    }
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').length;
    const bytes = statSync(file).size;
    let entries = 0;
    let errors = 0;
    for (let i = 0; i < options.warmup; i++) loadLedgerFile(file);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const ledger = loadLedgerFile(file);
      times.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      entries = ledger.entries.length;
      errors = ledger.errors.length;
    }
    const loadMs = round(median(times));
    const budgetMs = round((options.targetMs * lines) / 16_800);
    const result = {
      load_ms: loadMs,
      min_ms: round(Math.min(...times)),
      cpu_ms: round(median(cpuTimes)),
      runs: options.runs,
      file,
      lines,
      bytes,
      entries,
      errors,
      budget_ms: budgetMs,
      within_budget: loadMs <= budgetMs,
    };
    if (options.json) io.stdout(`${JSON.stringify(result)}\n`);
    else io.stdout(`${JSON.stringify({ load_ms: loadMs })}\n`);
    io.stderr(
      `ledger: ${lines} lines, ${bytes} bytes, ${entries} entries, ${errors} errors; median load ${loadMs} ms over ${options.runs} runs (budget ${budgetMs} ms)\n`,
    );
    return result.within_budget ? 0 : 1;
  },
};

const round = (ms: number) => Math.round(ms * 100) / 100;

function parseOptions(args: readonly string[]): LedgerBenchOptions {
  const options: LedgerBenchOptions = {
    file: '',
    json: false,
    runs: 15,
    warmup: 5,
    copies: 1,
    targetMs: DEFAULT_TARGET_MS,
  };
  const positive = (name: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`${name} needs a positive integer, got "${value}"; ${USAGE}`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--json') options.json = true;
    else if (arg === '--runs') options.runs = positive(arg, args[++i]);
    else if (arg === '--warmup') options.warmup = positive(arg, args[++i]);
    else if (arg === '--copies') options.copies = positive(arg, args[++i]);
    else if (arg === '--target-ms') options.targetMs = positive(arg, args[++i]);
    else if (arg.startsWith('--') || options.file !== '')
      throw new Error(`unexpected argument "${arg}"; ${USAGE}`);
    else options.file = arg;
  }
  if (options.file === '') throw new Error(`a ledger FILE is required; ${USAGE}`);
  return options;
}
