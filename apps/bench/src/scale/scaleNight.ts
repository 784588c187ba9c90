import {
  createStepBodies,
  type JsonValue,
  loadConfig,
  pipelineOptionsFromConfig,
  pipelineSteps,
  readAlertSettings,
  runNightly,
  silentLogger,
  type StepBodies,
  type StepDependencies,
} from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import { OfflineReplaySource } from '@truth-spine/providers';
import type { ScaleDataSet } from './generateScaleDataSet.js';

/** The SLO (docs/PIPELINE.md#deadlines): the pack fresh within 10 minutes, the whole run within 13. */
export const sloMinutes = { pack: 10, run: 13 } as const;

/** One measured night. */
export interface MeasuredNight {
  readonly asOf: string;
  /** The run's status (succeeded | failed | blocked | skipped …). */
  readonly status: string;
  readonly packId: string | null;
  /** Wall-clock seconds of `runNightly`, lock and run bookkeeping included. */
  readonly totalSeconds: number;
  /** Seconds from the run's start until mark_pack_fresh finished (the steps up to it). */
  readonly packSeconds: number;
  readonly steps: readonly {
    readonly name: string;
    readonly status: string;
    readonly seconds: number;
    readonly error: string | null;
    /** The step's reported details (not printed: reconcile_ledger's hold one verdict per portfolio). */
    readonly details: JsonValue;
  }[];
}

/**
 * The step dependencies of a generated data set, built as the runner's `openRuntime`
 * builds them for MARKET_DATA=offline: configuration from BOOKS_DIR, LEDGER_DIR and
 * OFFLINE_DATA_DIR pointing into the set, the offline replay source over its market
 * (no fallback), SPY as calendar symbol, default alert settings, and silent logs and
 * alert console (the bench prints its own summary).
 */
export function scaleStepDependencies(set: ScaleDataSet): StepDependencies {
  const config = loadConfig(
    { BOOKS_DIR: set.booksDir, LEDGER_DIR: set.ledgerDir, OFFLINE_DATA_DIR: set.marketDir },
    process.cwd(),
  );
  return {
    config,
    market: new OfflineReplaySource(set.marketDir),
    fallback: null,
    ledgerDir: set.ledgerDir,
    booksDir: set.booksDir,
    logger: silentLogger,
    alertSettings: readAlertSettings({}),
    alertConsole: { write: () => true },
    calendarSymbol: 'SPY',
  };
}

/** The seven real step bodies for a data set (`createStepBodies`, as the runner uses). */
export function scaleStepBodies(set: ScaleDataSet): StepBodies {
  return createStepBodies(scaleStepDependencies(set));
}

/**
 * Runs the real pipeline (`runNightly`) for `asOf` on `db` with the runner's engine
 * settings and the SLO as deadlines, and reads the per-step seconds from the run report.
 */
export async function runMeasuredNight(
  db: Database,
  bodies: StepBodies,
  set: ScaleDataSet,
  asOf: string,
): Promise<MeasuredNight> {
  const config = scaleStepDependencies(set).config;
  const started = performance.now();
  const outcome = await runNightly(
    db,
    bodies,
    { asOf, trigger: 'manual' },
    {
      ...pipelineOptionsFromConfig(config),
      logger: silentLogger,
      deadlines: { packMinutes: sloMinutes.pack, runMinutes: sloMinutes.run },
    },
  );
  const totalSeconds = (performance.now() - started) / 1000;
  const report = outcome.report;
  const steps = report.steps.map((s) => ({
    name: s.name,
    status: s.status,
    seconds: s.seconds ?? 0,
    error: s.error,
    details: s.details,
  }));
  const packIndex = pipelineSteps.indexOf('mark_pack_fresh');
  const packSeconds = steps
    .filter((s) => pipelineSteps.indexOf(s.name as (typeof pipelineSteps)[number]) <= packIndex)
    .reduce((sum, s) => sum + s.seconds, 0);
  return {
    asOf,
    status: report.status,
    packId: report.pack?.id ?? null,
    totalSeconds,
    packSeconds,
    steps,
  };
}
