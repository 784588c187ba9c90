import type { StoreHealth } from '@truth-spine/orchestrator';
import { Gauge, type Registry } from 'prom-client';

/**
 * Gauges read from the store at every scrape ({@link StoreHealth}), so `/metrics` shows the
 * nights whoever ran them — `serve`, a CLI `nightly`, a backfill elsewhere:
 * - `truth_spine_stored_runs{status}`: runs in the store; `truth_spine_last_run_timestamp_seconds{status}`:
 *   when the latest run with that status finished;
 * - `truth_spine_last_run_finished_timestamp_seconds{trigger,status}`,
 *   `truth_spine_last_run_seconds{trigger,status}` and
 *   `truth_spine_last_run_step_seconds{trigger,step,status}`: the newest finished run of each
 *   trigger (cron, manual, backfill), its duration and each step's seconds;
 * - `truth_spine_pack_fresh` (1 when the gate calls the latest pack fresh, else 0),
 *   `truth_spine_pack_status{status}` (1 for the gate's status: fresh, warming, blocked,
 *   superseded, none), `truth_spine_latest_pack_as_of_timestamp_seconds`,
 *   `truth_spine_fresh_pack_age_seconds` (now − fresh_at of the newest fresh pack);
 * - `truth_spine_reconciliation_breaks_open` and
 *   `truth_spine_reconciliation_unreconciled_portfolios` (latest pack);
 * - `truth_spine_dead_letters_pending{kind}`, `truth_spine_alerts_pending_delivery`.
 * One store read serves all of them within a scrape; a failed read leaves them empty.
 */
export function registerStoreGauges(
  registry: Registry,
  read: () => Promise<StoreHealth>,
  now: () => number = Date.now,
): void {
  let cached: { at: number; health: Promise<StoreHealth | null> } | null = null;
  const health = (): Promise<StoreHealth | null> => {
    const t = now();
    if (cached === null || t - cached.at > 1_000) {
      cached = { at: t, health: read().catch(() => null) };
    }
    return cached.health;
  };
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    fill: (g: Gauge<L>, h: StoreHealth) => void,
  ) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        const h = await health();
        if (h !== null) fill(this, h);
      },
    });
  const seconds = (d: Date) => d.getTime() / 1000;

  gauge('truth_spine_stored_runs', 'Runs in the store, by status.', ['status'], (g, h) => {
    for (const r of h.runsByStatus) g.labels(r.status).set(r.count);
  });
  gauge(
    'truth_spine_last_run_timestamp_seconds',
    'Unix time the latest run with this status finished (from the store).',
    ['status'],
    (g, h) => {
      for (const r of h.runsByStatus) {
        if (r.lastFinishedAt !== null) g.labels(r.status).set(seconds(r.lastFinishedAt));
      }
    },
  );
  gauge(
    'truth_spine_last_run_finished_timestamp_seconds',
    'Unix time the newest finished run of each trigger finished.',
    ['trigger', 'status'],
    (g, h) => {
      for (const r of h.lastRuns) {
        if (r.finished_at !== null) g.labels(r.trigger, r.status).set(seconds(r.finished_at));
      }
    },
  );
  gauge(
    'truth_spine_last_run_seconds',
    'Duration of the newest finished run of each trigger.',
    ['trigger', 'status'],
    (g, h) => {
      for (const r of h.lastRuns)
        if (r.seconds !== null) g.labels(r.trigger, r.status).set(r.seconds);
    },
  );
  gauge(
    'truth_spine_last_run_step_seconds',
    'Seconds of each step of the newest finished run of each trigger.',
    ['trigger', 'step', 'status'],
    (g, h) => {
      for (const r of h.lastRuns) {
        for (const s of r.steps) {
          if (s.seconds !== null) g.labels(r.trigger, s.step, s.status).set(s.seconds);
        }
      }
    },
  );
  gauge(
    'truth_spine_pack_fresh',
    '1 when the gate calls the latest pack fresh, else 0.',
    [],
    (g, h) => g.set(h.latestPack?.status === 'fresh' ? 1 : 0),
  );
  gauge(
    'truth_spine_pack_status',
    "1 for the gate's status of the latest pack (fresh, warming, blocked, superseded, none).",
    ['status'],
    (g, h) => g.labels(h.latestPack?.status ?? 'none').set(1),
  );
  gauge(
    'truth_spine_latest_pack_as_of_timestamp_seconds',
    'The as-of date (00:00 UTC) of the latest pack.',
    [],
    (g, h) => {
      if (h.latestPack !== null) g.set(Date.parse(`${h.latestPack.as_of}T00:00:00Z`) / 1000);
    },
  );
  gauge(
    'truth_spine_fresh_pack_age_seconds',
    'Seconds since the newest fresh pack became fresh.',
    [],
    (g, h) => {
      const at = h.latestFreshPack?.fresh_at;
      if (at !== undefined && at !== null) g.set((now() - Date.parse(at)) / 1000);
    },
  );
  gauge(
    'truth_spine_reconciliation_breaks_open',
    'Reconciliation breaks stored for the latest pack.',
    [],
    (g, h) => g.set(h.openBreaks),
  );
  gauge(
    'truth_spine_reconciliation_unreconciled_portfolios',
    'Portfolios whose reconciliation with the latest pack did not pass.',
    [],
    (g, h) => g.set(h.unreconciledPortfolios),
  );
  gauge(
    'truth_spine_dead_letters_pending',
    'Dead letters not replayed, by kind.',
    ['kind'],
    (g, h) => {
      for (const [kind, n] of h.pendingDeadLetters) g.labels(kind).set(n);
    },
  );
  gauge(
    'truth_spine_alerts_pending_delivery',
    'Alert (event, channel) pairs neither delivered nor dead-lettered.',
    [],
    (g, h) => g.set(h.alertsPendingDelivery),
  );
}
