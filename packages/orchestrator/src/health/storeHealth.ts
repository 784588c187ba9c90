import { DatabaseAlertStore } from '@truth-spine/alerts';
import type { Database } from '@truth-spine/store';
import { getFreshness, getLatestFreshPack, type Freshness } from '../freshness/freshness.js';

/** The newest finished (not running) run of one trigger, with its steps' seconds. */
export interface LastRunOfTrigger {
  readonly trigger: string;
  readonly run_id: string;
  readonly as_of: string;
  readonly status: string;
  readonly started_at: Date;
  readonly finished_at: Date | null;
  /** finished_at − started_at; null while it has no finish time. */
  readonly seconds: number | null;
  readonly steps: readonly { step: string; status: string; seconds: number | null }[];
}

/**
 * What the store says about the service, whoever ran the nights (serve, a CLI `nightly`, a
 * backfill on another machine): read at scrape time by the runner's `/metrics`.
 */
export interface StoreHealth {
  readonly lastRuns: readonly LastRunOfTrigger[];
  /** Every run in the store by status: how many, and when the latest of them finished. */
  readonly runsByStatus: readonly { status: string; count: number; lastFinishedAt: Date | null }[];
  /** The gate's answer for the latest pack (null: no pack yet). */
  readonly latestPack: Freshness | null;
  /** The newest pack the gate calls fresh (null: none). */
  readonly latestFreshPack: Freshness | null;
  /** Reconciliation breaks stored for the latest pack and the portfolios not reconciled. */
  readonly openBreaks: number;
  readonly unreconciledPortfolios: number;
  /** Dead letters not replayed yet, by kind. */
  readonly pendingDeadLetters: ReadonlyMap<string, number>;
  /** (alert event, channel) pairs neither delivered nor dead-lettered. */
  readonly alertsPendingDelivery: number;
}

/** Reads {@link StoreHealth}: a handful of small queries, no writes. */
export async function readStoreHealth(db: Database): Promise<StoreHealth> {
  const runRows = await db.query<{
    trigger: string;
    id: string;
    as_of: string;
    status: string;
    started_at: Date | string;
    finished_at: Date | string | null;
  }>(
    `select distinct on (trigger) trigger, id, as_of::text as as_of, status, started_at, finished_at
       from runs where status <> 'running'
      order by trigger, started_at desc, id desc`,
  );
  const stepRows =
    runRows.length === 0
      ? []
      : await db.query<{ run_id: string; step: string; status: string; seconds: number | null }>(
          `select run_id, step, status, seconds from run_steps
            where run_id = any($1::text[]) order by run_id, position`,
          [runRows.map((r) => r.id)],
        );
  const lastRuns = runRows.map((r): LastRunOfTrigger => {
    const started = new Date(r.started_at);
    const finished = r.finished_at === null ? null : new Date(r.finished_at);
    return {
      trigger: r.trigger,
      run_id: r.id,
      as_of: r.as_of,
      status: r.status,
      started_at: started,
      finished_at: finished,
      seconds: finished === null ? null : (finished.getTime() - started.getTime()) / 1000,
      steps: stepRows
        .filter((s) => s.run_id === r.id)
        .map((s) => ({ step: s.step, status: s.status, seconds: s.seconds })),
    };
  });
  const byStatus = await db.query<{
    status: string;
    n: number | string;
    last: Date | string | null;
  }>(`select status, count(*)::int as n, max(finished_at) as last from runs group by status`);
  const latestPack = await getFreshness(db);
  const latestFreshPack = await getLatestFreshPack(db);
  let openBreaks = 0;
  let unreconciledPortfolios = 0;
  if (latestPack !== null) {
    const [counts] = await db.query<{ breaks: number | string; broken: number | string }>(
      `select coalesce(sum(break_count), 0)::int as breaks, count(*) filter (where not ok)::int as broken
         from reconciliation_results where pack_id = $1`,
      [latestPack.pack_id],
    );
    openBreaks = Number(counts?.breaks ?? 0);
    unreconciledPortfolios = Number(counts?.broken ?? 0);
  }
  const letters = await db.query<{ kind: string; n: number | string }>(
    `select kind, count(*)::int as n from dead_letters where replayed_at is null group by kind`,
  );
  const pending = await new DatabaseAlertStore(db).listPendingDeliveries();
  return {
    lastRuns,
    runsByStatus: byStatus.map((r) => ({
      status: r.status,
      count: Number(r.n),
      lastFinishedAt: r.last === null ? null : new Date(r.last),
    })),
    latestPack,
    latestFreshPack,
    openBreaks,
    unreconciledPortfolios,
    pendingDeadLetters: new Map(letters.map((l) => [l.kind, Number(l.n)])),
    alertsPendingDelivery: pending.length,
  };
}
