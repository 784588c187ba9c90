import {
  type CompanyQuality,
  rateCompanyQuality,
  ratePortfolioQuality,
  type SecurityKind,
} from '@truth-spine/finance-core';
import Big from 'big.js';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@truth-spine/store';
import { insertRows } from '@truth-spine/store';
import { activePortfolioSql } from '@truth-spine/books';
import { portfolios, ratings, securities } from '@truth-spine/store/schema';
import type { PipelineLogger } from '../../pipeline/logger.js';
import {
  portfolioBatchStepBody,
  type PortfolioBatchWork,
} from '../../pipeline/portfolioBatchWork.js';
import type { StepBody, StepDetails } from '../../pipeline/stepBody.js';
import type { StepDependencies } from '../stepDependencies.js';
import { groupByKey } from '../../shared/groupByKey.js';
import { holdingMarketValues } from './holdingMarketValues.js';
import { portfolioRatingRow, type RatingRow, securityRatingRow } from './ratingRows.js';
import { type PackQuotes, readPackQuotes } from './readPackQuotes.js';

/**
 * prewarm_ratings (step 5, finance-core docs/RATINGS.md): for pack P of date D,
 * 1. each portfolio's positions on D from its books (trade date ≤ D; summed by the database,
 *    the holdingsOnDate fold) and their market values
 *    in its base currency = units × pack close × pack FX (exact; {@link holdingMarketValues});
 * 2. annual fundamentals of every held security from `deps.market` (offline:
 *    `fundamentals/<SYMBOL>.json`; a symbol without a file has no periods) rated with
 *    `rateCompanyQuality(periods, { kind, asOf: D, splits })` — only fiscal years ended ≤ D,
 *    restated for the security's splits up to D from the same corporate actions the pack
 *    reads; null "stale fundamentals: …" when the latest ended more than 2 years before D;
 *    ETFs/funds are null "not applicable: fund/ETF";
 * 3. each portfolio: `ratePortfolioQuality` over its priced positions (cash is not a holding
 *    and is left out; a position without a pack close is listed as unpriced);
 * the pack's rows in `ratings` are cleared once, then written batch by batch (a re-run
 * writes the same rows).
 */
export function prewarmRatingsStep(deps: StepDependencies): StepBody {
  return portfolioBatchStepBody(prewarmRatingsWork(deps));
}

/** What every batch of prewarm_ratings of one night shares (read once per process). */
export interface RatingsNight {
  readonly db: Database;
  readonly packId: string;
  readonly asOf: string;
  readonly logger: PipelineLogger;
  readonly market: StepDependencies['market'];
  readonly kindOf: ReadonlyMap<string, string>;
  readonly pack: PackQuotes;
  /** Security ratings computed so far in this process (fundamentals are read once per symbol). */
  readonly quality: Map<string, CompanyQuality>;
}

/**
 * prewarm_ratings as batches of portfolio ids ({@link PortfolioBatchWork}): every portfolio
 * of the books (ascending id); `begin` deletes the pack's rows; each batch upserts the rows
 * of its portfolios and of the securities they hold, keyed by (pack, subject kind, subject)
 * — a security held in several batches gets the same row from each.
 */
export function prewarmRatingsWork(deps: StepDependencies): PortfolioBatchWork<RatingsNight> {
  return {
    step: 'prewarm_ratings',
    async begin(run) {
      await run.db.drizzle.delete(ratings).where(eq(ratings.packId, run.packId));
    },
    async *listPortfolios(run, batchSize) {
      let after = '';
      for (;;) {
        const rows = await run.db.query<{ id: string }>(
          `select id from portfolios where id > $1 and ${activePortfolioSql} order by id limit $2`,
          [after, batchSize],
        );
        if (rows.length === 0) return;
        yield rows.map((r) => r.id);
        after = rows[rows.length - 1]!.id;
      }
    },
    async openNight(run) {
      const [kinds, pack] = await Promise.all([
        run.db.drizzle
          .select({ symbol: securities.symbol, kind: securities.kind })
          .from(securities),
        readPackQuotes(run.db, run.packId),
      ]);
      return {
        db: run.db,
        packId: run.packId,
        asOf: run.asOf,
        logger: run.logger,
        market: deps.market,
        kindOf: new Map(kinds.map((k) => [k.symbol, k.kind])),
        pack,
        quality: new Map(),
      };
    },
    runBatch: prewarmRatingsBatch,
    async finish(night) {
      const counts = await night.db.query<{ subject_kind: string; n: number; rated: number }>(
        `select subject_kind, count(*)::int as n, count(score)::int as rated from ratings
          where pack_id = $1 group by subject_kind`,
        [night.packId],
      );
      const of = (kind: string) => counts.find((c) => c.subject_kind === kind);
      const details = {
        securities: of('security')?.n ?? 0,
        securities_rated: of('security')?.rated ?? 0,
        portfolios: of('portfolio')?.n ?? 0,
        portfolios_rated: of('portfolio')?.rated ?? 0,
      };
      night.logger.info(
        { step: 'prewarm_ratings', packId: night.packId, ...details },
        'ratings written',
      );
      return details;
    },
  };
}

/**
 * One batch of prewarm_ratings: the portfolios `portfolioIds` and the securities they hold
 * on D, rated and upserted in one transaction. Returns `{ securities, portfolios }` written.
 */
export async function prewarmRatingsBatch(
  night: RatingsNight,
  portfolioIds: readonly string[],
  signal: AbortSignal,
): Promise<StepDetails> {
  signal.throwIfAborted();
  const rows = await rateBatch(night, portfolioIds, signal);
  await night.db.drizzle.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += CHUNK) {
      await insertRows(
        tx,
        'ratings',
        ['pack_id', 'subject_kind', 'subject_id', 'score', 'reason', 'coverage', 'components'],
        rows
          .slice(start, start + CHUNK)
          .map((r) => [
            r.packId,
            r.subjectKind,
            r.subjectId,
            r.score ?? null,
            r.reason ?? null,
            r.coverage ?? null,
            r.components ?? null,
          ]),
        sql` on conflict (pack_id, subject_kind, subject_id) do update set score = excluded.score, reason = excluded.reason, coverage = excluded.coverage, components = excluded.components`,
      );
    }
  });
  const count = (kind: RatingRow['subjectKind']) => rows.filter((r) => r.subjectKind === kind);
  return { securities: count('security').length, portfolios: count('portfolio').length };
}

/** Splits are read from this date on: any fiscal year rated may predate a split. */
const SPLITS_SINCE = '1900-01-01';

/** Rows per `insert … select from unnest(…)` statement (insertRows: 7 array parameters). */
const CHUNK = 20_000;

async function rateBatch(
  night: RatingsNight,
  portfolioIds: readonly string[],
  signal: AbortSignal,
): Promise<RatingRow[]> {
  const { db, packId, asOf, pack, kindOf, quality } = night;
  const [books, positionRows] = await Promise.all([
    db.drizzle
      .select()
      .from(portfolios)
      .where(inArray(portfolios.id, [...portfolioIds]))
      .orderBy(asc(portfolios.id)),
    // positions on D, the books fold of holdingsOnDate done by the database (exact numeric
    // sums of buys and splits minus sells dated ≤ D; only non-zero positions come back), so
    // no transaction row is loaded
    db.query<{ portfolio_id: string; symbol: string; units: string }>(
      `select portfolio_id, symbol,
              sum(case when type = 'sell' then -quantity else quantity end)::text as units
         from transactions
        where portfolio_id = any($1::text[]) and trade_date <= $2
          and symbol is not null and quantity is not null and type in ('buy', 'split', 'sell')
        group by portfolio_id, symbol
       having sum(case when type = 'sell' then -quantity else quantity end) <> 0`,
      [[...portfolioIds], asOf],
    ),
  ]);
  const positionsOf = new Map<string, Map<string, Big>>();
  for (const row of positionRows) {
    let positions = positionsOf.get(row.portfolio_id);
    if (positions === undefined) {
      positions = new Map();
      positionsOf.set(row.portfolio_id, positions);
    }
    positions.set(row.symbol, new Big(row.units));
  }
  const valued = books.map((portfolio) => ({
    portfolio,
    values: holdingMarketValues(
      positionsOf.get(portfolio.id) ?? new Map(),
      pack.quotes,
      pack.rates,
      portfolio.baseCurrency,
    ),
  }));
  const held = [...new Set(valued.flatMap((v) => v.values.map((h) => h.symbol)))].sort();
  const unrated = held.filter((symbol) => !quality.has(symbol));
  if (unrated.length > 0) {
    const [fundamentals, splits] = await Promise.all([
      night.market.fundamentals(unrated, signal),
      night.market.splits({ symbols: unrated, from: SPLITS_SINCE, to: asOf }, signal),
    ]);
    const periodsOf = new Map(fundamentals.map((f) => [f.symbol, f.periods]));
    const splitsOf = groupByKey(splits, (s) => s.symbol);
    for (const symbol of unrated) {
      const kind = kindOf.get(symbol);
      quality.set(
        symbol,
        kind === undefined
          ? unknownSecurity(symbol)
          : rateCompanyQuality(periodsOf.get(symbol) ?? [], {
              kind: kind as SecurityKind,
              asOf,
              splits: splitsOf.get(symbol) ?? [],
            }),
      );
    }
  }
  const rows = held.map((symbol) =>
    securityRatingRow(packId, symbol, kindOf.get(symbol) ?? null, quality.get(symbol)!),
  );
  for (const { portfolio, values } of valued) {
    const priced = values.flatMap((h) =>
      h.marketValue === null
        ? []
        : [{ symbol: h.symbol, marketValue: h.marketValue, rating: quality.get(h.symbol)! }],
    );
    const unpriced = values.flatMap((h) =>
      h.marketValue === null ? [{ symbol: h.symbol, units: h.units, reason: h.reason }] : [],
    );
    rows.push(
      portfolioRatingRow(
        packId,
        portfolio.id,
        portfolio.baseCurrency,
        ratePortfolioQuality(priced),
        unpriced,
      ),
    );
  }
  return rows;
}

function unknownSecurity(symbol: string): CompanyQuality {
  return {
    value: null,
    reason: `${symbol} is not a known security: kind unknown`,
    grade: null,
    components: null,
    weights: null,
    fiscalYears: [],
  };
}
