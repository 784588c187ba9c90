import type { MeasuredNight } from './scaleNight.js';
import type { ScaleNightlyResult } from './scaleNightly.js';

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The `--json` object: the SLO fields first — `portfolios`, `total_seconds`,
 * `peak_rss_mb`, `steps: [{name, seconds}]`, `slo: {pack_ok, run_ok, …}` — all of the
 * steady-state night D, then extras: `portfolios_per_second`, `pack_seconds`, `status`,
 * `cold` (night D − 1, the same fields), `database`, `database_size_mb`, `load_seconds`,
 * `data_set` and the generator parameters.
 */
export function nightlyJson(result: ScaleNightlyResult): Record<string, unknown> {
  const night = (n: MeasuredNight) => ({
    as_of: n.asOf,
    status: n.status,
    total_seconds: round(n.totalSeconds),
    pack_seconds: round(n.packSeconds),
    portfolios_per_second: round(result.params.portfolios / n.totalSeconds, 1),
    steps: n.steps.map((s) => ({
      name: s.name,
      seconds: round(s.seconds, 3),
      status: s.status,
      ...(s.error === null ? {} : { error: s.error.slice(0, 500) }),
    })),
  });
  const nightly = night(result.nightly);
  return {
    portfolios: result.params.portfolios,
    total_seconds: nightly.total_seconds,
    peak_rss_mb: round(result.peakRssMb, 1),
    steps: nightly.steps,
    slo: result.slo,
    status: nightly.status,
    as_of: nightly.as_of,
    pack_seconds: nightly.pack_seconds,
    portfolios_per_second: nightly.portfolios_per_second,
    cold: night(result.cold),
    database: result.database,
    database_description: result.databaseDescription,
    database_size_mb: round(result.databaseBytes / 2 ** 20, 1),
    load_seconds: round(result.loadSeconds),
    data_set: {
      dir: result.dataSet.dir,
      reused: result.dataSet.reused,
      generate_seconds: round(result.dataSet.seconds),
      transactions: result.dataSet.transactions,
    },
    params: result.params,
    note: 'peak_rss_mb is this process (PGlite runs inside it); a PostgreSQL server’s memory is separate',
  };
}

/** The readable table: per step, cold and nightly seconds, then totals and the verdicts. */
export function nightlyTable(result: ScaleNightlyResult): string {
  const { cold, nightly, params, slo } = result;
  const lines = [
    `bench nightly: ${params.portfolios} portfolios × ${params.holdings} holdings, ${params.securities} securities, ${params.years} years, ${params.currencies.join(',')} (seed ${params.seed}) on ${result.database}`,
    `data set ${result.dataSet.reused ? 'reused' : `generated in ${result.dataSet.seconds.toFixed(1)} s`} (${result.dataSet.transactions} transactions), loaded in ${result.loadSeconds.toFixed(1)} s`,
    '',
    `${'step'.padEnd(24)}${`cold ${cold.asOf}`.padStart(18)}${`nightly ${nightly.asOf}`.padStart(22)}`,
  ];
  for (const step of nightly.steps) {
    const c = cold.steps.find((s) => s.name === step.name);
    lines.push(
      `${step.name.padEnd(24)}${`${c?.seconds.toFixed(2) ?? '-'} s`.padStart(18)}${`${step.seconds.toFixed(2)} s`.padStart(22)}${step.status === 'succeeded' ? '' : `  ${step.status}`}`,
    );
  }
  lines.push(
    `${'total (run)'.padEnd(24)}${`${cold.totalSeconds.toFixed(2)} s`.padStart(18)}${`${nightly.totalSeconds.toFixed(2)} s`.padStart(22)}`,
    `${'portfolios/s'.padEnd(24)}${(params.portfolios / cold.totalSeconds).toFixed(1).padStart(18)}${(params.portfolios / nightly.totalSeconds).toFixed(1).padStart(22)}`,
    '',
    `status ${nightly.status}; peak RSS ${result.peakRssMb.toFixed(0)} MB (this process); database ${(result.databaseBytes / 2 ** 20).toFixed(0)} MB`,
    `SLO pack ≤ 10 min: ${slo.pack_ok ? 'ok' : 'MISSED'} (${nightly.packSeconds.toFixed(1)} s); run ≤ 13 min: ${slo.run_ok ? 'ok' : 'MISSED'}`,
    slo.target === null
      ? 'no size target applies'
      : `target ${slo.target.description}: ${slo.target.seconds_ok && slo.target.rss_ok !== false ? 'ok' : 'MISSED'}`,
  );
  for (const step of nightly.steps.filter((s) => s.error !== null))
    lines.push(`${step.name}: ${step.error?.slice(0, 300)}`);
  return `${lines.join('\n')}\n`;
}
