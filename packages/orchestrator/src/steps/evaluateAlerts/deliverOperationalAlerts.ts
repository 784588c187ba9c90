import { DatabaseAlertStore, deliverPending, evaluateAlerts } from '@truth-spine/alerts';
import type { Database } from '@truth-spine/store';
import { loadRun } from '../../pipeline/runStore.js';
import type { StepDependencies } from '../stepDependencies.js';
import { alertSetup, deliveryOptions } from './alertDelivery.js';
import { deliverySummary } from './deliverySummary.js';
import { operationalFacts } from './operationalFacts.js';

/** What {@link deliverOperationalAlerts} did. */
export interface OperationalDelivery {
  readonly runId: string;
  readonly asOf: string;
  /** Events newly recorded (run_blocked, deadline_missed, pack_stale firings). */
  readonly fired: number;
  readonly delivered: number;
  readonly dead_lettered: number;
}

/**
 * Operational alerts of run `runId` through the same path as step 7, so a blocked or late
 * night reaches a person although evaluate_alerts never ran: evaluates the rules (file +
 * built-in `run_blocked` / `deadline_missed`) on the run's operational facts only
 * ({@link operationalFacts} after the run: blocked/failed, both deadlines, newest fresh
 * pack) — metric, price, regime and news rules keep their state — then delivers every
 * pending pair on the configured channels. Call it after every run that settled (the
 * `nightly`, `resume` and `backfill` commands); calling it again records and delivers
 * nothing twice (same idempotency keys). The engine's own `alert_events` rows (`rule_id`
 * null, key `<kind>:<run_id>`) stay as the run's record and are not delivered themselves.
 * Throws when the run does not exist.
 */
export async function deliverOperationalAlerts(
  db: Database,
  deps: StepDependencies,
  runId: string,
  now: Date = new Date(),
): Promise<OperationalDelivery> {
  const run = await loadRun(db.drizzle, runId);
  if (run === null) throw new Error(`no run with id ${runId}`);
  const setup = await alertSetup(deps);
  const operational = await operationalFacts(
    db,
    run,
    { packMinutes: deps.config.packDeadlineMinutes, runMinutes: deps.config.runDeadlineMinutes },
    now,
    'after_run',
  );
  const store = new DatabaseAlertStore(db);
  const evaluation = await evaluateAlerts({
    rules: setup.rules,
    facts: { asOf: run.asOf, packId: run.packId, runId: run.id, operational },
    store,
    now,
  });
  const deliveries = await deliverPending(deliveryOptions(deps, store, setup));
  return { runId, asOf: run.asOf, fired: evaluation.fired.length, ...deliverySummary(deliveries) };
}
