import { sloMinutes } from './scaleNight.js';

/** What the verdicts are judged on. */
export interface SloInput {
  readonly portfolios: number;
  readonly database: 'pglite' | 'postgres';
  /** Status of the measured (steady-state) night; anything but `succeeded` is a miss. */
  readonly status: string;
  /** Status of the cold night D − 1 run before it; anything but `succeeded` is a miss too. */
  readonly coldStatus?: string;
  readonly packSeconds: number;
  readonly totalSeconds: number;
  readonly peakRssMb: number;
  /** Overrides the scale target's end-to-end seconds (e.g. a tighter one for the CI smoke). */
  readonly maxSeconds?: number;
}

/** The verdicts printed under `slo`; `ok` is false when any applicable one fails. */
export interface SloVerdicts {
  readonly pack_ok: boolean;
  readonly run_ok: boolean;
  readonly status_ok: boolean;
  /** The size target that applies (null = none for this size and store). */
  readonly target: {
    readonly description: string;
    readonly max_seconds: number;
    readonly max_rss_mb: number | null;
    readonly seconds_ok: boolean;
    readonly rss_ok: boolean | null;
  } | null;
  readonly ok: boolean;
}

/**
 * The SLO verdicts of a night: pack ≤ 10 min and run ≤ 13 min (docs/PIPELINE.md#deadlines), the run
 * `succeeded`, and the scale target for the size (docs/PIPELINE.md#scale-targets) — on PGlite up to 10,000 portfolios
 * ≤ 120 s end to end; on PostgreSQL up to 100,000 portfolios ≤ 300 s with peak RSS
 * ≤ 2 GiB (a smaller set must meet the larger one's budget; beyond those sizes no target).
 * `maxSeconds` replaces the target's seconds (and applies at any size).
 */
export function sloVerdicts(input: SloInput): SloVerdicts {
  const pack_ok = input.packSeconds <= sloMinutes.pack * 60;
  const run_ok = input.totalSeconds <= sloMinutes.run * 60;
  const status_ok =
    input.status === 'succeeded' && (input.coldStatus ?? 'succeeded') === 'succeeded';
  let target: { description: string; seconds: number; rss: number | null } | null = null;
  if (input.database === 'pglite' && input.portfolios <= 10_000)
    target = { description: '≤ 10,000 portfolios on PGlite: ≤ 120 s', seconds: 120, rss: null };
  if (input.database === 'postgres' && input.portfolios <= 100_000)
    target = {
      description: '≤ 100,000 portfolios on PostgreSQL: ≤ 300 s, peak RSS ≤ 2 GiB',
      seconds: 300,
      rss: 2048,
    };
  if (input.maxSeconds !== undefined)
    target = {
      description: `--max-seconds ${input.maxSeconds}${target?.rss ? ', peak RSS ≤ 2 GiB' : ''}`,
      seconds: input.maxSeconds,
      rss: target?.rss ?? null,
    };
  const verdict =
    target === null
      ? null
      : {
          description: target.description,
          max_seconds: target.seconds,
          max_rss_mb: target.rss,
          seconds_ok: input.totalSeconds <= target.seconds,
          rss_ok: target.rss === null ? null : input.peakRssMb <= target.rss,
        };
  const ok =
    pack_ok &&
    run_ok &&
    status_ok &&
    (verdict === null || (verdict.seconds_ok && verdict.rss_ok !== false));
  return { pack_ok, run_ok, status_ok, target: verdict, ok };
}
