import {
  type CompanyQuality,
  rateCompanyQuality,
  ratePortfolioQuality,
  type SecurityKind,
} from '@truth-spine/finance-core';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { portfolios, ratings, securities, transactions } from '../../db/schema.js';
import type { StepBody } from '../../pipeline/stepBody.js';
import { holdingsOnDate } from '../buildPack/holdingsOnDate.js';
import type { StepDependencies } from '../stepDependencies.js';
import { groupByKey } from './groupByKey.js';
import { holdingMarketValues } from './holdingMarketValues.js';
import { portfolioRatingRow, type RatingRow, securityRatingRow } from './ratingRows.js';
import { readPackQuotes } from './readPackQuotes.js';

/**
 * prewarm_ratings (step 5, SPEC §8): for pack P of date D,
 * 1. each portfolio's positions on D from its books (trade date ≤ D) and their market values
 *    in its base currency = units × pack close × pack FX (exact; {@link holdingMarketValues});
 * 2. annual fundamentals of every held security from `deps.market` (offline:
 *    `fundamentals/<SYMBOL>.json`; a symbol without a file has no periods) rated with
 *    `rateCompanyQuality(periods, { kind })` — ETFs/funds are null "not applicable: fund/ETF";
 * 3. each portfolio: `ratePortfolioQuality` over its priced positions (cash is not a holding
 *    and is left out; a position without a pack close is listed as unpriced);
 * then replaces the pack's rows in `ratings` in one transaction (a re-run writes the same rows).
 */
export function prewarmRatingsStep(deps: StepDependencies): StepBody {
  return async (ctx) => {
    const packId = ctx.packId;
    if (packId === null) throw new Error('prewarm_ratings needs the pack built by build_pack');
    const rows = await ratePack(ctx.db, deps, packId, ctx.asOf, ctx.signal);
    await ctx.db.drizzle.transaction(async (tx) => {
      await tx.delete(ratings).where(eq(ratings.packId, packId));
      if (rows.length > 0) await tx.insert(ratings).values(rows);
    });
    const count = (kind: RatingRow['subjectKind']) => rows.filter((r) => r.subjectKind === kind);
    const details = {
      securities: count('security').length,
      securities_rated: count('security').filter((r) => r.score !== null).length,
      portfolios: count('portfolio').length,
      portfolios_rated: count('portfolio').filter((r) => r.score !== null).length,
    };
    ctx.logger.info({ step: 'prewarm_ratings', packId, ...details }, 'ratings written');
    return { status: 'succeeded', details };
  };
}

async function ratePack(
  db: Database,
  deps: StepDependencies,
  packId: string,
  asOf: string,
  signal: AbortSignal,
): Promise<RatingRow[]> {
  const [books, movements, kinds, pack] = await Promise.all([
    db.drizzle.select().from(portfolios).orderBy(asc(portfolios.id)),
    db.drizzle
      .select()
      .from(transactions)
      .orderBy(asc(transactions.portfolioId), asc(transactions.tradeDate), asc(transactions.id)),
    db.drizzle.select({ symbol: securities.symbol, kind: securities.kind }).from(securities),
    readPackQuotes(db, packId),
  ]);
  const kindOf = new Map(kinds.map((s) => [s.symbol, s.kind]));
  const movementsOf = groupByKey(movements, (m) => m.portfolioId);
  const valued = books.map((portfolio) => ({
    portfolio,
    values: holdingMarketValues(
      holdingsOnDate(movementsOf.get(portfolio.id) ?? [], asOf).positions,
      pack.quotes,
      pack.rates,
      portfolio.baseCurrency,
    ),
  }));
  const held = [...new Set(valued.flatMap((v) => v.values.map((h) => h.symbol)))].sort();
  const fundamentals = await deps.market.fundamentals(held, signal);
  const periodsOf = new Map(fundamentals.map((f) => [f.symbol, f.periods]));
  const quality = new Map<string, CompanyQuality>();
  for (const symbol of held) {
    const kind = kindOf.get(symbol);
    quality.set(
      symbol,
      kind === undefined
        ? unknownSecurity(symbol)
        : rateCompanyQuality(periodsOf.get(symbol) ?? [], { kind: kind as SecurityKind }),
    );
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
    reason: `${symbol} is not in securities.csv: kind unknown`,
    grade: null,
    components: null,
    weights: null,
    fiscalYears: [],
  };
}
