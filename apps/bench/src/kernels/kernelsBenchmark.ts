import { computeMetricSet, FactorWindowCache, type MetricSet } from '@truth-spine/finance-core';
import type { Benchmark } from '../cli/benchmark.js';
import { syntheticMarket, syntheticPortfolio } from './syntheticPortfolios.js';

/** Target: the whole metric set of a 1,500-day portfolio in ≤ 80 µs. */
const TARGET_US = 80;
const SEED = 20261127;

/**
 * `bench kernels [--portfolios N] [--days D] [--json]`: times finance-core's
 * `computeMetricSet` (the whole metric set, as-of the last day, one `FactorWindowCache` for
 * the shared market as in the nightly run) on N deterministic
 * synthetic portfolios of D business days (defaults 1,000 and 1,500) after a warm-up pass,
 * and prints `{"us_per_portfolio", "portfolios", …}` (JSON on stdout with `--json`, a
 * human line on stderr always). `us_per_portfolio` is wall time; `cpu_us_per_portfolio`
 * (process CPU time, GC threads included) shows how much a busy machine inflated it.
 * Exits 1 when the wall-time mean exceeds the 80 µs target.
 */
export const kernelsBenchmark: Benchmark = {
  name: 'kernels',
  summary: 'time the whole finance-core metric set per synthetic portfolio (target ≤ 80 µs)',
  async run(args, io) {
    const options = parseOptions(args);
    const market = syntheticMarket(options.days, SEED);
    const inputs = Array.from({ length: options.portfolios }, (_, p) =>
      syntheticPortfolio(market, p, SEED),
    );
    const asOf = market.calendar[market.calendar.length - 1]!;
    const warmup = Math.max(options.portfolios, 200);
    for (let i = 0; i < warmup; i++) computeMetricSet(inputs[i % inputs.length]!, asOf);
    // Like the nightly run: every portfolio of one market shares the factor-only statistics.
    const options_ = { factorCache: new FactorWindowCache() };
    let checksum = 0;
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (const input of inputs) checksum += fingerprint(computeMetricSet(input, asOf, options_));
    const elapsedNs = Number(process.hrtime.bigint() - started);
    const cpu = process.cpuUsage(cpuBefore);
    const usPerPortfolio = elapsedNs / 1000 / options.portfolios;
    const report = {
      us_per_portfolio: Math.round(usPerPortfolio * 100) / 100,
      cpu_us_per_portfolio: Math.round(((cpu.user + cpu.system) / options.portfolios) * 100) / 100,
      portfolios: options.portfolios,
      days: options.days,
      warmup_runs: warmup,
      total_ms: Math.round(elapsedNs / 1e4) / 100,
      target_us: TARGET_US,
      target_met: usPerPortfolio <= TARGET_US,
      checksum,
      node: process.version,
    };
    if (options.json) io.stdout(`${JSON.stringify(report)}\n`);
    io.stderr(
      `kernels: ${report.us_per_portfolio} µs per portfolio (${options.portfolios} × ${options.days} days, target ≤ ${TARGET_US} µs: ${report.target_met ? 'met' : 'MISSED'})\n`,
    );
    return report.target_met ? 0 : 1;
  },
};

/** A number that depends on the results, so the timed work cannot be skipped and runs compare. */
function fingerprint(set: MetricSet): number {
  const twr = set.twr.inception;
  const xirr = set.mwr_xirr.inception;
  return ('cumulative' in twr ? (twr.cumulative ?? 0) : 0) + (xirr.xirr ?? 0);
}

function parseOptions(args: readonly string[]): {
  portfolios: number;
  days: number;
  json: boolean;
} {
  const options = { portfolios: 1000, days: 1500, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--portfolios' || arg === '--days') {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive integer`);
      options[arg === '--portfolios' ? 'portfolios' : 'days'] = value;
    } else
      throw new Error(
        `unknown argument "${arg}"; usage: bench kernels [--portfolios N] [--days D] [--json]`,
      );
  }
  if (options.days < 300) throw new Error('--days must be at least 300 so every window exists');
  return options;
}
