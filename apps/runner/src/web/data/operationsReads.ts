import { listRunReports, loadRunReport, RunNotFoundError, type RunReport } from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import { isoInstant } from './portfolioReads.js';

/** The counts the runs page shows beside the timeline. */
export interface OperationsCounts {
  /** Breaks recorded by the reconciliation of the latest pack. */
  readonly open_breaks: number;
  /** Dead letters not yet replayed. */
  readonly dead_letters: number;
  /** (event, channel) pairs an alert named that have no successful delivery yet. */
  readonly pending_deliveries: number;
}

export async function readOperationsCounts(
  db: Database,
  latestPackId: string | null,
): Promise<OperationsCounts> {
  const [breaks] =
    latestPackId === null
      ? [{ n: 0 }]
      : await db.query<{ n: unknown }>(
          'select count(*) as n from reconciliation_breaks where pack_id = $1',
          [latestPackId],
        );
  const [letters] = await db.query<{ n: unknown }>(
    'select count(*) as n from dead_letters where replayed_at is null',
  );
  const [pending] = await db.query<{ n: unknown }>(
    `select count(*) as n
       from alert_events e
       cross join lateral jsonb_array_elements_text(coalesce(e.channels, '[]'::jsonb)) as c(channel)
      where not exists (select 1 from alert_channel_deliveries d
                         where d.event_id = e.id and d.channel = c.channel)`,
  );
  return {
    open_breaks: Number(breaks?.n ?? 0),
    dead_letters: Number(letters?.n ?? 0),
    pending_deliveries: Number(pending?.n ?? 0),
  };
}

/** The newest `limit` runs, newest first (orchestrator `listRunReports`). */
export function readRecentRuns(db: Database, limit = 14): Promise<RunReport[]> {
  return listRunReports(db, limit);
}

/** A dead letter as the pages and the API show it. */
export interface DeadLetterView {
  readonly id: number;
  readonly kind: string;
  readonly step: string | null;
  readonly as_of: string | null;
  readonly error: string;
  readonly attempts: number;
  readonly created_at: string;
  readonly replayed_at: string | null;
  readonly replay_result: string | null;
}

/** Run `runId`'s report and its dead letters; null for an unknown run. */
export async function readRunDetail(
  db: Database,
  runId: string,
): Promise<{ report: RunReport; deadLetters: DeadLetterView[] } | null> {
  let report: RunReport;
  try {
    report = await loadRunReport(db, runId);
  } catch (error) {
    if (error instanceof RunNotFoundError) return null;
    throw error;
  }
  const rows = await db.query<Record<string, unknown>>(
    `select id, kind, step, as_of::text as as_of, error, attempts, created_at, replayed_at,
            replay_result from dead_letters where run_id = $1 order by id`,
    [runId],
  );
  return {
    report,
    deadLetters: rows.map((r) => ({
      id: Number(r['id']),
      kind: String(r['kind']),
      step: (r['step'] as string | null) ?? null,
      as_of: (r['as_of'] as string | null) ?? null,
      error: String(r['error']),
      attempts: Number(r['attempts']),
      created_at: isoInstant(r['created_at']),
      replayed_at: r['replayed_at'] === null ? null : isoInstant(r['replayed_at']),
      replay_result: (r['replay_result'] as string | null) ?? null,
    })),
  };
}

/** One reconciliation break with its portfolio's verdict. */
export interface BreakView {
  readonly id: number;
  readonly pack_id: string;
  readonly portfolio_id: string;
  readonly base_currency: string | null;
  readonly kind: string;
  readonly subject: string | null;
  /** Exact decimals as text. */
  readonly platform: string | null;
  readonly ledger: string | null;
  readonly size_base: string | null;
  readonly size_bp: number | null;
  readonly reason: string;
  /** Every other column the store records for the break (where to look in the ledger, …). */
  readonly more: Record<string, unknown>;
}

const knownBreakColumns = new Set([
  'id',
  'pack_id',
  'portfolio_id',
  'base_currency',
  'kind',
  'subject',
  'platform',
  'ledger',
  'size_base',
  'size_bp',
  'reason',
]);

/** The breaks of pack `packId`'s reconciliation, by portfolio then id. */
export async function readPackBreaks(db: Database, packId: string): Promise<BreakView[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select b.*, b.platform::text as platform, b.ledger::text as ledger,
            b.size_base::text as size_base, p.base_currency
       from reconciliation_breaks b left join portfolios p on p.id = b.portfolio_id
      where b.pack_id = $1 order by b.portfolio_id collate "C", b.id`,
    [packId],
  );
  return rows.map((r) => ({
    id: Number(r['id']),
    pack_id: String(r['pack_id']),
    portfolio_id: String(r['portfolio_id']),
    base_currency: (r['base_currency'] as string | null) ?? null,
    kind: String(r['kind']),
    subject: (r['subject'] as string | null) ?? null,
    platform: (r['platform'] as string | null) ?? null,
    ledger: (r['ledger'] as string | null) ?? null,
    size_base: (r['size_base'] as string | null) ?? null,
    size_bp: r['size_bp'] === null || r['size_bp'] === undefined ? null : Number(r['size_bp']),
    reason: String(r['reason']),
    more: Object.fromEntries(
      Object.entries(r).filter(([k, v]) => !knownBreakColumns.has(k) && v !== null),
    ),
  }));
}

/** A pack's record, its sources and what it supersedes. */
export interface PackDetail {
  readonly id: string;
  readonly as_of: string;
  readonly version: number;
  readonly sha256: string;
  readonly status: string;
  readonly created_at: string;
  readonly fresh_at: string | null;
  readonly superseded_by: string | null;
  /** Packs whose `superseded_by` is this one. */
  readonly supersedes: readonly string[];
  readonly coverage: readonly SourceCoverage[];
  readonly flagged: readonly FlaggedRow[];
}

/** How many of a pack's rows of one kind came from one provider. */
export interface SourceCoverage {
  readonly kind: 'price' | 'fx' | 'macro';
  readonly provider: string;
  readonly rows: number;
  readonly fallbacks: number;
  readonly carried_forward: number;
}

/** A pack row that used a fallback source or was carried forward from an earlier date. */
export interface FlaggedRow {
  readonly kind: 'price' | 'fx' | 'macro';
  readonly key: string;
  readonly value: string;
  readonly provider: string;
  readonly fallback_used: boolean;
  readonly carried_forward: boolean;
  readonly source_date: string;
}

const packRowsSql = `
  select 'price' as kind, symbol as key, close::text as value, provider, fallback_used,
         carried_forward, source_date::text as source_date from pack_prices where pack_id = $1
  union all
  select 'fx', base || quote, rate::text, provider, fallback_used, carried_forward,
         source_date::text from pack_fx where pack_id = $1
  union all
  select 'macro', series, value::text, provider, fallback_used, carried_forward,
         source_date::text from pack_macro where pack_id = $1`;

export async function readPackDetail(db: Database, packId: string): Promise<PackDetail | null> {
  const [pack] = await db.query<Record<string, unknown>>(
    `select id, as_of::text as as_of, version, sha256, status, created_at, fresh_at, superseded_by
       from packs where id = $1`,
    [packId],
  );
  if (pack === undefined) return null;
  const supersedes = await db.query<{ id: string }>(
    'select id from packs where superseded_by = $1 order by version',
    [packId],
  );
  const rows = await db.query<FlaggedRow & Record<string, unknown>>(
    `select * from (${packRowsSql}) r order by kind collate "C", key collate "C"`,
    [packId],
  );
  const coverage = new Map<string, SourceCoverage>();
  for (const r of rows) {
    const key = `${r.kind}\u0000${r.provider}`;
    const c = coverage.get(key) ?? {
      kind: r.kind,
      provider: r.provider,
      rows: 0,
      fallbacks: 0,
      carried_forward: 0,
    };
    coverage.set(key, {
      ...c,
      rows: c.rows + 1,
      fallbacks: c.fallbacks + (r.fallback_used ? 1 : 0),
      carried_forward: c.carried_forward + (r.carried_forward ? 1 : 0),
    });
  }
  return {
    id: String(pack['id']),
    as_of: String(pack['as_of']),
    version: Number(pack['version']),
    sha256: String(pack['sha256']),
    status: String(pack['status']),
    created_at: isoInstant(pack['created_at']),
    fresh_at: pack['fresh_at'] === null ? null : isoInstant(pack['fresh_at']),
    superseded_by: (pack['superseded_by'] as string | null) ?? null,
    supersedes: supersedes.map((s) => s.id),
    coverage: [...coverage.values()],
    flagged: rows.filter((r) => r.fallback_used || r.carried_forward),
  };
}
