import { isNull } from 'drizzle-orm';
import { portfolios } from '@truth-spine/store/schema';

/**
 * The portfolios a night works on: every stored portfolio that is not archived
 * (`portfolios remove --force` sets `archived_at`, `portfolios restore` clears it). Every
 * place that lists portfolios for a night — valuation, metrics and factors
 * (readPortfolioHeaders), build_pack's universe, reconcile_ledger, prewarm_ratings and
 * evaluate_alerts — filters with this one condition, so an archived portfolio drops out of
 * every run started after it was archived (re-runs of earlier nights included) while its
 * books and stored results stay as they were. (The trading calendars still start at the
 * earliest inception of any stored portfolio: that history is kept, so they do not move.)
 *
 * The raw SQL form names the table (`portfolios.archived_at`): use it in a query whose
 * FROM has `portfolios` without an alias.
 */
export const activePortfolioSql = 'portfolios.archived_at is null';

/** {@link activePortfolioSql} for drizzle queries on `portfolios`. */
export const isActivePortfolio = isNull(portfolios.archivedAt);
