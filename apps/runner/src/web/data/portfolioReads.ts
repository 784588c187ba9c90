import {
  exportedExposure,
  exportedMetric,
  readFactorSets,
  readMetricSets,
  readReturnSeries,
  type ExportedExposure,
  type ExportedMetric,
} from '@truth-spine/orchestrator';
import { type Database } from '@truth-spine/store';
import { ratingOutput, type RatingOutput } from '@truth-spine/orchestrator';

/** A portfolio's record in the books. */
export interface PortfolioRecord {
  readonly id: string;
  readonly name: string;
  readonly base_currency: string;
  readonly benchmark: string;
  readonly inception: string;
  readonly archived: boolean;
}

/** A portfolio's valuation in one pack (decimals as exact strings). */
export interface PortfolioValuation {
  readonly portfolio_id: string;
  readonly as_of: string;
  readonly base_currency: string;
  readonly market_value: string;
  readonly securities_value: string;
  readonly cash_value: string;
  readonly positions: number;
}

/** One stored metric, the same fields as `metrics PACK_ID --json` prints. */
export type PortfolioMetric = ExportedMetric;

/** One factor exposure row, the same fields as `factors PACK_ID --json` prints. */
export type PortfolioExposure = ExportedExposure;

/** A portfolio's rating, the same fields as `ratings PACK_ID --json` prints. */
export type PortfolioRating = RatingOutput;

const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

export async function readPortfolioRecord(
  db: Database,
  id: string,
): Promise<PortfolioRecord | null> {
  const [row] = await db.query<Omit<PortfolioRecord, 'archived'> & { archived_at: unknown }>(
    `select id, name, base_currency, benchmark, inception::text as inception, archived_at
       from portfolios where id = $1`,
    [id],
  );
  return row === undefined
    ? null
    : {
        id: row.id,
        name: row.name,
        base_currency: row.base_currency,
        benchmark: row.benchmark,
        inception: row.inception,
        archived: row.archived_at !== null,
      };
}

/** Every portfolio valued in `packId` with its record, sorted by id (`collate "C"`). */
export async function listPackPortfolios(
  db: Database,
  packId: string,
): Promise<(PortfolioRecord & { valuation: PortfolioValuation })[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select p.id, p.name, p.base_currency, p.benchmark, p.inception::text as inception,
            p.archived_at, v.as_of::text as as_of, v.market_value::text as market_value,
            v.securities_value::text as securities_value, v.cash_value::text as cash_value,
            v.positions
       from valuations v join portfolios p on p.id = v.portfolio_id
      where v.pack_id = $1 order by p.id collate "C"`,
    [packId],
  );
  return rows.map((r) => ({
    id: String(r['id']),
    name: String(r['name']),
    base_currency: String(r['base_currency']),
    benchmark: String(r['benchmark']),
    inception: String(r['inception']),
    archived: r['archived_at'] !== null,
    valuation: {
      portfolio_id: String(r['id']),
      as_of: String(r['as_of']),
      base_currency: String(r['base_currency']),
      market_value: String(r['market_value']),
      securities_value: String(r['securities_value']),
      cash_value: String(r['cash_value']),
      positions: Number(r['positions']),
    },
  }));
}

export async function readPortfolioValuation(
  db: Database,
  packId: string,
  id: string,
): Promise<PortfolioValuation | null> {
  const [row] = await db.query<PortfolioValuation & Record<string, unknown>>(
    `select portfolio_id, as_of::text as as_of, base_currency, market_value::text as market_value,
            securities_value::text as securities_value, cash_value::text as cash_value, positions
       from valuations where pack_id = $1 and portfolio_id = $2`,
    [packId, id],
  );
  return row === undefined ? null : { ...row, positions: Number(row.positions) };
}

/** The portfolio's metrics in `packId` (its `metric_sets` record), sorted by metric name (`collate "C"`, as the CLI). */
export async function readPortfolioMetrics(
  db: Database,
  packId: string,
  id: string,
): Promise<PortfolioMetric[]> {
  const [set] = await readMetricSets(db, packId, [id]);
  return (set?.rows ?? []).map((row) => exportedMetric(id, row));
}

/** The portfolio's factor exposures in `packId` (its `factor_sets` record), sorted by window and factor (as the CLI). */
export async function readPortfolioExposures(
  db: Database,
  packId: string,
  id: string,
): Promise<PortfolioExposure[]> {
  const [set] = await readFactorSets(db, packId, [id]);
  return (set?.exposures ?? []).map((e) => exportedExposure(id, e));
}

export async function readPortfolioRating(
  db: Database,
  packId: string,
  id: string,
): Promise<PortfolioRating | null> {
  const [row] = await db.query<Omit<PortfolioRating, 'grade'>>(
    `select subject_id, score, coverage, reason, components from ratings
      where pack_id = $1 and subject_kind = 'portfolio' and subject_id = $2`,
    [packId, id],
  );
  if (row === undefined) return null;
  return ratingOutput({ ...row, score: num(row.score), coverage: num(row.coverage) });
}

/** The portfolio's daily history in a pack, for the charts. */
export interface PortfolioHistory {
  readonly dates: readonly string[];
  /** Market value in base currency (float64, for drawing only). */
  readonly values: readonly number[];
  /** Time-weighted cumulative return since the first day: ∏(1 + rᵢ) − 1. */
  readonly twr: readonly number[];
  /** Drawdown of the TWR index: I_t / max_{s≤t} I_s − 1 (0 at a new high, negative below). */
  readonly drawdown: readonly number[];
  /** The benchmark's price return since the first day with a close (its own currency); null where no close. */
  readonly benchmark: readonly (number | null)[];
}

/** Decodes return_series of (`packId`, `id`) and the benchmark's closes over its dates. */
export async function readPortfolioHistory(
  db: Database,
  packId: string,
  portfolio: PortfolioRecord,
): Promise<PortfolioHistory | null> {
  const series = (await readReturnSeries(db, packId, [portfolio.id])).get(portfolio.id);
  if (series === undefined || series.epochDays.length === 0) return null;
  const dates = Array.from(series.epochDays, (d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  const twr: number[] = [0];
  const drawdown: number[] = [0];
  let index = 1;
  let peak = 1;
  for (const r of series.returns) {
    index *= 1 + r;
    peak = Math.max(peak, index);
    twr.push(index - 1);
    drawdown.push(index / peak - 1);
  }
  const closes = await db.query<{ date: string; close: string }>(
    `select date::text as date, close::text as close from market_closes
      where symbol = $1 and date between $2 and $3 order by date`,
    [portfolio.benchmark, dates[0], dates.at(-1)],
  );
  const closeOn = new Map(closes.map((c) => [c.date, Number(c.close)]));
  const first = closes[0] === undefined ? null : Number(closes[0].close);
  const benchmark = dates.map((d) => {
    const close = closeOn.get(d);
    return close === undefined || first === null ? null : close / first - 1;
  });
  return { dates, values: Array.from(series.values), twr, drawdown, benchmark };
}

/** One alert event about the portfolio (metric rules scope their events by portfolio id). */
export interface PortfolioAlert {
  readonly id: number;
  readonly created_at: string;
  readonly as_of: string | null;
  readonly severity: string;
  readonly kind: string;
  readonly rule_id: string | null;
  readonly message: string;
}

export async function readPortfolioAlerts(db: Database, id: string): Promise<PortfolioAlert[]> {
  const rows = await db.query<PortfolioAlert & Record<string, unknown>>(
    `select id, created_at, as_of::text as as_of, severity, kind, rule_id, message
       from alert_events where scope_key = $1 or subject = $2
      order by created_at desc, id desc limit 100`,
    [id, `portfolio ${id}`],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), created_at: isoInstant(r.created_at) }));
}

/** A timestamptz as ISO text on both drivers (Date on postgres.js, Date or string on PGlite). */
export function isoInstant(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}
